package dev.keycard.remediation;

import dev.keycard.input.Source;
import java.util.List;

/** A replacement of {@code [start, end)} of the caller's original text, by offsets. */
record Edit(int start, int end, String text) {
  Edit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit " + start + "-" + end);
    }
  }

  static Edit insert(int at, String text) {
    return new Edit(at, at, text);
  }

  /** This edit of a parser's text moved to the caller's original text. */
  Edit toOriginal(Source source) {
    int s = source.originalOffset(start);
    int e = end == start ? s : source.originalOffset(end - 1) + 1;
    return new Edit(s, e, text);
  }

  /** As positioned text edits in the caller's original text. */
  static List<TextEdit> toTextEdits(List<Edit> edits, Source source) {
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
