package dev.keycard.budget;

/**
 * A request's deadline passed (or the request was cancelled) while work was still running: the
 * work stops where it is and the request is answered with a timeout. No stack trace: it is an
 * expected way for a request to end, and it may be thrown from deep inside rule evaluation.
 */
public final class BudgetExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BudgetExceeded(String message) {
    super(message, null, false, false);
  }

  /** The first {@link BudgetExceeded} in {@code t}'s cause chain, or null. */
  public static BudgetExceeded in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof BudgetExceeded b) {
        return b;
      }
    }
    return null;
  }
}
