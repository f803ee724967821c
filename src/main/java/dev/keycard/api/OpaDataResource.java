package dev.keycard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keycard.report.Evaluation;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.Keycard;
import dev.keycard.report.JsonReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * OPA's Data API over Keycard's rule sets, so that a client written for OPA works unchanged:
 * {@code POST /v1/data/keycard/{ruleset}} with {@code {"input": ...}} answers {@code {"result":
 * {"allow", "deny", "findings"}}}; {@code .../allow} and {@code .../deny} answer those documents
 * alone; an undefined document (unknown rule set or path, no input) is {@code {}} with 200, as OPA
 * answers.
 */
@Budgeted
@Path("/v1/data")
@Produces(MediaType.APPLICATION_JSON)
public class OpaDataResource extends KeycardResource {
  public OpaDataResource(Keycard keycard, RequestReader reader) {
    super(keycard, reader);
  }

  @POST
  @AcceptsQuery(KnownQuery.OPA)
  @Path("{path: .*}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "OPA-compatible decision",
      description =
          "POST /v1/data/keycard/{ruleset}[/allow|/deny] with {\"input\": <compose object |"
              + " engine-api object | {\"format\": \"...\", \"content\": \"...\"}>}.")
  public Map<String, Object> post(@PathParam("path") String path, byte[] body) {
    reader.requireSize(body);
    JsonNode input = null;
    if (body != null && body.length > 0) {
      JsonNode root = reader.tree(BodyText.decode(body));
      input = root == null ? null : root.get("input");
    }
    return decide(path, input);
  }

  @GET
  @AcceptsQuery(KnownQuery.OPA)
  @Path("{path: .*}")
  @Operation(summary = "OPA-compatible decision without input (always undefined: {})")
  public Map<String, Object> get(@PathParam("path") String path) {
    return Map.of();
  }

  private Map<String, Object> decide(String path, JsonNode input) {
    String[] parts = path.split("/");
    if (parts.length < 2 || parts.length > 3 || !parts[0].equals("keycard") || input == null || input.isNull()) {
      return Map.of();
    }
    String doc = parts.length == 3 ? parts[2] : "";
    if (!doc.isEmpty() && !doc.equals("allow") && !doc.equals("deny") && !doc.equals("findings")) {
      return Map.of();
    }
    try {
      keycard.ruleSet(parts[1]);
    } catch (EvaluationService.UnknownRuleSet e) {
      return Map.of();
    }
    InputRequest request = request(input);
    Evaluation e =
        keycard
            .decide(
                Keycard.Request.uncached(
                    request, new EvaluationOptions(parts[1], null, null, null)))
            .evaluation();
    List<String> deny =
        e.findings().stream().map(f -> f.ruleId() + ": " + f.message()).toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("allow", e.allow());
    result.put("deny", deny);
    result.put("findings", e.findings().stream().map(JsonReport::finding).toList());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decision_id", e.decisionId());
    out.put("result", doc.isEmpty() ? result : result.get(doc));
    return out;
  }

  /** {@code {"format", "content"}} is text in a format; any other object is the document. */
  private InputRequest request(JsonNode input) {
    if (input.isObject() && input.path("content").isTextual() && input.size() <= 2
        && (input.size() == 1 || input.path("format").isTextual())) {
      return new InputRequest(input.path("content").textValue(), false,
          input.path("format").isTextual() ? input.path("format").textValue() : null, null, null);
    }
    if (input.isTextual()) {
      return new InputRequest(input.textValue(), false, null, null, null);
    }
    try {
      return new InputRequest(reader.pretty(input), true, null, null, null);
    } catch (JsonProcessingException ex) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "input cannot be read");
    }
  }
}
