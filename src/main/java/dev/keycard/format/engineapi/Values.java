package dev.keycard.format.engineapi;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.Source;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed reads of members as Go's {@code encoding/json} would decode them into the Engine API
 * structs; a value of the wrong type is reported as a warning and read as absent, never thrown.
 */
final class Values {
  private final Source source;
  private final Diagnostics sink;

  Values(Source source, Diagnostics sink) {
    this.source = source;
    this.sink = sink;
  }

  /** Where a whole member ({@code "Key": value}) came from. */
  Origin member(JsonNode n) {
    return Origin.of(n.pointer(), source.span(n.memberStart(), n.end()));
  }

  /** Where a value alone (an array element, an object without its key) came from. */
  Origin value(JsonNode n) {
    return Origin.of(n.pointer(), source.span(n.start(), n.end()));
  }

  /** The member {@code key} of {@code obj} unless absent or JSON null. */
  static JsonNode present(JsonNode obj, String key) {
    if (obj == null || !obj.isObject()) {
      return null;
    }
    JsonNode n = obj.get(key);
    return n == null || n.isNull() ? null : n;
  }

  JsonNode object(JsonNode obj, String key) {
    JsonNode n = present(obj, key);
    return n == null || expect(n, n.isObject(), "an object") ? n : null;
  }

  JsonNode array(JsonNode obj, String key) {
    JsonNode n = present(obj, key);
    return n == null || expect(n, n.isArray(), "an array") ? n : null;
  }

  String string(JsonNode obj, String key) {
    JsonNode n = present(obj, key);
    return n == null ? null : string(n);
  }

  String string(JsonNode n) {
    return expect(n, n.kind() == JsonNode.Kind.STRING, "a string") ? (String) n.plain() : null;
  }

  Boolean bool(JsonNode obj, String key) {
    JsonNode n = present(obj, key);
    if (n == null || !expect(n, n.kind() == JsonNode.Kind.BOOLEAN, "true or false")) {
      return null;
    }
    return (Boolean) n.plain();
  }

  /**
   * An integer that fits a Go int64; {@code 1.5} or {@code 1e9} are rejected, as Go rejects them.
   */
  Long integer(JsonNode obj, String key) {
    JsonNode n = present(obj, key);
    if (n == null) {
      return null;
    }
    boolean ok = n.plain() instanceof Long;
    return expect(n, ok, "an integer (int64)") ? (Long) n.plain() : null;
  }

  /**
   * A list of strings; a single string is read as a one-element list, as the API's {@code StrSlice}
   * type allows for {@code Cmd}, {@code Entrypoint}, {@code CapAdd} and {@code CapDrop}. Non-string
   * elements are reported and skipped. Returns the string nodes.
   */
  List<JsonNode> strings(JsonNode obj, String key, boolean strSlice) {
    JsonNode n = present(obj, key);
    if (n == null) {
      return null;
    }
    if (strSlice && n.kind() == JsonNode.Kind.STRING) {
      return List.of(n);
    }
    if (!expect(n, n.isArray(), strSlice ? "a string or an array of strings" : "an array")) {
      return null;
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : n.items()) {
      if (string(item) != null) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * Warns about members that differ from a field Keycard reads only in letter case: Go's decoder
   * matches field names case-insensitively, so the daemon would honour {@code "privileged": true}
   * that Keycard, reading the API's exact names, does not.
   */
  void checkCase(JsonNode obj, Set<String> known) {
    if (obj == null || !obj.isObject()) {
      return;
    }
    for (var e : obj.fields().entrySet()) {
      if (known.contains(e.getKey())) {
        continue;
      }
      for (String k : known) {
        if (k.toLowerCase(Locale.ROOT).equals(e.getKey().toLowerCase(Locale.ROOT))) {
          warn(
              DiagnosticCode.INPUT_FIELD_NAME_CASE,
              "\""
                  + e.getKey()
                  + "\" is not read by Keycard (the API field is \""
                  + k
                  + "\"), but the Docker daemon matches field names case-insensitively and would"
                  + " apply it",
              e.getValue(),
              true);
          break;
        }
      }
    }
  }

  /** Warns that {@code at} holds a value of the wrong type or syntax, which is ignored. */
  void invalid(String message, JsonNode at, boolean wholeMember) {
    warn(DiagnosticCode.INPUT_INVALID_VALUE, message, at, wholeMember);
  }

  void warn(DiagnosticCode code, String message, JsonNode at, boolean wholeMember) {
    Origin o = wholeMember ? member(at) : value(at);
    sink.add(code, message, o.span(), at.pointer());
  }

  private boolean expect(JsonNode n, boolean ok, String what) {
    if (!ok) {
      warn(
          DiagnosticCode.INPUT_INVALID_VALUE,
          n.pointer() + " must be " + what + ", not " + describe(n) + "; the setting is ignored",
          n,
          true);
    }
    return ok;
  }

  private static String describe(JsonNode n) {
    return switch (n.kind()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "the number " + n.plain();
      case BOOLEAN -> n.plain().toString();
      case NULL -> "null";
    };
  }
}
