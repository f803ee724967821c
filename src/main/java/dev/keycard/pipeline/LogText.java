package dev.keycard.pipeline;

/**
 * Caller text made safe for a log line: control characters (line breaks above all, which would let
 * a container name forge a decision-log line of its own), the Unicode line and paragraph separators
 * and backslashes are written as JSON escapes, and the text is cut to a length, so that one event
 * stays one line of bounded size whatever the caller sent.
 */
final class LogText {
  /** Characters of one caller value in a log line. */
  static final int MAX = 200;

  private LogText() {}

  /** {@code s} escaped and cut to {@link #MAX} characters ({@code "null"} for null). */
  static String of(Object s) {
    return of(s, MAX);
  }

  /** {@code s} escaped and cut to {@code max} characters, saying how many were left out. */
  static String of(Object o, int max) {
    if (o == null) {
      return "null";
    }
    String s = String.valueOf(o);
    int n = Math.min(s.length(), max);
    if (n > 0 && n < s.length() && Character.isHighSurrogate(s.charAt(n - 1))) {
      n--; // not half a character
    }
    StringBuilder out = new StringBuilder(n + 16);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (s.length() > n) {
      out.append("...(").append(s.length() - n).append(" more characters)");
    }
    return out.toString();
  }
}
