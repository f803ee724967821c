package dev.keycard.engine;

/**
 * A compiled rule failed while evaluating one input (a runtime error, a non-boolean condition, or a
 * missed deadline); distinct from {@link RuleCompileException}, which is about the rule text.
 */
public class RuleEvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }

  public RuleEvaluationException(String message) {
    super(message);
  }
}
