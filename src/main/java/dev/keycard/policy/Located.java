package dev.keycard.policy;

import java.util.Arrays;

/**
 * A piece of rule text (an expression, a template) and where each of its characters stands in the
 * rule file, so that a compile error inside it is reported at {@code file:line:col} even for a
 * multi-line YAML block scalar.
 */
public final class Located {
  private final String text;
  private final SourceRef at;
  private final int[] lines;
  private final int[] columns;

  private Located(String text, SourceRef at, int[] lines, int[] columns) {
    this.text = text;
    this.at = at;
    this.lines = lines;
    this.columns = columns;
  }

  /** Text that starts at {@code at} and runs on one line. */
  public static Located inline(String text, SourceRef at) {
    return new Located(text, at, null, null);
  }

  /** Text whose character {@code i} stands at {@code lines[i]}:{@code columns[i]}. */
  public static Located mapped(String text, SourceRef at, int[] lines, int[] columns) {
    if (lines.length != text.length() || columns.length != text.length()) {
      throw new IllegalArgumentException("one position per character");
    }
    return new Located(text, at, lines.clone(), columns.clone());
  }

  public String text() {
    return text;
  }

  public SourceRef at() {
    return at;
  }

  /** Where character {@code index} of the text stands in the file (the end maps past the last). */
  public SourceRef position(int index) {
    if (at == null) {
      return null;
    }
    if (lines == null || lines.length == 0) {
      return new SourceRef(at.file(), at.line(), at.column() + Math.max(0, index));
    }
    int i = Math.max(0, Math.min(index, lines.length - 1));
    int past = index >= lines.length ? 1 : 0;
    return new SourceRef(at.file(), lines[i], columns[i] + past);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Located l
        && text.equals(l.text)
        && java.util.Objects.equals(at, l.at)
        && Arrays.equals(lines, l.lines)
        && Arrays.equals(columns, l.columns);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
