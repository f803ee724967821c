package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.Keycard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request body by its content type: JSON with {@code input} and options, or a raw document
 * ({@code application/yaml}, {@code text/plain}, ...) with options as query parameters. Everything
 * wrong with the request becomes a {@link ProblemException} with the right status.
 */
@ApplicationScoped
public class RequestReader {
  static final Set<String> RAW_TYPES =
      Set.of(
          "application/yaml",
          "application/x-yaml",
          "text/yaml",
          "text/x-yaml",
          "text/plain",
          "text/markdown",
          "text/x-shellscript",
          "application/x-sh");

  private final ObjectMapper mapper;
  private final LimitsConfig limits;
  private final AdhocRules adhoc;

  public RequestReader(ObjectMapper mapper, LimitsConfig limits, AdhocRules adhoc) {
    this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.limits = limits;
    this.adhoc = adhoc;
  }

  /**
   * Reads a request to decide ({@code /v1/evaluate}, {@code /v1/fix}) as {@link #read} does, and
   * refuses it when it holds rules this caller may not submit: here, before the answer cache, so
   * that a cached answer never bypasses the check.
   */
  public ApiRequest readDecision(
      String contentType, byte[] body, MultivaluedMap<String, String> query) {
    ApiRequest request = read(contentType, body, query);
    if (AdhocRules.present(request.sent().rules())) {
      adhoc.require();
    }
    return request;
  }

  /** Reads {@code body} sent as {@code contentType} with {@code query} parameters. */
  public ApiRequest read(String contentType, byte[] body, MultivaluedMap<String, String> query) {
    requireSize(body);
    String type = mediaType(contentType);
    if (type.equals("application/json") || type.endsWith("+json")) {
      return fromJson(BodyText.decode(body), query);
    }
    if (type.isEmpty() || RAW_TYPES.contains(type)) {
      return fromRaw(BodyText.decode(body), query);
    }
    String hint =
        type.equals("application/x-www-form-urlencoded")
            ? " curl sends application/x-www-form-urlencoded by default with --data-binary:"
                + " add -H 'Content-Type: application/yaml' (or text/plain, application/json)."
            : "";
    throw new ProblemException(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Content type '" + type + "' is not accepted. Send application/json, application/yaml,"
            + " text/yaml, text/plain, text/markdown or text/x-shellscript." + hint);
  }

  private ApiRequest fromRaw(String text, MultivaluedMap<String, String> q) {
    return fromRaw(text, q, q.getFirst("format"));
  }

