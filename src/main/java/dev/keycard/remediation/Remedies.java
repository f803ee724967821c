package dev.keycard.remediation;

import dev.keycard.engine.Finding;
import java.util.IdentityHashMap;
import java.util.Map;

/** The verified fixes of one evaluation's findings, looked up by finding. */
public final class Remedies {
  private static final Remedies NONE = new Remedies(Map.of());
  private final Map<Finding, Remedy> byFinding;

  private Remedies(Map<Finding, Remedy> byFinding) {
    this.byFinding = new IdentityHashMap<>(byFinding);
  }

  /** The verified fixes given, by finding identity. */
  public static Remedies of(Map<Finding, Remedy> byFinding) {
    return new Remedies(byFinding);
  }

  /** No fixes at all. */
  public static Remedies none() {
    return NONE;
  }

  /** The verified fix for this finding (by identity), or null when none is offered. */
  public Remedy of(Finding f) {
    return byFinding.get(f);
  }

  /** How many findings have a verified fix. */
  public int size() {
    return byFinding.size();
  }
}
