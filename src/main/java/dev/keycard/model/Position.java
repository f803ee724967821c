package dev.keycard.model;

/**
 * A point in the submitted text: 1-based line and column (UTF-16 code units, as LSP counts) and the
 * 0-based UTF-16 offset into the whole text.
 */
public record Position(int line, int column, int offset) {
  public Position {
    if (line < 1 || column < 1 || offset < 0) {
      throw new IllegalArgumentException("bad position " + line + ":" + column + "@" + offset);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
