package dev.keycard.engine;

/** A request's rules did not finish within the {@link Evaluator}'s deadline. */
public final class RuleTimeoutException extends RuleEvaluationException {
  private static final long serialVersionUID = 1L;

  public RuleTimeoutException(String message) {
    super(message);
  }
}
