package dev.keycard.api;

import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.Keycard;
import dev.keycard.remediation.Apply;
import dev.keycard.report.FixReport;
import dev.keycard.report.FixResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code POST /v1/fix}: the evaluation plus the input with its verified fixes applied. Query
 * parameters of its own, besides those of {@code /v1/evaluate}: {@code apply} ({@code safe}, the
 * default, applies only fixes whose impact is {@code safe} and lists the others in {@code
 * not_applied}; {@code all} applies every verified fix) and {@code to=compose}.
 */
@Budgeted
@Path("/v1/fix")
public class FixResource extends KeycardResource {
  public FixResource(Keycard keycard, RequestReader reader) {
    super(keycard, reader);
  }

  @POST
  @AcceptsQuery(KnownQuery.FIX)
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Fix an input",
      description =
          "Same request as /v1/evaluate. Returns the evaluation plus 'fixed' (the input with its"
              + " verified fixes applied, comments and formatting kept; for docker run the fixed"
              + " command), 'diff' (unified diff input to fixed) and 'patch' (every RFC 6902"
              + " operation). apply=safe (the default) applies only fixes whose remediation.impact"
              + " is 'safe' and lists the findings whose fix needs a review in 'not_applied';"
              + " apply=all applies every verified fix. With to=compose, 'compose' holds the fixed"
              + " containers as a compose document.")
  public FixResponse fix(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body,
      @QueryParam("to") String to,
      @Parameter(
              description =
                  "Which verified fixes to apply: safe (default; review fixes are listed in"
                      + " not_applied) or all")
          @QueryParam("apply")
          String apply,
      @Context UriInfo uri) {
    if (to != null && !to.isBlank() && !to.equals("compose")) {
      throw new ProblemException(
          ErrorCode.BAD_REQUEST, "unknown value for 'to': '" + to + "'; use 'compose'");
    }
    Apply mode = apply(apply);
    ApiRequest request = reader.readDecision(contentType, body, uri.getQueryParameters());
    try {
      return FixReport.of(keycard.fix(Options.request(request), mode), "compose".equals(to));
    } catch (EvaluationService.RejectedRules r) {
      throw Options.rejected(r.problems(), request.sent().rules());
    }
  }

  /** The {@code apply} parameter: absent or blank is {@code safe}; anything else but all is 400. */
  static Apply apply(String value) {
    if (value == null || value.isBlank()) {
      return Apply.SAFE;
    }
    return Apply.byName(value.strip())
        .orElseThrow(
            () ->
                new ProblemException(
                    ErrorCode.BAD_REQUEST,
                    "unknown value for 'apply': '"
                        + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                        + "'; use 'safe' (the default) or 'all'"));
  }
}
