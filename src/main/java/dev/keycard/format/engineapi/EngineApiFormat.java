package dev.keycard.format.engineapi;

import dev.keycard.format.BaseFormat;
import dev.keycard.input.FormatDetector;
import java.util.Set;

/** Docker Engine API container-create bodies and {@code docker inspect} output (JSON). */
public final class EngineApiFormat extends BaseFormat {
  private static final Guess JSON = new Guess(50, "a JSON document");

  private static final Names NAMES =
      new Names(
          "engine-api", "Docker Engine API", "json", "json", "container.json", Set.of());

  public static final EngineApiFormat INSTANCE = new EngineApiFormat();

  private EngineApiFormat() {
    super(NAMES, new EngineApiParser(), new EngineApiRenderer(), EngineApiFields.sources());
  }

  @Override
  public Guess detect(String text) {
    return FormatDetector.isJson(text) ? JSON : Guess.NONE;
  }
}
