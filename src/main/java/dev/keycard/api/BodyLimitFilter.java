package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body over the configured limit from its {@code Content-Length}, before it is read; a
 * chunked body is measured again once read ({@link RequestReader}).
 */
public final class BodyLimitFilter {
  private final LimitsConfig limits;

  public BodyLimitFilter(LimitsConfig limits) {
    this.limits = limits;
  }

  @ServerRequestFilter(preMatching = true)
  public Response checkLength(ContainerRequestContext ctx) {
    String len = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (len == null) {
      return null;
    }
    try {
      if (Long.parseLong(len.trim()) > limits.maxBodySize().asLongValue()) {
        return ProblemMappers.respond(tooLarge(limits));
      }
    } catch (NumberFormatException e) {
      return ProblemMappers.respond(
          Problem.of(ErrorCode.BAD_REQUEST, "Content-Length is not a number.", null));
    }
    return null;
  }

  static Problem tooLarge(LimitsConfig limits) {
    return Problem.of(
        ErrorCode.BODY_TOO_LARGE,
        "Request body is larger than the limit of " + limits.maxBodySize().asLongValue() + " bytes.",
        null);
  }
}
