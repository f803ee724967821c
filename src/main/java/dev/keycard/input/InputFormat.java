package dev.keycard.input;

import java.util.Locale;
import java.util.Optional;

/** The input formats Keycard reads, by their API names. */
public enum InputFormat {
  COMPOSE("compose"),
  DOCKER_RUN("docker-run"),
  ENGINE_API("engine-api"),
  KUBERNETES("kubernetes");

  private final String apiName;

  InputFormat(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** The format named {@code name} ({@code compose}, {@code docker-run}, {@code engine-api}, {@code
   * kubernetes}). */
  public static Optional<InputFormat> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      if (f.apiName.equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
