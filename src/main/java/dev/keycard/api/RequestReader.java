package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keycard.pipeline.InputRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  public RequestReader(ObjectMapper mapper, LimitsConfig limits) {
    this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.limits = limits;
  }

  /** Reads {@code body} sent as {@code contentType} with {@code query} parameters. */
  public ApiRequest read(String contentType, byte[] body, MultivaluedMap<String, String> query) {
    if (body != null && body.length > limits.maxBodySize().asLongValue()) {
      throw new ProblemException(ErrorCode.BODY_TOO_LARGE, BodyLimitFilter.tooLarge(limits).detail());
    }
    String type = mediaType(contentType);
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    if (type.equals("application/json") || type.endsWith("+json")) {
      return fromJson(text, query);
    }
    if (type.isEmpty() || RAW_TYPES.contains(type)) {
      return fromRaw(text, query);
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
    requireInput(text);
    InputRequest in = new InputRequest(text, false, q.getFirst("format"), null, null);
    JsonNode exclude = null;
    List<String> excludes = q.get("exclude");
    String ex = excludes == null ? null : String.join(",", excludes);
    if (ex != null && !ex.isBlank()) {
      var arr = JsonNodeFactory.instance.arrayNode();
      Arrays.stream(ex.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(arr::add);
      exclude = arr;
    }
    return new ApiRequest(
        in, q.getFirst("ruleset"), null, exclude, q.getFirst("fail_on"), q.getFirst("on_unknown"),
        q.getFirst("filename"), q.getFirst("uri"));
  }

  private ApiRequest fromJson(String text, MultivaluedMap<String, String> q) {
    RequestBody b;
    try {
      b = mapper.readValue(text, RequestBody.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ProblemException(
          ErrorCode.BAD_REQUEST,
          "Unknown field '" + e.getPropertyName() + "'. Known fields: input, format, ruleset, files,"
              + " variables, rules, exclude, fail_on, on_unknown, filename, uri.",
          List.of(position(e)));
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          ErrorCode.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage(),
          List.of(position(e)));
    }
    if (b == null || b.input() == null || b.input().isNull()) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "The request has no 'input'.");
    }
    InputRequest in;
    if (b.input() instanceof TextNode t) {
      requireInput(t.textValue());
      in = new InputRequest(t.textValue(), false, b.format(), b.files(), b.variables());
    } else if (b.input().isObject() || b.input().isArray()) {
      try {
        in =
            new InputRequest(
                mapper.writerWithDefaultPrettyPrinter().writeValueAsString(b.input()),
                true, b.format(), b.files(), b.variables());
      } catch (JsonProcessingException e) {
        throw new ProblemException(ErrorCode.BAD_REQUEST, "'input' cannot be serialised.");
      }
    } else {
      throw new ProblemException(
          ErrorCode.BAD_REQUEST, "'input' must be a string (the document or command) or an object.");
    }
    String format = b.format() != null ? b.format() : q.getFirst("format");
    in = new InputRequest(in.text(), in.fromObject(), format, in.files(), in.variables());
    return new ApiRequest(
        in,
        first(b.ruleset(), q.getFirst("ruleset")),
        b.rules(),
        b.exclude(),
        first(b.failOn(), q.getFirst("fail_on")),
        first(b.onUnknown(), q.getFirst("on_unknown")),
        first(b.filename(), q.getFirst("filename")),
        first(b.uri(), q.getFirst("uri")));
  }

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
        ? Problem.ErrorItem.of(e.getOriginalMessage(), null, null)
        : Problem.ErrorItem.of(e.getOriginalMessage(), loc.getLineNr(), loc.getColumnNr());
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
