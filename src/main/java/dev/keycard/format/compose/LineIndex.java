package dev.keycard.format.compose;

import java.util.Arrays;

/**
 * The lines of a YAML text as YAML breaks them ({@code \n}, {@code \r\n}, {@code \r}): the line and
 * column of a UTF-16 offset, each by a binary search.
 */
final class LineIndex {
  private final String text;
  private final int[] starts;

  LineIndex(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(s, n);
  }

  /** The 0-based line that holds {@code offset}. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The 0-based column of {@code offset} in its line, in UTF-16 units. */
  int columnOf(int offset) {
    return offset - starts[lineOf(offset)];
  }

  /** Whether nothing but blanks stands between the start of its line and {@code offset}. */
  boolean blankBefore(int offset) {
    for (int i = starts[lineOf(offset)]; i < offset; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\ufeff') {
        return false;
      }
    }
    return true;
  }
}
