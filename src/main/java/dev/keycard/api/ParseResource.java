package dev.keycard.api;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.pipeline.Keycard;
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
public class ParseResource extends KeycardResource {
  public ParseResource(Keycard keycard, RequestReader reader) {
    super(keycard, reader);
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
    ParsedInput parsed = keycard.parse(request.input());
    return new ParseResponse(
        parsed.format().apiName(),
        parsed.containers(),
        parsed.warnings().stream().map(WarningView::of).toList());
  }
}
