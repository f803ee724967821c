package dev.keycard.remediation;

import dev.keycard.model.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One replacement in the submitted text: {@code [start, end)} (1-based lines, UTF-16 columns, end
 * exclusive, as API.md defines positions) becomes {@code text}. An insertion has {@code start ==
 * end}.
 */
public record TextEdit(Position start, Position end, String text) {
  public TextEdit {
    if (start.offset() > end.offset()) {
      throw new IllegalArgumentException("edit ends before it starts: " + start + "-" + end);
    }
  }

  /**
   * Applies edits to {@code text}. Edits must not overlap; insertions at the same place go in the
   * order given.
   *
   * @throws IllegalArgumentException for overlapping edits or edits outside the text
   */
  public static String apply(String text, List<TextEdit> edits) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingInt(i -> edits.get(i).start().offset())
            .thenComparingInt(i -> edits.get(i).end().offset())
            .thenComparingInt(i -> i));
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (int i : order) {
      TextEdit e = edits.get(i);
      if (e.start().offset() < at || e.end().offset() > text.length()) {
        throw new IllegalArgumentException("overlapping or out-of-range edit at " + e.start());
      }
      out.append(text, at, e.start().offset()).append(e.text());
      at = e.end().offset();
    }
    return out.append(text, at, text.length()).toString();
  }
}
