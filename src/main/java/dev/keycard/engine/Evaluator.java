package dev.keycard.engine;

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
 * Layer 7: runs one request's rules on a bounded daemon pool and waits at most a deadline. MVEL
 * cannot be interrupted, so this is a backstop behind the grammar's static bounds: a late task is
 * abandoned (and cancelled), the caller gets a {@link RuleTimeoutException}.
 */
public final class Evaluator implements AutoCloseable {
  /** One rule's answer: a value, or the error evaluating it. */
  public record Outcome(Boolean value, RuleEvaluationException error) {
    public boolean failed() {
      return error != null;
    }
  }

  private final ThreadPoolExecutor pool;
  private final Duration deadline;
  private final AtomicLong timeouts = new AtomicLong();

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
              Thread t = new Thread(r, "keycard-rules-" + n.incrementAndGet());
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

  /** Runs {@code work} (e.g. a request's rules and messages) within the deadline. */
  public <T> T call(Callable<T> work) {
    Future<T> f;
    try {
      f = pool.submit(work);
    } catch (RejectedExecutionException e) {
      throw new RuleOverloadException("rule evaluator overloaded, try again", e);
    }
    try {
      return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      timeouts.incrementAndGet();
      throw new RuleTimeoutException("rules did not finish within " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new RuleEvaluationException("interrupted while evaluating rules", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuleEvaluationException re) {
        throw re;
      }
      throw new RuleEvaluationException("rule evaluation failed: " + cause, cause);
    }
  }

  /** How many requests wait for a thread now. */
  int queued() {
    return pool.getQueue().size();
  }

  /** How many requests missed the deadline so far (for alerting). */
  public long timeouts() {
    return timeouts.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
