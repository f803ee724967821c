package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Starts each request's {@link Budget}: the deadline of {@code keycard.policies.deadline} for the
 * whole request (parse, decide, every fix proof, the fix-everything rounds, rule examples) and the
 * caps of {@code keycard.limits.*}.
 */
@ApplicationScoped
public class RequestBudgets {
  private final Duration deadline;
  private final Caps caps;

  public RequestBudgets(PolicyConfig policies, LimitsConfig limits) {
    this.deadline = policies.deadline();
    this.caps = limits.caps();
  }

  /** A new budget whose deadline starts now. */
  public Budget start() {
    return Budget.start(deadline, caps);
  }

  /** The configured caps. */
  public Caps caps() {
    return caps;
  }
}
