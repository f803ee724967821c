package dev.keycard.input.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Maps SnakeYAML marks, which count code points, to UTF-16 offsets into the parsed text (the
 * offsets every {@link dev.keycard.input.Source} position and diagnostic speaks of). Text without
 * supplementary characters needs no table.
 */
public final class YamlOffsets {
  private final String text;
  private final int[] cpToUtf16;

  public YamlOffsets(String text) {
    this.text = text;
    this.cpToUtf16 = codePointOffsets(text);
  }

  /** The offset of {@code mark}, 0 without one. */
  public int of(Optional<Mark> mark) {
    return mark.isPresent() ? of(mark.get()) : 0;
  }

  /** The offset of {@code mark}, at most the text's length. */
  public int of(Mark mark) {
    int cp = Math.max(0, mark.getIndex());
    if (cpToUtf16 == null) {
      return Math.min(cp, text.length());
    }
    return cpToUtf16[Math.min(cp, cpToUtf16.length - 1)];
  }

  /** The end of a literal or folded block scalar, before its trailing line breaks. */
  public int trimEnd(int start, int end) {
    int e = Math.min(end, text.length());
    while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  private static int[] codePointOffsets(String s) {
    int n = s.codePointCount(0, s.length());
    if (n == s.length()) {
      return null;
    }
    int[] map = new int[n + 1];
    int off = 0;
    for (int i = 0; i < n; i++) {
      map[i] = off;
      off += Character.charCount(s.codePointAt(off));
    }
    map[n] = s.length();
    return map;
  }
}
