package dev.keycard.api;

import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.Keycard;
import dev.keycard.remediation.Apply;
import dev.keycard.report.Evaluation;
import dev.keycard.report.EvaluationResponse;
import dev.keycard.report.FixResult;
import dev.keycard.report.JsonReport;
import dev.keycard.report.JunitReport;
import dev.keycard.report.LspReport;
import dev.keycard.report.MarkdownReport;
import dev.keycard.report.ReportContext;
import dev.keycard.report.SarifReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /v1/evaluate}: one input against one rule set, findings and a verdict. */
@Budgeted
@Path("/v1/evaluate")
public class EvaluateResource extends KeycardResource {
  private final ReportContexts contexts;

  public EvaluateResource(Keycard keycard, RequestReader reader, ReportContexts contexts) {
    super(keycard, reader);
    this.contexts = contexts;
  }

  @POST
  @AcceptsQuery(KnownQuery.EVALUATE)
  @Consumes(MediaType.WILDCARD)
  @Produces({
    MediaType.APPLICATION_JSON,
    "application/sarif+json",
    "application/xml",
    "application/junit+xml",
    "text/xml",
    "text/markdown",
    "application/vnd.keycard.lsp+json"
  })
  @Operation(
      summary = "Evaluate an input against a rule set",
      description =
          "Takes a docker run command, a compose document, an engine-api body or Kubernetes"
              + " manifests (as JSON with 'input', or raw with options as query parameters) and returns findings with"
              + " fixes and an allow/deny verdict. ?output=sarif|junit|markdown|lsp (or the"
              + " Accept header) selects another view of the same result.")
  @APIResponse(
      responseCode = "200",
      description = "The evaluation, in the view selected by ?output= or Accept (JSON by default)",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationResponse.class)),
        @Content(
            mediaType = "application/sarif+json",
            schema = @Schema(type = SchemaType.OBJECT, description = "A SARIF 2.1.0 log")),
        @Content(
            mediaType = "application/xml",
            schema = @Schema(type = SchemaType.STRING, description = "JUnit XML")),
        @Content(
            mediaType = "text/markdown",
            schema = @Schema(type = SchemaType.STRING, description = "A chat answer")),
        @Content(
            mediaType = "application/vnd.keycard.lsp+json",
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "The LSP view (?output=lsp), served as application/json. The envelope is"
                            + " Keycard's own and snake_case like the rest of the API (uri,"
                            + " diagnostics, code_actions); what it holds are LSP 3.17 objects,"
                            + " which keep LSP's own camelCase names (codeDescription, isPreferred,"
                            + " newText). An input that does not parse is answered 200 in this"
                            + " envelope, its errors as Error diagnostics.",
                    requiredProperties = {"uri", "diagnostics", "code_actions"},
                    properties = {
                      @SchemaProperty(
                          name = "uri",
                          type = SchemaType.STRING,
                          description =
                              "The document the diagnostics and edits are for: the request's uri,"
                                  + " else untitled: and the file name"),
                      @SchemaProperty(
                          name = "diagnostics",
                          type = SchemaType.ARRAY,
                          description =
                              "LSP Diagnostic[]: 0-based range, severity (1 Error at or above"
                                  + " fail_on or an undecided rule with on_unknown=deny), code (rule"
                                  + " id), codeDescription.href, source 'keycard', message, and data"
                                  + " (Keycard's: fingerprint and severity, or undecided: true)"),
                      @SchemaProperty(
                          name = "code_actions",
                          type = SchemaType.ARRAY,
                          description =
                              "LSP CodeAction[], one quickfix per verified fix: title, kind,"
                                  + " diagnostics, isPreferred (a safe fix only), edit (a"
                                  + " WorkspaceEdit whose changes map uri to TextEdits), and data"
                                  + " (Keycard's: impact, and breaks for a review fix)")
                    }))
      })
  public Response evaluate(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBody.class)))
          byte[] body,
      @Parameter(
              description =
                  "The view: json (default), sarif, junit, markdown or lsp; overrides Accept")
          @QueryParam("output")
          String output,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    OutputView view = OutputView.select(output, headers.getAcceptableMediaTypes());
    ApiRequest request = reader.readDecision(contentType, body, uri.getQueryParameters());
    Answer answer;
    try {
      answer = keycard.decide(Options.request(request));
    } catch (Keycard.Unparsed p) {
      if (view == OutputView.LSP) {
        return Response.ok(lspErrors(ProblemMappers.problem(p), request), view.contentType())
            .build();
      }
      throw p;
    } catch (EvaluationService.RejectedRules r) {
      throw Options.rejected(r.problems(), request.sent().rules());
    }
    Evaluation e = answer.evaluation();
    ReportContext ctx = contexts.of(request, e.ruleSet());
    Object entity =
        switch (view) {
          case JSON -> JsonReport.of(e, answer.remedies());
          case SARIF -> SarifReport.of(e, answer.remedies(), ctx);
          case LSP -> LspReport.of(e, answer.remedies(), ctx);
          case JUNIT -> JunitReport.of(e, ctx);
          case MARKDOWN -> markdown(answer);
        };
    return Response.ok(entity, view.contentType()).build();
  }

  /**
   * A parse error in the LSP view: 200 with the errors as Error diagnostics at their ranges, since
   * an editor sends the document on every keystroke and shows diagnostics, not HTTP errors.
   */
  private static Object lspErrors(Problem p, ApiRequest request) {
    List<LspReport.Note> notes = new ArrayList<>();
    if (p.errors() == null || p.errors().isEmpty()) {
      notes.add(new LspReport.Note(p.code(), p.detail(), null, null, null, null));
    } else {
      for (Problem.ErrorItem i : p.errors()) {
        notes.add(
            new LspReport.Note(
                p.code(), i.message(), i.line(), i.column(), i.endLine(), i.endColumn()));
      }
    }
    String uri =
        request.uri() != null && !request.uri().isBlank()
            ? request.uri().trim()
            : "untitled:" + (request.filename() == null || request.filename().isBlank()
                ? "input" : request.filename().trim());
    return LspReport.ofErrors(uri, notes);
  }

  private static String markdown(Answer answer) {
    Evaluation e = answer.evaluation();
    if (e.findings().isEmpty()) {
      return MarkdownReport.of(e, null, 0);
    }
    // safe fixes only: the ones that need a review are listed with what they would break
    FixResult fixed = answer.fixed(Apply.SAFE);
    // the fixed snippets, not the chat message they came in (the prose and the fences around them)
    return MarkdownReport.withFixed(
        e, fixed.fixedInput(), fixed.applied(), fixed.notApplied(), fixed.remedies());
  }
}
