package dev.keycard.api;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.pipeline.ParseService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /v1/parse}: the canonical model Keycard reads from an input, for rule authors. */
@Budgeted
@Path("/v1/parse")
public class ParseResource {
  private final ParseService parser;
  private final RequestReader reader;

  public ParseResource(ParseService parser, RequestReader reader) {
    this.parser = parser;
    this.reader = reader;
  }

  /** The parse response: the detected format, the containers and the warnings. */
  public record ParseResponse(String format, List<Container> containers, List<WarningView> warnings) {}

  @POST
  @AcceptsQuery(KnownQuery.PARSE)
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Parse an input into Keycard's canonical container model",
      description =
          "Takes the same request as /v1/evaluate and returns what rules see: every container"
              + " with its settings and where each came from.")
  public ParseResponse parse(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body,
      @Context UriInfo uri) {
    ApiRequest request = reader.read(contentType, body, uri.getQueryParameters());
    ParsedInput parsed = parse(parser, request);
    return new ParseResponse(
        parsed.format().apiName(),
        parsed.containers(),
        parsed.warnings().stream().map(WarningView::of).toList());
  }

  /** Parses, turning a bad format name or unparseable input into a 400 problem. */
  static ParsedInput parse(ParseService parser, ApiRequest request) {
    ParsedInput parsed;
    try {
      parsed = parser.parse(request.input());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ErrorCode.UNKNOWN_FORMAT, e.getMessage());
    }
    if (parsed.hasErrors()) {
      List<Problem.ErrorItem> errors = parsed.errors().stream().map(ParseResource::item).toList();
      Diagnostic first = parsed.errors().get(0);
      // an input that is no container spec has no format to name: say what it looks like
      String detail =
          first.is(DiagnosticCode.INPUT_NOT_A_CONTAINER_SPEC)
              ? "The input is " + first.message()
              : "The " + parsed.format().apiName() + " input could not be parsed: " + first.message();
      throw new ProblemException(ErrorCode.INPUT_PARSE_ERROR, detail, errors);
    }
    return parsed;
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
}
