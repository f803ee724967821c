package dev.keycard.budget;

/**
 * A request asked for more than one of the {@link Caps} allows: answered with a 4xx that names
 * the limit ({@code limit}, the configuration key under {@code keycard.limits.}), its value and
 * what exceeded it. {@code tooLarge} marks size limits answered 413; the others are 422.
 */
public final class LimitExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final long max;
  private final boolean tooLarge;

  public LimitExceeded(String limit, long max, String message, boolean tooLarge) {
    super(message, null, false, false);
    this.limit = limit;
    this.max = max;
    this.tooLarge = tooLarge;
  }

  /** A 422: the request is well formed but would cause more work or output than allowed. */
  public static LimitExceeded of(String limit, long max, String message) {
    return new LimitExceeded(limit, max, message, false);
  }

  /** A 413: something the caller sent is larger than allowed. */
  public static LimitExceeded tooLarge(String limit, long max, String message) {
    return new LimitExceeded(limit, max, message, true);
  }

  /** The configuration key under {@code keycard.limits.}, e.g. {@code max-findings}. */
  public String limit() {
    return limit;
  }

  /** The configured maximum. */
  public long max() {
    return max;
  }

  /** True for a size limit (413), false for a work or output limit (422). */
  public boolean tooLarge() {
    return tooLarge;
  }

  /** The first {@link LimitExceeded} in {@code t}'s cause chain, or null. */
  public static LimitExceeded in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof LimitExceeded l) {
        return l;
      }
    }
    return null;
  }
}
