package dev.keycard.format.engineapi;

import dev.keycard.format.Format;
import dev.keycard.input.FormatDetector;
import dev.keycard.input.InputParser;
import dev.keycard.remediation.FixRenderer;
import java.util.Set;

/** Docker Engine API container-create bodies and {@code docker inspect} output (JSON). */
public final class EngineApiFormat implements Format {
  private static final Guess JSON = new Guess(50, "a JSON document");

  private static final Names NAMES =
      new Names(
          "engine-api", "Docker Engine API", "json", "json", "container.json", Set.of());

  public static final EngineApiFormat INSTANCE = new EngineApiFormat();

  private final EngineApiParser parser = new EngineApiParser();
  private final EngineApiRenderer renderer = new EngineApiRenderer();

  private EngineApiFormat() {}

  @Override
  public Names names() {
    return NAMES;
  }

  @Override
  public Guess detect(String text) {
    return FormatDetector.isJson(text) ? JSON : Guess.NONE;
  }

  @Override
  public InputParser parser() {
    return parser;
  }

  @Override
  public FixRenderer renderer() {
    return renderer;
  }

  @Override
  public String toString() {
    return apiName();
  }
}
