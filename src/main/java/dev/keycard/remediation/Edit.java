package dev.keycard.remediation;

import dev.keycard.input.Source;
import java.util.List;

/** A replacement of {@code [start, end)} of the caller's original text, by offsets. */
public record Edit(int start, int end, String text) {
  public Edit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit " + start + "-" + end);
    }
  }

  public static Edit insert(int at, String text) {
    return new Edit(at, at, text);
  }

  /**
   * This edit of a parser's text moved to the caller's original text. A line it inserts into a
   * block cut out of a chat message gets the markers and indentation the block's lines have there
   * ({@code > } in a blockquote, the indentation of a fence in a list item), and a line it removes
   * leaves the markers of the line after it in place.
   */
  public Edit toOriginal(Source source) {
    int s = source.originalOffset(start);
    // a removal that ends with a line break takes the next line's markers too, keeping its own
    boolean wholeLines = end > start && source.text().charAt(end - 1) == '\n';
    int e =
        end == start
            ? s
            : wholeLines ? source.originalOffset(end) : source.originalOffset(end - 1) + 1;
    String prefix = text.indexOf('\n') < 0 ? "" : source.linePrefix(start);
    return new Edit(s, e, prefix.isEmpty() ? text : text.replace("\n", "\n" + prefix));
  }

  /** As positioned text edits in the caller's original text. */
  public static List<TextEdit> toTextEdits(List<Edit> edits, Source source) {
    return edits.stream()
        .map(
            e ->
                new TextEdit(
                    source.positionInOriginal(e.start()),
                    source.positionInOriginal(e.end()),
                    e.text()))
        .toList();
  }
}
