package dev.keycard.format;

import dev.keycard.input.InputParser;
import dev.keycard.remediation.FixRenderer;
import java.util.Map;

/** What every format holds alike: its names, its parser, its renderer and its field table. */
public abstract class BaseFormat implements Format {
  private final Names names;
  private final InputParser parser;
  private final FixRenderer renderer;
  private final Map<String, FieldSource> fields;

  protected BaseFormat(
      Names names, InputParser parser, FixRenderer renderer, Map<String, FieldSource> fields) {
    this.names = names;
    this.parser = parser;
    this.renderer = renderer;
    this.fields = fields;
  }

  @Override
  public final Names names() {
    return names;
  }

  @Override
  public final InputParser parser() {
    return parser;
  }

  @Override
  public final FixRenderer renderer() {
    return renderer;
  }

  @Override
  public final Map<String, FieldSource> fields() {
    return fields;
  }

  @Override
  public final String toString() {
    return names.apiName();
  }
}
