package dev.keycard.model;

import java.util.List;

/**
 * The container's healthcheck as given: {@code disabled} when switched off ({@code --no-healthcheck},
 * {@code disable: true}, {@code test: [NONE]}), otherwise the test command when one was given.
 */
public record Healthcheck(List<String> test, boolean disabled) {
  public Healthcheck {
    test = test == null ? List.of() : List.copyOf(test);
  }
}
