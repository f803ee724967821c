package dev.keycard.budget;

import java.time.Duration;

/**
 * One request's time budget: a deadline that loops check as they run ({@link #tick()} in every
 * loop over caller-sized data, {@link #check()} between stages), so work stops within milliseconds
 * of the deadline instead of running on in an abandoned thread. The request's thread binds it
 * ({@link #bind()}); a pool thread working for the request binds the same budget for the task.
 * Code that runs outside any request (start-up, tools) sees {@link #unlimited()}.
 *
 * <p>Thread-safe for what it is used for: one request's work runs on one thread at a time, and
 * {@link #cancel()} may come from another.
 */
public final class Budget {
  private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

  /** How many ticks pass between two reads of the clock. */
  private static final int CLOCK_EVERY = 256;

  private static final Budget UNLIMITED =
      new Budget(Long.MAX_VALUE, 0, false, Caps.DEFAULTS, Long.MAX_VALUE);

  private final long deadlineNanos;
  private final long lengthMillis;
  private final boolean limited;
  private final Caps caps;

  /** Units of work after which the work stops, whatever the clock says. */
  private final long maxWork;

  private volatile boolean cancelled;
  private long ticks;

  /** Characters the rule functions created in the current evaluation of an expression. */
  private long ruleText;

  private Budget(long deadlineNanos, long lengthMillis, boolean limited, Caps caps, long maxWork) {
    this.deadlineNanos = deadlineNanos;
    this.lengthMillis = lengthMillis;
    this.limited = limited;
    this.caps = caps;
    this.maxWork = maxWork;
  }

  /** A budget that ends {@code deadline} from now, with the given caps. */
  public static Budget start(Duration deadline, Caps caps) {
    return start(deadline, caps, Long.MAX_VALUE);
  }

  /**
   * As {@link #start(Duration, Caps)}, and the work also stops once more than {@code maxWork} units
   * have been charged (within {@value #CLOCK_EVERY} of it): a bound that does not depend on how
   * fast the machine is, so a test can prove that a step charges in proportion to its input.
   */
  public static Budget start(Duration deadline, Caps caps, long maxWork) {
    return new Budget(
        System.nanoTime() + deadline.toNanos(), deadline.toMillis(), true, caps, maxWork);
  }

  /** No deadline, default caps: for start-up work, tools and tests outside a request. */
  public static Budget unlimited() {
    return UNLIMITED;
  }

  /** The budget bound to this thread, or {@link #unlimited()}. */
  public static Budget current() {
    Budget b = CURRENT.get();
    return b == null ? UNLIMITED : b;
  }

  /** The caps of this request. */
  public Caps caps() {
    return caps;
  }

  /** Binds this budget to the calling thread until the returned binding is closed. */
  public Binding bind() {
    Budget previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** One unit of work done: reads the clock now and then, and stops the work once it is late. */
  public void tick() {
    if (++ticks % CLOCK_EVERY == 0) {
      check();
    }
  }

  /**
   * {@code units} units of work done at once (a function that read {@code units} characters, a
   * regular expression step that costs its program's size): the clock is read whenever the count
   * crosses a multiple of {@value #CLOCK_EVERY}, so one expensive step is followed by a check
   * instead of hiding up to {@value #CLOCK_EVERY} times its cost behind one tick.
   */
  public void charge(long units) {
    if (units <= 0) {
      return;
    }
    long before = ticks;
    ticks = before + units;
    if (before / CLOCK_EVERY != ticks / CLOCK_EVERY) {
      check();
    }
  }

  /**
   * Stops the work if the deadline has passed, the request was cancelled, or the work went past its
   * cap.
   *
   * @throws BudgetExceeded when it has
   */
  public void check() {
    if (ticks > maxWork) {
      throw new BudgetExceeded("the request did more than " + maxWork + " units of work");
    }
    if (cancelled || (limited && System.nanoTime() - deadlineNanos > 0)) {
      throw new BudgetExceeded(
          cancelled
              ? "the request was stopped: it did not finish within its deadline ("
                  + lengthMillis
                  + " ms)"
              : "the request did not finish within its deadline (" + lengthMillis + " ms)");
    }
  }

  /** A rule expression starts evaluating: the text it creates is counted from zero. */
  public void startEvaluation() {
    ruleText = 0;
  }

  /**
   * A rule function created a string of {@code chars} characters. Within one evaluation of one
   * expression they add up (a projection keeps every element it builds), at most {@link
   * Caps#maxRuleText()}; outside a request nothing is counted.
   *
   * @throws LimitExceeded past the cap
   */
  public void created(long chars) {
    if (!limited) {
      return;
    }
    ruleText += chars;
    if (ruleText > caps.maxRuleText()) {
      throw LimitExceeded.of(
          "max-rule-text",
          caps.maxRuleText(),
          "a rule would create more than " + caps.maxRuleText()
              + " characters of text in one evaluation");
    }
  }

  /** True once the deadline has passed or the request was cancelled. */
  public boolean expired() {
    return cancelled || (limited && System.nanoTime() - deadlineNanos > 0);
  }

  /** Tells the work to stop at its next check (the caller stopped waiting for it). */
  public void cancel() {
    cancelled = true;
  }

  /** Nanoseconds left before the deadline (0 once passed); {@link Long#MAX_VALUE} if unlimited. */
  public long remainingNanos() {
    if (!limited) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  /** Whether this budget has a deadline at all. */
  public boolean limited() {
    return limited;
  }

  /** Undoes a {@link #bind()}; closing twice is harmless. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
