package dev.keycard.policy;

/** A place in a rule file: file name and 1-based line and column. */
public record SourceRef(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
