package dev.keycard.remediation.yaml;

import com.google.re2j.Pattern;
import dev.keycard.remediation.JsonPatch;
import java.util.List;
import java.util.Map;

/** JSON-shaped values written as YAML text that reads back as exactly the same value. */
public final class YamlText {
  /** What YAML 1.1 or 1.2 would read as something else than a string (matched whole). */
  private static final Pattern SPECIAL =
      Pattern.compile(
          "(?i)(null|~|true|false|yes|no|on|off|y|n|[-+]?[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.[0-9]+|0x[0-9a-f]+|0o[0-7]+|[-+]?\\.inf|\\.nan|[0-9:]+:[0-9]{2})");

  /** The first characters {@link #SPECIAL} can match at; any other start is never special. */
  private static final String SPECIAL_START = "nNtTfFyYoO~+-.0123456789";

  /** The longest special value that starts with a letter ({@code false}). */
  private static final int MAX_SPECIAL_WORD = 5;

  private YamlText() {}

  /** A scalar as YAML: booleans, numbers and null plain, strings plain when safe, else quoted. */
  public static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return v instanceof Double d && d == Math.rint(d)
          ? Long.toString(d.longValue())
          : v.toString();
    }
    String s = String.valueOf(v);
    return isPlain(s) ? s : quoted(s);
  }

  /**
   * Whether {@code s} can be written plain, in a block or inside a flow collection, and read back
   * as the same string: a letter, digit, {@code _ . /} first, then also {@code : = @ % + -}, not
   * ending in {@code :}, and nothing YAML would read as null, a boolean or a number. (A comma would
   * split the scalar in a flow collection, so it is quoted everywhere.)
   */
  public static boolean isPlain(String s) {
    int n = s.length();
    if (n == 0 || !isPlainStart(s.charAt(0)) || s.charAt(n - 1) == ':') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!isPlainStart(c) && ":=@%+-".indexOf(c) < 0) {
        return false;
      }
    }
    char first = s.charAt(0);
    if (SPECIAL_START.indexOf(first) < 0 || (Character.isLetter(first) && n > MAX_SPECIAL_WORD)) {
      return true;
    }
    return !SPECIAL.matcher(s).matches();
  }

  private static boolean isPlainStart(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || "_./".indexOf(c) >= 0;
  }

  /** A string double-quoted with JSON escapes (valid YAML). */
  public static String quoted(String s) {
    StringBuilder sb = new StringBuilder();
    JsonPatch.string(s, sb);
    return sb.toString();
  }

  /** Any JSON-shaped value in flow style: {@code [a, b]}, {@code {k: v}}. */
  public static String flow(Object v) {
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
