package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts each request's {@link Budget}: the deadline of {@code keycard.policies.deadline} for the
 * whole request (parse, decide, every fix proof, the fix-everything rounds, rule examples) and the
 * caps of {@code keycard.limits.*}.
 */
@ApplicationScoped
public class RequestBudgets {
  private final PolicyConfig policies;
  private final Caps caps;

  public RequestBudgets(PolicyConfig policies, LimitsConfig limits) {
    this.policies = policies;
    this.caps = limits.caps();
  }

  /** A new budget whose deadline starts now. */
  public Budget start() {
    return Budget.start(policies.deadline(), caps);
  }

  /** The configured caps. */
  public Caps caps() {
    return caps;
  }
}
