package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all request bodies being read or waiting for their answer may take together: how many may
 * still be arriving after a second ({@code keycard.limits.max-slow-uploads}) and how many bytes may
 * be held in memory ({@code keycard.limits.max-body-buffer}). Shared by every event loop, so that
 * a flood of connections on one cannot take what the others need.
 */
@ApplicationScoped
public class BodyBudget {
  /** A body still arriving this long after its headers is a slow upload. */
  static final long SLOW_AFTER_MILLIS = 1_000;

  /** Least time between two sweeps for holds whose answer was sent without releasing them. */
  private static final long SWEEP_EVERY_NANOS = 100_000_000L;

  private final int maxSlow;
  private final long maxBytes;
  private final long timeoutMillis;
  private final AtomicInteger slow = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final Set<Hold> holds = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
  private final Counter timeouts;
  private final Counter tooSlow;
  private final Counter full;

  public BodyBudget(LimitsConfig limits, MeterRegistry registry) {
    this.maxSlow = limits.maxSlowUploads();
    this.maxBytes = limits.maxBodyBuffer().asLongValue();
    this.timeoutMillis = limits.bodyReadTimeout().toMillis();
    this.timeouts = refused(registry, "body_read_timeout");
    this.tooSlow = refused(registry, "max_slow_uploads");
    this.full = refused(registry, "max_body_buffer");
  }

  private static Counter refused(MeterRegistry registry, String reason) {
    return Counter.builder("keycard.bodies.refused")
        .description("Request bodies refused while they arrived, by the limit that refused them")
        .tag("reason", reason)
        .register(registry);
  }

  /** How long a body may take to arrive, in milliseconds. */
  long timeoutMillis() {
    return timeoutMillis;
  }

  /** Bytes of bodies held now (for tests and the record). */
  long heldBytes() {
    return bytes.get();
  }

  /** Slow uploads now. */
  int slowUploads() {
    return slow.get();
  }

  /**
   * Starts holding memory for the body of {@code rc}; released when its answer's headers are
   * written or its connection ends, whichever comes first.
   */
  Hold hold(RoutingContext rc) {
    Hold h = new Hold(rc.response());
    rc.addHeadersEndHandler(v -> h.release());
    rc.addEndHandler(v -> h.release());
    return h;
  }

  /** Counts one more slow upload, unless there are already as many as allowed. */
  boolean startSlow() {
    if (slow.incrementAndGet() > maxSlow) {
      slow.decrementAndGet();
      return false;
    }
    return true;
  }

  /** A slow upload ended (read, refused or abandoned). */
  void endSlow() {
    slow.decrementAndGet();
  }

  Problem timedOut() {
    timeouts.increment();
    return Problem.limit(
        ErrorCode.REQUEST_TIMEOUT,
        "The request body did not arrive within " + timeoutMillis
            + " ms (keycard.limits.body-read-timeout).",
        "body-read-timeout",
        timeoutMillis);
  }

  Problem tooManySlow() {
    tooSlow.increment();
    return Problem.limit(
        ErrorCode.OVERLOADED,
        maxSlow + " request bodies are already arriving slowly, as many as allowed"
            + " (keycard.limits.max-slow-uploads); send the body at once, or try again shortly.",
        "max-slow-uploads",
        maxSlow);
  }

  Problem bufferFull() {
    full.increment();
    return Problem.limit(
        ErrorCode.OVERLOADED,
        "Request bodies waiting for their answers already take " + maxBytes
            + " bytes, as much as allowed (keycard.limits.max-body-buffer); try again shortly.",
        "max-body-buffer",
        maxBytes);
  }

  /**
   * Releases the holds of requests whose response is over but whose release was missed (a
   * response closed by a handler that replaced the end handlers), at most once per {@link
   * #SWEEP_EVERY_NANOS}: a leaked hold would otherwise shrink the budget for good.
   */
  private void sweep() {
    long last = lastSweep.get();
    long now = System.nanoTime();
    if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    for (Hold h : holds) {
      if (h.response.ended() || h.response.closed()) {
        h.release();
      }
    }
  }

  /** The memory one body holds. */
  final class Hold {
    private final HttpServerResponse response;
    private long held;
    private boolean released;

    private Hold(HttpServerResponse response) {
      this.response = response;
    }

    /** Takes {@code n} more bytes from the budget; false (and nothing taken) if it has not them. */
    boolean add(int n) {
      if (bytes.addAndGet(n) > maxBytes) {
        bytes.addAndGet(-n);
        sweep(); // outside this hold's lock: the sweep takes other holds' locks
        if (bytes.addAndGet(n) > maxBytes) {
          bytes.addAndGet(-n);
          return false;
        }
      }
      synchronized (this) {
        if (released) {
          bytes.addAndGet(-n);
          return false;
        }
        if (held == 0) {
          holds.add(this);
        }
        held += n;
      }
      return true;
    }

    /** Gives every byte back; later calls do nothing. */
    synchronized void release() {
      if (!released) {
        released = true;
        bytes.addAndGet(-held);
        held = 0;
        holds.remove(this);
      }
    }
  }
}