  private ApiRequest fromRaw(String text, MultivaluedMap<String, String> q, String format) {
    requireInput(text);
    InputRequest in = new InputRequest(text, false, format, null, null);
    JsonNode exclude = null;
    List<String> excludes = q.get("exclude");
    String ex = excludes == null ? null : String.join(",", excludes);
    if (ex != null && !ex.isBlank()) {
      var arr = JsonNodeFactory.instance.arrayNode();
      Arrays.stream(ex.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(arr::add);
      exclude = arr;
    }
    return new ApiRequest(
        in,
        new Keycard.Sent(
            q.getFirst("ruleset"), null, exclude, q.getFirst("fail_on"), q.getFirst("on_unknown")),
        q.getFirst("filename"),
        q.getFirst("uri"));
  }

  /** Refuses a body over {@code max-body-size} (413), however it reached the resource. */
  void requireSize(byte[] body) {
    if (body != null && body.length > limits.maxBodySize().asLongValue()) {
      throw new ProblemException(ErrorCode.BODY_TOO_LARGE, BodyLimitFilter.tooLarge(limits).detail());
    }
  }

  /** {@code text} as a JSON tree; invalid JSON is a 400 that says where it breaks. */
  JsonNode tree(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          ErrorCode.BAD_REQUEST, "The request body is not valid JSON: " + jsonMessage(e),
          List.of(position(e)));
    }
  }

  /** {@code node} written as indented JSON, the text a JSON input is parsed and fixed as. */
  String pretty(JsonNode node) throws JsonProcessingException {
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  private ApiRequest fromJson(String text, MultivaluedMap<String, String> q) {
    JsonNode root = tree(text);
    if (root == null || root.isMissingNode()) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "The request has no 'input'.");
    }
    String bare = bareDocument(root);
    if (bare != null) {
      // a document without the envelope: evaluated as it is, options from the query, positions in
      // the text the caller sent
      requireInput(text);
      String format = q.getFirst("format") != null ? q.getFirst("format") : bare;
      return fromRaw(text, q, format);
    }
    if (!root.isObject()) {
      throw new ProblemException(
          ErrorCode.BAD_REQUEST,
          "The request body must be a JSON object with 'input' (or an engine-api body, a docker"
              + " inspect array or a compose document), not " + kind(root) + ".");
    }
    RequestBody b = body(root);
    if (b.input() == null || b.input().isNull()) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "The request has no 'input'.");
    }
    InputRequest in;
    if (b.input() instanceof TextNode t) {
      requireInput(t.textValue());
      BodyText.requireNoControl(t.textValue(), "/input");
      in = new InputRequest(t.textValue(), false, b.format(), b.files(), b.variables());
    } else {
      try {
        in = new InputRequest(pretty(b.input()), true, b.format(), b.files(), b.variables());
      } catch (JsonProcessingException e) {
        throw new ProblemException(ErrorCode.BAD_REQUEST, "'input' cannot be serialised.");
      }
    }
    if (b.files() != null) {
      b.files().forEach((name, content) -> BodyText.requireNoControl(content, "/files/" + name));
    }
    String format = b.format() != null ? b.format() : q.getFirst("format");
    in = new InputRequest(in.text(), in.fromObject(), format, in.files(), in.variables());
    return new ApiRequest(
        in,
        new Keycard.Sent(
            first(b.ruleset(), q.getFirst("ruleset")),
            b.rules(),
            b.exclude(),
            first(b.failOn(), q.getFirst("fail_on")),
            first(b.onUnknown(), q.getFirst("on_unknown"))),
        first(b.filename(), q.getFirst("filename")),
        first(b.uri(), q.getFirst("uri")));
  }

  /** The JSON request fields, in the order API.md lists them. */
  static final List<String> FIELDS =
      List.of(
          "input", "format", "ruleset", "files", "variables", "rules", "exclude", "fail_on",
          "on_unknown", "filename", "uri");

  /**
   * The format of a body that is a document rather than a request: a {@code docker inspect} array
   * or an object of PascalCase Engine API keys ({@code Image}, {@code HostConfig}) is {@code
   * engine-api}, an object with {@code services} is {@code compose}, a Kubernetes object ({@code
   * apiVersion} and {@code kind}) is read by detection, which names it; null for anything else (a
   * request, or a mistake the field check names). An object holding any request field is a request.
   */
  static String bareDocument(JsonNode root) {
    if (root.isArray()) {
      return root.isEmpty() || root.get(0).isObject() ? "engine-api" : null;
    }
    if (!root.isObject() || root.isEmpty()) {
      return null;
    }
    boolean pascal = false;
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (FIELDS.contains(name)) {
        return null;
      }
      pascal |= !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }
    if (root.has("services")) {
      return "compose";
    }
    if (root.path("apiVersion").isTextual() && root.path("kind").isTextual()) {
      // a Kubernetes object: read as a document, so that the answer names what it is, where
      return "auto";
    }
    return pascal ? "engine-api" : null;
  }

  /**
   * The request fields, each checked for its JSON type here, so that a wrong type is named in the
   * API's own terms ('files' must be an object of strings), never in the types of the server.
   */
  private static RequestBody body(JsonNode root) {
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        String near = QueryParameters.nearest(name, FIELDS);
        throw new ProblemException(
            ErrorCode.BAD_REQUEST,
            "Unknown field '" + shown + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                + ". Known fields: " + String.join(", ", FIELDS) + ".",
            List.of(new Problem.ErrorItem("unknown field", null, null, null, null, "/" + shown)));
      }
    }
    JsonNode input = root.get("input");
    if (input != null && !input.isNull() && !input.isTextual() && !input.isContainerNode()) {
      throw wrongType("input", "a string (the document or command) or a JSON object or array");
    }
    JsonNode rules = root.get("rules");
    if (rules != null && !rules.isNull() && !rules.isTextual() && !rules.isContainerNode()) {
      throw wrongType("rules", "a list of rules, one rule object or a rule file as text");
    }
    JsonNode exclude = root.get("exclude");
    return new RequestBody(
        input,
        string(root, "format"),
        string(root, "ruleset"),
        strings(root, "files"),
        strings(root, "variables"),
        rules,
        exclude,
        string(root, "fail_on"),
        string(root, "on_unknown"),
        string(root, "filename"),
        string(root, "uri"));
  }

  private static String string(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw wrongType(field, "a string");
    }
    return n.textValue();
  }

  private static Map<String, String> strings(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw wrongType(field, "an object whose values are strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isTextual()) {
        throw new ProblemException(
            ErrorCode.BAD_REQUEST,
            "'" + field + "' must be an object whose values are strings; the value of '"
                + e.getKey() + "' is " + kind(e.getValue()) + ".",
            List.of(new Problem.ErrorItem(
                "not a string", null, null, null, null, "/" + field + "/" + e.getKey())));
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private static ProblemException wrongType(String field, String expected) {
    return new ProblemException(
        ErrorCode.BAD_REQUEST,
        "'" + field + "' must be " + expected + ".",
        List.of(new Problem.ErrorItem("wrong type", null, null, null, null, "/" + field)));
  }

  /** A JSON value's kind in JSON's own words. */
  static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING, BINARY -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  /**
   * Jackson's message for a syntax error, without its references to its own classes and methods
   * (a nesting or length limit names {@code StreamReadConstraints}).
   */
  static String jsonMessage(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      return "the JSON is nested too deeply or holds a value too long for this service";
    }
    String m = e.getOriginalMessage();
    return m == null ? "malformed JSON" : JAVA_REFERENCE.matcher(m).replaceAll("");
  }

  /** A back-quoted Java reference in a Jackson message, e.g. {@code (from `X.y()`)}. */
  private static final com.google.re2j.Pattern JAVA_REFERENCE =
      com.google.re2j.Pattern.compile(",? ?\\(?from `[^`]*`\\)?|`[a-z]+(\\.[A-Za-z_$][\\w$]*)+[^`]*`");

  private static void requireInput(String text) {
    if (text == null || text.isBlank()) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "The input is empty.");
    }
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static Problem.ErrorItem position(JsonProcessingException e) {
    var loc = e.getLocation();
    return loc == null
        ? Problem.ErrorItem.of(jsonMessage(e), null, null)
        : Problem.ErrorItem.of(jsonMessage(e), loc.getLineNr(), loc.getColumnNr());
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "";
    }
    try {
      MediaType m = MediaType.valueOf(contentType);
      return (m.getType() + "/" + m.getSubtype()).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType + "' is malformed.");
    }
  }
}
