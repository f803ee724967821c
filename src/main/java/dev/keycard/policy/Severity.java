package dev.keycard.policy;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used in rule files and responses. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Optional<Severity> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
