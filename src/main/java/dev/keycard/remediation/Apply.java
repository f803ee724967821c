package dev.keycard.remediation;

import java.util.Locale;
import java.util.Optional;

/** Which verified fixes {@code /v1/fix} applies: {@code safe} ones only (the default), or all. */
public enum Apply {
  /** Only fixes whose impact is {@code safe}; {@code review} fixes are listed, not applied. */
  SAFE,
  /** Every verified fix. */
  ALL;

  /** The name on the wire: {@code safe}, {@code all}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code name} ({@code safe}, {@code all}), or empty. */
  public static Optional<Apply> byName(String name) {
    for (Apply a : values()) {
      if (a.apiName().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Whether a fix with this impact is applied in this mode. */
  public boolean applies(FixImpact impact) {
    return this == ALL || (impact != null && impact.safe());
  }
}
