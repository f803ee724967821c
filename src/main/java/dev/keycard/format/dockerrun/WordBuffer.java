package dev.keycard.format.dockerrun;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The word the shell lexer is assembling: its characters with the source offset of each, which of
 * them come from unresolved expansions, and whether the word exists at all (an unquoted expansion
 * to nothing, such as {@code `#optional`}, leaves no word behind).
 */
final class WordBuffer {
  private final StringBuilder text = new StringBuilder();
  private int[] offsets = new int[16];
  private final BitSet unknown = new BitSet();
  private final BitSet placeholders = new BitSet();
  private int start = -1;
  private int end;
  private boolean exists;

  boolean started() {
    return start >= 0;
  }

  boolean exists() {
    return exists;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  void markStart(int at) {
    if (start < 0) {
      start = at;
    }
  }

  /** The word exists even if empty: it had quotes or literal characters. */
  void markExists() {
    exists = true;
  }

  /** The source range of the word reaches at least {@code at} (a closing quote, say). */
  void endAt(int at) {
    end = Math.max(end, at);
  }

  void literal(char c, int at) {
    markStart(at);
    append(c, at, false);
    exists = true;
  }

  void append(char c, int at, boolean isUnknown) {
    if (text.length() == offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    if (isUnknown) {
      unknown.set(text.length());
    }
    offsets[text.length()] = at;
    text.append(c);
    endAt(at + 1);
  }

  /** A placeholder's character: unknown, and known to be a placeholder rather than an expansion. */
  void placeholder(char c, int at) {
    placeholders.set(text.length());
    append(c, at, true);
  }

  /**
   * Digits written right before a redirection operator at {@code at}: the {@code 2} of {@code 2>}.
   */
  boolean isIoNumberEndingAt(int at) {
    return started()
        && text.length() > 0
        && end == at
        && unknown.isEmpty()
        && text.chars().allMatch(c -> c >= '0' && c <= '9')
        && offsets[0] == start;
  }

  /** The finished word, and a fresh buffer. */
  Piece take() {
    Piece p =
        new Piece(
            text.toString(),
            Arrays.copyOf(offsets, text.length()),
            (BitSet) unknown.clone(),
            (BitSet) placeholders.clone(),
            start,
            Math.max(end, start + 1));
    reset();
    return p;
  }

  void reset() {
    text.setLength(0);
    unknown.clear();
    placeholders.clear();
    start = -1;
    end = 0;
    exists = false;
  }
}
