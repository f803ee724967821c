package dev.keycard.engine;

import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Layer 7: runs one request's rules on a bounded daemon pool within the request's {@link Budget}.
 * MVEL cannot be interrupted, but it cannot loop either: rules iterate only over the frozen
 * model's own lists and call only Keycard's helpers, and both check the budget as they run, so a
 * late task stops itself within milliseconds instead of being abandoned.
 */
public final class Evaluator implements AutoCloseable {
  /** One rule's answer: a value, or the error evaluating it. */
  public record Outcome(Boolean value, RuleEvaluationException error) {
    public boolean failed() {
      return error != null;
    }
  }

  /** How long past the deadline a caller waits for work that should have stopped itself. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final ThreadGroup group = new ThreadGroup("keycard-rules");
  private final ThreadPoolExecutor pool;
  private final Duration deadline;
  private final AtomicLong timeouts = new AtomicLong();
  private final java.util.Set<Budget> running =
      java.util.Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());
  private volatile boolean closed;

  /**
   * A pool of up to {@code threads} workers (started as needed, ended after 30 s idle) and a queue
   * of 1,024 requests.
   */
  public Evaluator(int threads, Duration deadline) {
    this(threads, deadline, 1_024);
  }

  /** As {@link #Evaluator(int, Duration)} with a queue of {@code queue} requests (for tests). */
  Evaluator(int threads, Duration deadline, int queue) {
    this.deadline = deadline;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(group, r, "keycard-rules-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    // A pool grows past its core size only when its queue is full; with a core of 2 in front of
    // 1,024 slots, "up to 8 threads" meant 2. Every thread is a core thread now, and idle ones end.
    pool.allowCoreThreadTimeOut(true);
  }

  /** Tests every program against one frozen container within the deadline. */
  public List<Outcome> testAll(List<Program> programs, Map<String, Object> container) {
    return call(
        () -> {
          List<Outcome> out = new ArrayList<>(programs.size());
          for (Program p : programs) {
            try {
              out.add(new Outcome(p.test(container), null));
            } catch (RuleEvaluationException e) {
              out.add(new Outcome(null, e));
            }
          }
          return out;
        });
  }

  /**
   * Runs {@code work} (e.g. a request's rules and messages) on the pool within the request's
   * budget: the worker binds the caller's {@link Budget} (or, outside a request, one of this
   * evaluator's deadline), so every loop in the work stops itself once the deadline passes. The
   * caller waits for the budget's remaining time plus a short grace; if the work is still running
   * then, the budget is cancelled (the work stops at its next check) and the caller gets a {@link
   * RuleTimeoutException}. Work started from a pool thread runs inline.
   */
  @SuppressWarnings("try") // a binding's scope is the point; the body need not name it
  public <T> T call(Callable<T> work) {
    Budget budget = Budget.current();
    if (!budget.limited()) {
      budget = Budget.start(deadline, budget.caps());
    }
    if (Thread.currentThread().getThreadGroup() == group) {
      try (Budget.Binding b = budget.bind()) {
        return work.call();
      } catch (BudgetExceeded e) {
        timeouts.incrementAndGet();
        throw new RuleTimeoutException(e.getMessage());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new RuleEvaluationException("rule evaluation failed: " + e, e);
      }
    }
    budget.check();
    Budget bound = budget;
    Future<T> f;
    try {
      f =
          pool.submit(
              () -> {
                running.add(bound);
                try (Budget.Binding b = bound.bind()) {
                  if (closed) {
                    bound.cancel();
                  }
                  return work.call();
                } finally {
                  running.remove(bound);
                }
              });
    } catch (RejectedExecutionException e) {
      throw new RuleOverloadException("rule evaluator overloaded, try again", e);
    }
    try {
      long wait = Math.min(budget.remainingNanos(), deadline.toNanos()) + GRACE_NANOS;
      return f.get(wait, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      budget.cancel();
      f.cancel(true);
      timeouts.incrementAndGet();
      throw new RuleTimeoutException(
          "rules did not finish within the request's deadline (" + deadline.toMillis() + " ms)");
    } catch (InterruptedException e) {
      budget.cancel();
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new RuleEvaluationException("interrupted while evaluating rules", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BudgetExceeded) {
        timeouts.incrementAndGet();
        throw new RuleTimeoutException(cause.getMessage());
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof StackOverflowError so) {
        throw so; // runaway input (deep nesting): answered as such, as on any other thread
      }
      throw new RuleEvaluationException("rule evaluation failed: " + cause, cause);
    }
  }

  /** How many rule threads are computing now. */
  public int active() {
    return pool.getActiveCount();
  }

  /** How many requests wait for a thread now. */
  int queued() {
    return pool.getQueue().size();
  }

  /** How many requests missed the deadline so far (for alerting). */
  public long timeouts() {
    return timeouts.get();
  }

  /**
   * Stops the pool: work still running is cancelled through its budget (it stops at its next
   * check, within milliseconds), so shutdown does not wait on a rule loop.
   */
  @Override
  public void close() {
    closed = true;
    running.forEach(Budget::cancel);
    pool.shutdownNow();
  }
}
