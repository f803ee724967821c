package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.util.function.Supplier;

/**
 * What {@link Keycard#decide} answers: the evaluation, and the fixes a view may ask for. The
 * verified fixes ({@link #remedies}) are proven when first asked, once per answer: a cached answer
 * proves them once for every request that gets it, a concurrent asker waiting for the first one
 * only until its own deadline. Views that need no fixes (JUnit) never pay for them.
 *
 * <p>The proof runs within the budget of the request that decided (the one bound to its thread when
 * {@link Keycard#decide} ran), whichever thread asks.
 */
public final class Answer {
  private final Evaluation evaluation;
  private final Keycard.Request request;
  private final RemediationService remediation;

  /** Proves the fixes on first call and keeps them (in the cache too, for a cached answer). */
  private final Supplier<Remedies> remedies;

  private final Budget budget = Budget.current();

  Answer(
      Evaluation evaluation,
      Keycard.Request request,
      RemediationService remediation,
      Supplier<Remedies> remedies) {
    this.evaluation = evaluation;
    this.request = request;
    this.remediation = remediation;
    this.remedies = remedies;
  }

  /** The decision: findings, waived findings, undecided rules, warnings and the verdict. */
  public Evaluation evaluation() {
    return evaluation;
  }

  /** The request this answers. */
  public Keycard.Request request() {
    return request;
  }

  /**
   * The verified fix of every finding that has one, proven on first call and kept with the answer
   * (and, for a cached answer, in the cache, which weighs the entry again).
   */
  @SuppressWarnings("try") // the binding is the point; the body need not name it
  public Remedies remedies() {
    try (Budget.Binding bound = within()) {
      return remedies.get();
    }
  }

  /**
   * The input with the verified fixes {@code apply} selects applied, round after round (a chat
   * answer shows the safe ones); starts from {@link #remedies}, proven once.
   */
  @SuppressWarnings("try")
  public FixResult fixed(Apply apply) {
    Remedies remedies = remedies();
    try (Budget.Binding bound = within()) {
      return remediation.fixAll(evaluation, request.input(), request.options(), apply, remedies);
    }
  }

  /** Binds the deciding request's budget when another (or none) is bound; else nothing (null). */
  private Budget.Binding within() {
    return Budget.current() == budget ? null : budget.bind();
  }
}
