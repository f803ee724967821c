package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads every request body on the event loop before the request goes to a worker thread, so that
 * a worker only ever runs a request whose body is in memory. Quarkus REST otherwise reads the body
 * of a blocking endpoint from the worker, waiting for each chunk: four connections sending a byte a
 * second held all four workers, and everyone else waited. (Reading here also saves the two thread
 * wake-ups per request of that blocking stream.)
 *
 * <p>Each body is bounded three ways ({@code keycard.limits.*}):
 *
 * <ul>
 *   <li>{@code max-body-size}: a declared {@code Content-Length} over it is left to {@link
 *       BodyLimitFilter} (413 before a byte is read); a chunked body is cut off with the same 413
 *       once it grows past it.
 *   <li>{@code body-read-timeout}: the whole body must arrive within it, else 408.
 *   <li>{@code max-slow-uploads} and {@code max-body-buffer}: how many bodies may still be arriving
 *       a second after their headers ({@link BodyBudget#SLOW_AFTER_MILLIS}), and how many bytes of
 *       bodies may be held until their answers are sent; past either, 503 with {@code
 *       Retry-After}.
 * </ul>
 *
 * <p>A refused body's connection is closed once the problem is written, as the rest of the body
 * would otherwise be read as the next request. {@code Expect: 100-continue} is answered here, after
 * the declared length was checked. {@code GET} and {@code HEAD} bodies are not read (no endpoint
 * reads them); neither are HTTP/2 bodies: Quarkus REST pauses the request it is handed, which
 * HTTP/2 refuses once the body has been read (quarkusio/quarkus#34393, a 500), so HTTP/2 is turned
 * off on the plain-text port ({@code quarkus.http.http2=false}) and would stream to the worker.
 */
@ApplicationScoped
public class Bodies {
  /** After {@link OperationsMethods}, before every other route. */
  static final int ORDER = OperationsMethods.ORDER + 1;

  /** Largest buffer allocated up front for a declared length; a larger body grows it as it comes. */
  static final int PREALLOCATE = 64 * 1024;

  private final LimitsConfig limits;
  private final BodyBudget budget;
  private final EarlyProblems problems;

  public Bodies(LimitsConfig limits, BodyBudget budget, EarlyProblems problems) {
    this.limits = limits;
    this.budget = budget;
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    HttpServerRequest r = rc.request();
    long declared = declaredLength(r.getHeader(HttpHeaders.CONTENT_LENGTH));
    if (r.version() == HttpVersion.HTTP_2
        || r.isEnded()
        || r.method() == HttpMethod.GET
        || r.method() == HttpMethod.HEAD
        || declared == 0
        || declared == INVALID
        || declared > limits.maxBodySize().asLongValue()
        || (declared == NONE && r.getHeader(HttpHeaders.TRANSFER_ENCODING) == null)) {
      rc.next(); // nothing to read, or a length BodyLimitFilter answers before reading
      return;
    }
    new Upload(rc, declared).start();
  }

  /** No {@code Content-Length} header. */
  static final long NONE = -1;

  /** A {@code Content-Length} that is not a plain decimal number. */
  static final long INVALID = -2;

  /** The declared body length, {@link #NONE} or {@link #INVALID}. */
  static long declaredLength(String contentLength) {
    if (contentLength == null) {
      return NONE;
    }
    int digits = contentLength.length();
    if (digits == 0 || digits > 15) {
      return INVALID;
    }
    long n = 0;
    for (int i = 0; i < digits; i++) {
      char c = contentLength.charAt(i);
      if (c < '0' || c > '9') {
        return INVALID; // BodyLimitFilter answers it
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** One body being read: every callback runs on the request's event loop. */
  private final class Upload {
    private final RoutingContext rc;
    private final HttpServerRequest request;
    private final Buffer body;
    private final BodyBudget.Hold hold;
    private final long max;
    private final long started = System.nanoTime();
    private long timer = -1;
    private boolean slow;
    private boolean done;

    Upload(RoutingContext rc, long declared) {
      this.rc = rc;
      this.request = rc.request();
      this.max = limits.maxBodySize().asLongValue();
      this.body = Buffer.buffer((int) Math.min(declared > 0 ? declared : 1024, PREALLOCATE));
      this.hold = budget.hold(rc);
    }

    void start() {
      String expect = request.getHeader(HttpHeaders.EXPECT);
      if (expect != null && expect.equalsIgnoreCase("100-continue")) {
        request.response().writeContinue();
        request.headers().remove(HttpHeaders.EXPECT); // so that nothing after asks for it again
      }
      long first = Math.min(BodyBudget.SLOW_AFTER_MILLIS, budget.timeoutMillis());
      timer = rc.vertx().setTimer(Math.max(1, first), id -> stillArriving());
      request.handler(this::chunk).endHandler(v -> end()).exceptionHandler(e -> abandon());
      request.resume();
    }

    private void chunk(Buffer b) {
      if (done) {
        return;
      }
      if (body.length() + (long) b.length() > max) {
        refuse(BodyLimitFilter.tooLarge(limits));
      } else if (!hold.add(b.length())) {
        refuse(budget.bufferFull());
      } else {
        body.appendBuffer(b);
      }
    }

    private void end() {
      if (done) {
        return;
      }
      finish();
      RoutingContextInternal internal = (RoutingContextInternal) rc;
      internal.visitHandler(RoutingContextInternal.BODY_HANDLER); // a later BodyHandler keeps it
      internal.setBody(body);
      rc.next();
    }

    /** A second after the headers, and at the read timeout, if the body is still arriving. */
    private void stillArriving() {
      if (done) {
        return;
      }
      long left = budget.timeoutMillis() - (System.nanoTime() - started) / 1_000_000;
      if (left <= 0) {
        refuse(budget.timedOut());
      } else if (!slow && !budget.startSlow()) {
        refuse(budget.tooManySlow());
      } else {
        slow = true;
        timer = rc.vertx().setTimer(left, id -> stillArriving());
      }
    }

    /** The connection closed before the body ended. */
    private void abandon() {
      if (!done) {
        finish();
        hold.release();
      }
    }

    private void refuse(Problem p) {
      finish();
      hold.release();
      problems.sendAndClose(rc, p);
    }

    private void finish() {
      done = true;
      rc.vertx().cancelTimer(timer);
      if (slow) {
        slow = false;
        budget.endSlow();
      }
    }
  }
}
