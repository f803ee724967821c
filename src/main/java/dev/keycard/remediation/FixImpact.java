package dev.keycard.remediation;

import java.util.List;

/**
 * What a fix costs: its {@link Impact}, and for {@code review} the one sentence saying what it
 * breaks and the alternatives to it (both empty for {@code safe}).
 */
public record FixImpact(Impact impact, String breaks, List<Alternative> alternatives) {
  /** A safe fix. */
  public static final FixImpact SAFE = new FixImpact(Impact.SAFE, null, List.of());

  public FixImpact {
    alternatives = List.copyOf(alternatives);
  }

  /** Whether the fix closes its finding without changing what the program can do. */
  public boolean safe() {
    return impact == Impact.SAFE;
  }
}
