package dev.keycard.api;

import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.RuleEvaluationException;
import dev.keycard.engine.RuleOverloadException;
import dev.keycard.engine.RuleTimeoutException;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.pipeline.Keycard;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json: the caller's mistakes with their 4xx status, and anything
 * unexpected into a logged 500 that never echoes internals.
 */
public final class ProblemMappers {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response notReady(dev.keycard.pipeline.EvaluationService.NotReady e) {
    return respond(Problem.of(ErrorCode.NOT_READY, e.getMessage(), null));
  }

  /** A rule-set selector that is malformed (400) or names nothing loaded (404). */
  @ServerExceptionMapper
  public Response unknownRuleSet(dev.keycard.pipeline.EvaluationService.UnknownRuleSet e) {
    return respond(
        Problem.of(
            e.malformed() ? ErrorCode.BAD_REQUEST : ErrorCode.NOT_FOUND, e.getMessage(), List.of()));
  }

  @ServerExceptionMapper
  public Response unknownFormat(Keycard.UnknownFormat e) {
    return respond(Problem.of(ErrorCode.UNKNOWN_FORMAT, e.getMessage(), List.of()));
  }

  @ServerExceptionMapper
  public Response unparsed(Keycard.Unparsed e) {
    return respond(problem(e));
  }

  /** An input that does not parse: 400 with every error at its position. */
  static Problem problem(Keycard.Unparsed e) {
    ParsedInput parsed = e.parsed();
    List<Problem.ErrorItem> errors = parsed.errors().stream().map(ProblemMappers::item).toList();
    Diagnostic first = parsed.errors().get(0);
    // an input that is no container spec has no format to name: say what it looks like
    String detail =
        first.is(DiagnosticCode.INPUT_NOT_A_CONTAINER_SPEC)
            ? "The input is " + first.message()
            : "The " + parsed.format().apiName() + " input could not be parsed: " + first.message();
    return Problem.of(ErrorCode.INPUT_PARSE_ERROR, detail, errors);
  }

  private static Problem.ErrorItem item(Diagnostic d) {
    if (d.span() == null) {
      return new Problem.ErrorItem(d.message(), null, null, null, null, d.path());
    }
    return new Problem.ErrorItem(
        d.message(),
        d.span().start().line(),
        d.span().start().column(),
        d.span().end().line(),
        d.span().end().column(),
        d.path());
  }

  /**
   * The rule engine's deadline or full queue, wherever in a request it happens: deciding, proving
   * fixes (every batch evaluates again), the fix-everything loop or the OPA Data API. Both are 503
   * with {@code Retry-After}; any other engine failure is unexpected.
   */
  @ServerExceptionMapper
  public Response rules(RuleEvaluationException e) {
    if (e instanceof RuleTimeoutException) {
      return retryLater(Problem.of(ErrorCode.EVALUATION_TIMEOUT, e.getMessage(), null));
    }
    if (e instanceof RuleOverloadException) {
      return retryLater(
          Problem.of(
              ErrorCode.OVERLOADED, "Too many evaluations are waiting; try again shortly.", null));
    }
    return unexpected(e);
  }

  /** The request's deadline passed inside any stage: the work stopped there. */
  @ServerExceptionMapper
  public Response deadline(BudgetExceeded e) {
    return retryLater(Problem.of(ErrorCode.EVALUATION_TIMEOUT, e.getMessage(), null));
  }

  /** A cap of {@code keycard.limits.*}: 413 for a size the caller sent, else 422. */
  @ServerExceptionMapper
  public Response limit(LimitExceeded e) {
    return respond(
        Problem.limit(
            e.tooLarge() ? ErrorCode.INPUT_TOO_LARGE : ErrorCode.LIMIT_EXCEEDED,
            e.getMessage(),
            e.limit(),
            e.max()));
  }

  private static Response retryLater(Problem p) {
    return Response.status(p.status())
        .type(PROBLEM_JSON)
        .header("Retry-After", "1")
        .entity(p)
        .build();
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e) {
    return respond(
        Problem.of(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "Send application/json, application/yaml, text/yaml, text/plain, text/markdown or"
                + " text/x-shellscript.",
            null));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return respond(Problem.of(ErrorCode.NOT_FOUND, "No such resource.", null));
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e) {
    return respond(Problem.of(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed here.", null));
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e) {
    return respond(
        Problem.of(ErrorCode.NOT_ACCEPTABLE, "No representation for that Accept header.", null));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status == 413) {
      return respond(Problem.of(ErrorCode.BODY_TOO_LARGE, "Request body too large.", null));
    }
    if (status >= 500) {
      LOG.error("request failed", e);
      return respond(Problem.of(ErrorCode.INTERNAL_ERROR, "Internal error.", null));
    }
    return respond(
        new Problem(
            "about:blank",
            e.getResponse().getStatusInfo().getReasonPhrase(),
            status,
            e.getMessage(),
            ErrorCode.BAD_REQUEST.code(),
            null));
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
      LOG.error("runaway input", e);
      return respond(Problem.of(ErrorCode.BAD_REQUEST, "Input too complex to process.", null));
    }
    LOG.error("unexpected failure", e);
    return respond(Problem.of(ErrorCode.INTERNAL_ERROR, "Internal error.", null));
  }

  static Response respond(Problem p) {
    return Response.status(p.status()).type(PROBLEM_JSON).entity(p).build();
  }
}
