package dev.keycard.remediation;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** JSON-shaped values written as YAML text that reads back as exactly the same value. */
final class YamlText {
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z0-9_./\\[\\]][A-Za-z0-9_./:=,@%+\\-]*");
  private static final Pattern SPECIAL =
      Pattern.compile(
          "(?i)(null|~|true|false|yes|no|on|off|y|n|[-+]?[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.[0-9]+|0x[0-9a-f]+|0o[0-7]+|[-+]?\\.inf|\\.nan|[0-9:]+:[0-9]{2})");

  private YamlText() {}

  /** A scalar as YAML: booleans, numbers and null plain, strings plain when safe, else quoted. */
  static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return v instanceof Double d && d == Math.rint(d)
          ? Long.toString(d.longValue())
          : v.toString();
    }
    String s = String.valueOf(v);
    if (PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches() && !s.startsWith("[")) {
      return s;
    }
    return quoted(s);
  }

  /** A string double-quoted with JSON escapes (valid YAML). */
  static String quoted(String s) {
    StringBuilder sb = new StringBuilder();
    JsonPatch.string(s, sb);
    return sb.toString();
  }

  /** Any JSON-shaped value in flow style: {@code [a, b]}, {@code {k: v}}. */
  static String flow(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ", ").append(scalar(String.valueOf(e.getKey()))).append(": ");
        sb.append(flow(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(flow(l.get(i)));
      }
      return sb.append(']').toString();
    }
    return scalar(v);
  }
}
