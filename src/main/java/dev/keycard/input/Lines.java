package dev.keycard.input;

import dev.keycard.budget.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a chat message and their Markdown blockquote markers ({@code > }, {@code > > }),
 * read by hand in one pass each.
 */
final class Lines {
  /** A line: its first offset, its end without the line break, and where the next one starts. */
  record Line(int start, int end, int next) {
    String text(String s) {
      return s.substring(start, end);
    }
  }

  /** Where a line's content starts after its blockquote markers, and how many there were. */
  record Quote(int depth, int contentStart) {}

  private Lines() {}

  /** Every line of {@code s}; a line ends at {@code \n} ({@code \r\n} too). */
  static List<Line> of(String s) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    Budget budget = Budget.current();
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      budget.tick();
      int end = i > start && s.charAt(i - 1) == '\r' ? i - 1 : i;
      out.add(new Line(start, end, i + 1));
      start = i + 1;
    }
    if (start < s.length()) {
      out.add(new Line(start, s.length(), s.length()));
    }
    return out;
  }

  /**
   * The blockquote markers that start {@code line} (CommonMark: up to three spaces, {@code >}, one
   * optional blank, repeated).
   */
  static Quote quote(String s, Line line) {
    int depth = 0;
    int content = line.start();
    int i = content;
    while (true) {
      int j = i;
      while (j < line.end() && j - i < 3 && s.charAt(j) == ' ') {
        j++;
      }
      if (j >= line.end() || s.charAt(j) != '>') {
        return new Quote(depth, content);
      }
      j++;
      if (j < line.end() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
        j++;
      }
      depth++;
      content = j;
      i = j;
    }
  }

  /** Whether the line holds only blanks (after its blockquote markers, if any). */
  static boolean blank(String s, Line line) {
    for (int i = quote(s, line).contentStart(); i < line.end(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  /** The columns of leading indentation from {@code from}, a tab counting up to the next of four. */
  static int indent(String s, int from, int end) {
    int col = 0;
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        col++;
      } else if (c == '\t') {
        col += 4 - col % 4;
      } else {
        return col;
      }
    }
    return col;
  }
}
