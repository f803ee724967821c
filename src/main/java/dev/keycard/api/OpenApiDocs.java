package dev.keycard.api;

import dev.keycard.model.DiagnosticCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the served OpenAPI document in one place: the RFC 7807 {@code Problem} schema, the
 * error responses each operation can give (from {@link ErrorCode}, with an example), and request
 * examples for the operations that take an input. Keeping this table here, next to {@link
 * ErrorCode}, means a resource cannot forget an error it shares with the others.
 */
public class OpenApiDocs implements OASFilter {
  static final String PROBLEM = "#/components/schemas/Problem";

  /** Errors per operation ({@code METHOD path}); every /v1 operation may also answer 401. */
  static final Map<String, List<ErrorCode>> ERRORS = new LinkedHashMap<>();

  static {
    List<ErrorCode> input =
        List.of(
            ErrorCode.INPUT_PARSE_ERROR,
            ErrorCode.BODY_TOO_LARGE,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    ERRORS.put("POST /v1/parse", input);
    List<ErrorCode> evaluate =
        List.of(
            ErrorCode.INPUT_PARSE_ERROR,
            ErrorCode.NOT_FOUND,
            ErrorCode.BODY_TOO_LARGE,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.RULE_COMPILE_ERROR,
            ErrorCode.SANDBOX_VIOLATION,
            ErrorCode.EVALUATION_TIMEOUT,
            ErrorCode.OVERLOADED);
    ERRORS.put("POST /v1/evaluate", evaluate);
    ERRORS.put("POST /v1/fix", evaluate);
    ERRORS.put("GET /v1/rulesets/{name}", List.of(ErrorCode.NOT_FOUND));
    ERRORS.put("GET /v1/rulesets/{name}/{version}", List.of(ErrorCode.NOT_FOUND));
    ERRORS.put("GET /v1/rules/{id}", List.of(ErrorCode.NOT_FOUND));
    ERRORS.put(
        "POST /v1/rulesets/check",
        List.of(ErrorCode.BAD_REQUEST, ErrorCode.BODY_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    ERRORS.put(
        "POST /v1/data/{path}",
        List.of(
            ErrorCode.INPUT_PARSE_ERROR,
            ErrorCode.BODY_TOO_LARGE,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.EVALUATION_TIMEOUT,
            ErrorCode.OVERLOADED));
  }

  /** The options a raw body takes as query parameters (a JSON body carries them as fields). */
  static final Map<String, String> RAW_PARAMETERS = new LinkedHashMap<>();

  static {
    RAW_PARAMETERS.put("format", "auto (default), compose, docker-run, engine-api or kubernetes");
    RAW_PARAMETERS.put("ruleset", "name, name@MAJOR, name@MAJOR.MINOR or name@MAJOR.MINOR.PATCH");
    RAW_PARAMETERS.put("exclude", "rule ids to waive, comma separated");
    RAW_PARAMETERS.put("fail_on", "lowest severity that makes allow false (default low)");
    RAW_PARAMETERS.put("filename", "artifact name for the SARIF and JUnit views");
    RAW_PARAMETERS.put("uri", "document URI for the LSP view");
  }

  static final Map<String, Object> EVALUATE_EXAMPLE = new LinkedHashMap<>();

  static {
    EVALUATE_EXAMPLE.put("input", "docker run --privileged -v /:/host myapp");
    EVALUATE_EXAMPLE.put("ruleset", "restricted@1");
    Map<String, Object> waiver = new LinkedHashMap<>();
    waiver.put("rule_id", "KC-031");
    waiver.put("container", "myapp");
    waiver.put("reason", "reads host logs");
    waiver.put("expires", "2027-03-31");
    EVALUATE_EXAMPLE.put("exclude", List.of(waiver));
    EVALUATE_EXAMPLE.put("fail_on", "high");
    EVALUATE_EXAMPLE.put("filename", "run.sh");
  }

  static final String COMPOSE_EXAMPLE =
      "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(OASFactory.createComponents());
    }
    openApi.getComponents().addSchema("Problem", problemSchema());
    describeWarningCodes(openApi);
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    for (var entry : openApi.getPaths().getPathItems().entrySet()) {
      String path = entry.getKey();
      for (var op : entry.getValue().getOperations().entrySet()) {
        String key = op.getKey().name() + " " + path;
        Operation operation = op.getValue();
        if (path.startsWith("/v1/")) {
          ERRORS.getOrDefault(key, List.of()).forEach(code -> addError(operation, code));
          addError(operation, ErrorCode.UNAUTHORIZED);
        }
        if (key.equals("POST /v1/evaluate")) {
          markdownErrors(operation);
        }
        if (key.equals("POST /v1/evaluate")
            || key.equals("POST /v1/fix")
            || key.equals("POST /v1/parse")) {
          operation.setRequestBody(inputBody());
          RAW_PARAMETERS.forEach(
              (name, description) -> {
                boolean present =
                    operation.getParameters() != null
                        && operation.getParameters().stream()
                            .anyMatch(x -> name.equals(x.getName()));
                if (!present) {
                  operation.addParameter(
                      OASFactory.createParameter()
                          .name(name)
                          .in(Parameter.In.QUERY)
                          .description(description)
                          .schema(
                              OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
                }
              });
        }
      }
    }
  }

  private static void addError(Operation operation, ErrorCode code) {
    String status = Integer.toString(code.status());
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponse existing = operation.getResponses().getAPIResponse(status);
    Problem example =
        Problem.of(
            code,
            switch (code) {
              case INPUT_PARSE_ERROR -> "The input could not be parsed as compose.";
              case NOT_FOUND ->
                  "no rule set matches 'strict'; known: baseline, cis-docker, restricted";
              case BODY_TOO_LARGE -> "The request body is larger than 1048576 bytes.";
              case UNSUPPORTED_MEDIA_TYPE -> "Content type 'text/html' is not accepted.";
              case RULE_COMPILE_ERROR -> "The rules were refused: unknown field 'c.privilegd'";
              case EVALUATION_TIMEOUT -> "rules did not finish within 2000 ms";
              case OVERLOADED -> "Too many evaluations are waiting; try again shortly.";
              case UNAUTHORIZED -> "a bearer API key is required";
              default -> code.title();
            },
            code == ErrorCode.INPUT_PARSE_ERROR
                ? List.of(Problem.ErrorItem.of("mapping values are not allowed here", 3, 12))
                : null);
    Map<String, Object> ex = new LinkedHashMap<>();
    ex.put("type", example.type());
    ex.put("title", example.title());
    ex.put("status", example.status());
    ex.put("detail", example.detail());
    ex.put("code", example.code());
    if (example.errors() != null) {
      var e = example.errors().get(0);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("message", e.message());
      item.put("line", e.line());
      item.put("column", e.column());
      ex.put("errors", List.of(item));
    }
    if (existing != null) {
      existing.setDescription(existing.getDescription() + "; " + code.title());
      return;
    }
    MediaType media =
        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)).example(ex);
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(code.title())
            .content(OASFactory.createContent().addMediaType("application/problem+json", media));
    if (code == ErrorCode.EVALUATION_TIMEOUT || code == ErrorCode.OVERLOADED) {
      response.addHeader(
          "Retry-After",
          OASFactory.createHeader()
              .description("Seconds to wait before trying again")
              .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
    }
    operation.getResponses().addAPIResponse(status, response);
  }

  /** With output=markdown every error is a Markdown message ({@link MarkdownErrors}). */
  private static void markdownErrors(Operation operation) {
    operation.getResponses().getAPIResponses().forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            if (response.getContent() == null) {
              response.setContent(OASFactory.createContent());
            }
            response
                .getContent()
                .addMediaType(
                    "text/markdown",
                    OASFactory.createMediaType()
                        .schema(
                            OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description(
                                    "With output=markdown or Accept: text/markdown: the error as"
                                        + " a chat message, with the same status")));
          }
        });
  }

  private static RequestBody inputBody() {
    Content content =
        OASFactory.createContent()
            .addMediaType(
                "application/json",
                OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/RequestBody"))
                    .example(EVALUATE_EXAMPLE))
            .addMediaType(
                "application/yaml",
                OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                    .example(COMPOSE_EXAMPLE))
            .addMediaType(
                "text/plain",
                OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                    .example("docker run --privileged -v /:/host myapp"));
    return OASFactory.createRequestBody()
        .required(true)
        .description(
            "JSON with 'input' and options, or the raw document (compose YAML, a docker run"
                + " command, engine-api JSON) with options as query parameters.")
        .content(content);
  }

  /** The schemas of a warning on the wire, whose {@code code} is a {@link DiagnosticCode}. */
  static final List<String> WARNING_SCHEMAS = List.of("WarningItem", "WarningView");

  /** The description of a warning's {@code code}: the vocabulary, and where it is explained. */
  static String warningCodeDescription() {
    return "A diagnostic code, the same for every input format (docs/diagnostics.md says what each"
        + " means and who emits it): "
        + Arrays.stream(DiagnosticCode.values())
            .map(DiagnosticCode::code)
            .collect(Collectors.joining(", "));
  }

  private static void describeWarningCodes(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    for (String name : WARNING_SCHEMAS) {
      Schema schema = schemas == null ? null : schemas.get(name);
      if (schema != null && schema.getProperties() != null) {
        Schema code = schema.getProperties().get("code");
        if (code != null) {
          code.description(warningCodeDescription());
        }
      }
    }
  }

  private static Schema problemSchema() {
    Schema string = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    Schema integer = OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER));
    Schema item =
        OASFactory.createSchema()
            .type(List.of(Schema.SchemaType.OBJECT))
            .addProperty("message", string)
            .addProperty("line", integer)
            .addProperty("column", integer)
            .addProperty("end_line", integer)
            .addProperty("end_column", integer)
            .addProperty("path", string);
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.OBJECT))
        .description("An RFC 7807 problem document with Keycard's stable code")
        .addProperty("type", string)
        .addProperty("title", string)
        .addProperty("status", integer)
        .addProperty("detail", string)
        .addProperty("code", string)
        .addProperty(
            "errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(item));
  }
}
