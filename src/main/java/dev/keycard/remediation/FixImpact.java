package dev.keycard.remediation;

import java.util.List;

/**
 * What a fix costs: its {@link Impact}, and for {@code review} the one sentence saying what it
 * breaks and the alternatives to it (both empty for {@code safe}). {@code sources} are the
 * documentation addresses {@code breaks} cites, each written in it as {@code (address)}: Keycard's
 * own catalogue data, never caller text, so a view may render them as links.
 */
public record FixImpact(
    Impact impact, String breaks, List<Alternative> alternatives, List<String> sources) {
  /** A safe fix. */
  public static final FixImpact SAFE = new FixImpact(Impact.SAFE, null, List.of(), List.of());

  public FixImpact {
    alternatives = List.copyOf(alternatives);
    sources = List.copyOf(sources);
  }

  public FixImpact(Impact impact, String breaks, List<Alternative> alternatives) {
    this(impact, breaks, alternatives, List.of());
  }

  /** Whether the fix closes its finding without changing what the program can do. */
  public boolean safe() {
    return impact == Impact.SAFE;
  }
}
