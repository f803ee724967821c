package dev.keycard.format.dockerrun;

import java.util.BitSet;

/**
 * A shell word, or part of one, after quote removal: its text, the offset in the source text of
 * every character (so that a part of a value, such as a mount's target, can be positioned), which
 * characters only the client knows (an expansion its shell would resolve, {@code $VAR}, {@code
 * $(...)}, or a documentation placeholder such as {@code <data-dir>}) and which of those are
 * placeholders ({@code placeholders} is a subset of {@code unknown}), and the source range {@code
 * [start, end)} it was written in (quotes included). Built once and never changed: the lexer hands
 * over its arrays and sets, and reads only copies ({@link #unknownChars()}).
 */
record Piece(String text, int[] offsets, BitSet unknown, BitSet placeholders, int start, int end) {
  /** A private-use character standing for a colon inside an expansion. */
  static final char MASK = '\uE000';

  Piece(String text, int[] offsets, BitSet unknown, int start, int end) {
    this(text, offsets, unknown, new BitSet(), start, end);
  }

  /** Whether any character came from an expansion the client's shell would resolve. */
  boolean isUnknown() {
    return !unknown.isEmpty();
  }

  /** Which characters only the client knows, by index (a copy). */
  BitSet unknownChars() {
    return (BitSet) unknown.clone();
  }

  /** Whether character {@code i} belongs to a placeholder such as {@code <data-dir>}. */
  boolean isPlaceholder(int i) {
    return placeholders.get(i);
  }

  /**
   * Whether every character only the client knows is a placeholder's, which the lexer has already
   * warned about at its own position (there is no shell expansion to name).
   */
  boolean onlyPlaceholders() {
    BitSet expansions = (BitSet) unknown.clone();
    expansions.andNot(placeholders);
    return expansions.isEmpty();
  }

  /** Whether any character in {@code [from, to)} came from an unresolved expansion. */
  boolean isUnknown(int from, int to) {
    int next = unknown.nextSetBit(from);
    return next >= 0 && next < to;
  }

  /**
   * The text with every {@code ':'} that sits inside an unresolved expansion ({@code ${A:-b}})
   * replaced by {@link #MASK}, so that colon-separated syntaxes split only where the shell's output
   * would; {@link #unmask} restores them.
   */
  String maskedText() {
    if (unknown.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = unknown.nextSetBit(0); i >= 0; i = unknown.nextSetBit(i + 1)) {
      if (chars[i] == ':') {
        chars[i] = MASK;
      }
    }
    return new String(chars);
  }

  static String unmask(String s) {
    return s == null ? null : s.replace(MASK, ':');
  }

  /** The part {@code text[from, to)}, positioned on exactly the characters it came from. */
  Piece sub(int from, int to) {
    int f = Math.max(0, Math.min(from, text.length()));
    int t = Math.max(f, Math.min(to, text.length()));
    int s;
    int e;
    if (t > f) {
      s = offsets[f];
      e = offsets[t - 1] + 1;
    } else {
      s = f < text.length() ? offsets[f] : end;
      e = s;
    }
    int[] subOffsets = java.util.Arrays.copyOfRange(offsets, f, t);
    return new Piece(
        text.substring(f, t),
        subOffsets,
        unknown.get(f, t),
        placeholders.get(f, t),
        s,
        Math.max(s, e));
  }

  /** The part from {@code from} to the end. */
  Piece sub(int from) {
    return sub(from, text.length());
  }

  @Override
  public String toString() {
    return text;
  }
}
