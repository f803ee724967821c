package dev.keycard.engine;

/**
 * One problem found by the rule gate, positioned in the rule text it was given.
 *
 * @param code stable error code
 * @param message human-readable explanation
 * @param line 1-based line within the expression or template text
 * @param column 1-based column within that line
 * @param offset 0-based character offset within the text
 */
public record GateError(ErrorCode code, String message, int line, int column, int offset) {

  /** Builds an error at {@code offset} of {@code source}, computing line and column. */
  static GateError at(ErrorCode code, String message, String source, int offset) {
    int off = Math.max(0, Math.min(offset, source.length()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < off; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new GateError(code, message, line, off - lineStart + 1, off);
  }

  /** Moves an error found in a sub-text that starts at {@code base} of {@code source}. */
  GateError shift(String source, int base) {
    return at(code, message, source, base + offset);
  }

  /** {@code line:col: code: message}, then the offending source line and a caret under it. */
  public String formatWithCaret(String source) {
    String[] lines = source.split("\n", -1);
    String text = line - 1 < lines.length ? lines[line - 1] : "";
    StringBuilder sb = new StringBuilder();
    sb.append(line).append(':').append(column).append(": ").append(code.code());
    sb.append(": ").append(message).append('\n').append(" | ").append(text).append('\n');
    sb.append(" | ").append(" ".repeat(Math.max(0, column - 1))).append('^');
    return sb.toString();
  }

  @Override
  public String toString() {
    return line + ":" + column + ": " + code.code() + ": " + message;
  }
}
