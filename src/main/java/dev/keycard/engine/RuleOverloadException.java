package dev.keycard.engine;

/** The {@link Evaluator}'s queue is full: the request was not run; the caller may try again. */
public final class RuleOverloadException extends RuleEvaluationException {
  private static final long serialVersionUID = 1L;

  public RuleOverloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
