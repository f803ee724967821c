package dev.keycard.format;

import dev.keycard.input.InputParser;
import dev.keycard.remediation.FixRenderer;

/** What every format holds alike: its names, its parser and its renderer. */
public abstract class BaseFormat implements Format {
  private final Names names;
  private final InputParser parser;
  private final FixRenderer renderer;

  protected BaseFormat(Names names, InputParser parser, FixRenderer renderer) {
    this.names = names;
    this.parser = parser;
    this.renderer = renderer;
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
  public final String toString() {
    return names.apiName();
  }
}
