package dev.keycard.input.common;

/**
 * Lines of a text as YAML, Dockerfiles and shells break them: at {@code \n}, {@code \r} or {@code
 * \r\n}, each one break.
 */
public final class LineBreaks {
  private LineBreaks() {}

  /** The offset of the first character of the line that holds {@code offset}. */
  public static int lineStart(CharSequence text, int offset) {
    int i = offset;
    while (i > 0 && !isBreak(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** The offset of the line break ending the line that holds {@code offset}, or the text's end. */
  public static int lineEnd(CharSequence text, int offset) {
    int i = offset;
    while (i < text.length() && !isBreak(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The offset just after the line break at {@code lineEnd} (the text's end stays there). */
  public static int afterBreak(CharSequence text, int lineEnd) {
    if (lineEnd >= text.length()) {
      return lineEnd;
    }
    boolean crlf =
        text.charAt(lineEnd) == '\r'
            && lineEnd + 1 < text.length()
            && text.charAt(lineEnd + 1) == '\n';
    return lineEnd + (crlf ? 2 : 1);
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
