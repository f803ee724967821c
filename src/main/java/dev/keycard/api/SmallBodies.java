package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Reads a small request body on the event loop, before the request goes to a worker thread. Quarkus
 * REST otherwise reads the body of a blocking endpoint from the worker through a blocking stream:
 * the worker asks the event loop for the next chunk and waits for it, two thread wake-ups per
 * request (~10% of the CPU under load). A body read here is handed to the endpoint from memory.
 *
 * <p>Only a body that declares a {@code Content-Length} of at most {@link #MAX_BYTES}, and within
 * the configured body limit, is read here. Larger and chunked bodies keep the streaming path, so
 * that {@link BodyLimitFilter} still refuses an oversized one from its {@code Content-Length}
 * before reading it; so do a form body (Vert.x would decode it rather than keep its bytes), a
 * request that expects {@code 100-continue}, and every HTTP/2 request (Quarkus REST pauses the
 * request it is handed, which HTTP/2 refuses once the body has been read: a 500, caught by
 * SmallBodiesTest).
 */
@ApplicationScoped
public class SmallBodies {
  /** Bodies up to this size (a compose file, a command line, an engine-api body) are read here. */
  static final long MAX_BYTES = 64 * 1024;

  void install(@Observes Router router, LimitsConfig limits) {
    long max = Math.min(MAX_BYTES, limits.maxBodySize().asLongValue());
    BodyHandler read = BodyHandler.create(false).setBodyLimit(max).setPreallocateBodyBuffer(true);
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            rc -> {
              HttpServerRequest r = rc.request();
              if (r.version() != HttpVersion.HTTP_2
                  && isSmall(
                      r.getHeader(HttpHeaders.CONTENT_LENGTH), r.getHeader(HttpHeaders.EXPECT), max)
                  && !isForm(r.getHeader(HttpHeaders.CONTENT_TYPE))) {
                read.handle(rc);
              } else {
                rc.next();
              }
            });
  }

  /**
   * Whether Vert.x would decode the body as a form ({@code multipart/*}, {@code
   * application/x-www-form-urlencoded}) instead of keeping its bytes: such a body is left to the
   * stream, so that an endpoint sees the bytes as sent (and refuses them as it always did).
   */
  static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = contentType.trim().toLowerCase(Locale.ROOT);
    return t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded");
  }

  /** A declared, positive length within {@code max}, and no {@code Expect} header. */
  static boolean isSmall(String contentLength, String expect, long max) {
    if (contentLength == null || expect != null) {
      return false;
    }
    int digits = contentLength.length();
    if (digits == 0 || digits > 12) {
      return false;
    }
    long n = 0;
    for (int i = 0; i < digits; i++) {
      char c = contentLength.charAt(i);
      if (c < '0' || c > '9') {
        return false; // BodyLimitFilter answers a Content-Length that is no number
      }
      n = n * 10 + (c - '0');
    }
    return n > 0 && n <= max;
  }
}
