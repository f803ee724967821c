package dev.keycard.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Health, metrics and OpenAPI ({@code /q/*}) answer {@code GET} and {@code HEAD} only; any other
 * method is a 405 problem before the endpoint runs (health used to answer every method, made-up
 * ones included). A CORS preflight still reaches the CORS handler.
 */
@ApplicationScoped
public class OperationsMethods {
  /** Runs before every other route, {@link Bodies} included: nothing is read for a refused call. */
  static final int ORDER = Integer.MIN_VALUE;

  void install(@Observes Router router, EarlyProblems problems) {
    router
        .route("/q/*")
        .order(ORDER)
        .handler(
            rc -> {
              HttpServerRequest r = rc.request();
              if (allowed(r)) {
                rc.next();
                return;
              }
              rc.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
              Problem p =
                  Problem.of(
                      ErrorCode.METHOD_NOT_ALLOWED,
                      "Operations endpoints answer GET and HEAD only.",
                      null);
              if (r.isEnded()) {
                problems.send(rc, p);
              } else {
                problems.sendAndClose(rc, p);
              }
            });
  }

  private static boolean allowed(HttpServerRequest r) {
    HttpMethod m = r.method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD) {
      return true;
    }
    return m == HttpMethod.OPTIONS
        && r.getHeader(HttpHeaders.ORIGIN) != null
        && r.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
  }
}
