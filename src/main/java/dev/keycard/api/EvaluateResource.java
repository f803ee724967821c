package dev.keycard.api;

import dev.keycard.engine.RuleTimeoutException;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.Evaluation;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.RemediationService;
import dev.keycard.report.EvaluationResponse;
import dev.keycard.report.JsonReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /v1/evaluate}: one input against one rule set, findings and a verdict. */
@Path("/v1/evaluate")
public class EvaluateResource {
  private final ParseService parser;
  private final EvaluationService evaluations;
  private final RequestReader reader;
  private final RemediationService remediation;

  public EvaluateResource(
      ParseService parser,
      EvaluationService evaluations,
      RequestReader reader,
      RemediationService remediation) {
    this.parser = parser;
    this.evaluations = evaluations;
    this.reader = reader;
    this.remediation = remediation;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Evaluate an input against a rule set",
      description =
          "Takes a docker run command, a compose document or an engine-api body (as JSON with"
              + " 'input', or raw with options as query parameters) and returns findings with"
              + " fixes and an allow/deny verdict.")
  public EvaluationResponse evaluate(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body, @Context UriInfo uri) {
    ApiRequest request = reader.read(contentType, body, uri.getQueryParameters());
    Evaluation e = run(parser, evaluations, request);
    return JsonReport.of(e, remediation.remedies(e, request.input(), Options.of(request)));
  }

  /** Parses and evaluates, mapping every caller mistake to its problem. */
  static Evaluation run(ParseService parser, EvaluationService evaluations, ApiRequest request) {
    var options = Options.of(request);
    try {
      evaluations.ruleSet(options.ruleset());
    } catch (EvaluationService.UnknownRuleSet e) {
      throw new ProblemException(ErrorCode.NOT_FOUND, e.getMessage());
    }
    ParsedInput parsed = ParseResource.parse(parser, request);
    try {
      return evaluations.evaluate(parsed, request.input(), options);
    } catch (EvaluationService.RejectedRules e) {
      throw Options.rejected(e.problems(), request.rules());
    } catch (RuleTimeoutException e) {
      throw new ProblemException(ErrorCode.EVALUATION_TIMEOUT, e.getMessage());
    }
  }
}
