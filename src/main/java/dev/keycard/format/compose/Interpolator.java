package dev.keycard.format.compose;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Compose variable interpolation from the caller's variables only (never the server's environment).
 * Grammar: {@code $$} is a literal {@code $}; {@code $NAME} and {@code ${NAME}} substitute; inside
 * braces {@code :-} / {@code -} give a default when unset-or-empty / unset, {@code :?} / {@code ?}
 * demand a value, {@code :+} / {@code +} give a replacement when set-and-non-empty / set. Defaults
 * and replacements are interpolated themselves, so they nest. A {@code $} followed by anything else
 * is kept literally.
 */
final class Interpolator {
  private final Map<String, String> variables;

  Interpolator(Map<String, String> variables) {
    this.variables = variables;
  }

  /**
   * The interpolated text; when a variable has no value (and no default) the result is the raw text
   * and {@link Result#missing()} names the variables; {@link Result#messages()} holds, at the same
   * index, the {@code :?} message given for each (empty when none).
   */
  record Result(
      String value,
      List<String> missing,
      List<String> messages,
      String partly,
      BitSet unknownChars) {
    boolean unknown() {
      return !missing.isEmpty();
    }
  }

  /**
   * Also, in {@link Result#partly()}, the text with every expression that has a value substituted
   * and every one that has none kept as written, whose characters {@link Result#unknownChars()}
   * marks: what a value's parts are read from, so that {@code ${IP}:8080:80} leaves only the host
   * IP unknown.
   */
  Result apply(String raw) {
    if (raw.indexOf('$') < 0) {
      return new Result(raw, List.of(), List.of(), raw, new BitSet());
    }
    List<String> missing = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    BitSet unknown = new BitSet();
    String value = expand(raw, missing, messages, 0, unknown);
    return missing.isEmpty()
        ? new Result(value, List.of(), List.of(), value, unknown)
        : new Result(raw, List.copyOf(missing), List.copyOf(messages), value, unknown);
  }

  private String expand(String s, List<String> missing, List<String> messages, int depth) {
    return expand(s, missing, messages, depth, null);
  }

  /** With {@code unknown} (top level only), unresolved expressions are kept and marked. */
  private String expand(
      String s, List<String> missing, List<String> messages, int depth, BitSet unknown) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int from = i;
      int outFrom = out.length();
      int missingBefore = missing.size();
      i = step(s, i, out, missing, messages, depth);
      if (unknown != null && missing.size() > missingBefore) {
        out.setLength(outFrom);
        out.append(s, from, i);
        unknown.set(outFrom, out.length());
      }
    }
    return out.toString();
  }

  /** Reads one character or one expression of {@code s} at {@code i}; returns where it ends. */
  private int step(
      String s, int i, StringBuilder out, List<String> missing, List<String> messages, int depth) {
    char c = s.charAt(i);
    if (c != '$' || i + 1 >= s.length()) {
      out.append(c);
      return i + 1;
    }
    char n = s.charAt(i + 1);
    if (n == '$') {
      out.append('$');
      return i + 2;
    }
    if (n == '{') {
      int close = matchingBrace(s, i + 2);
      if (close < 0 || depth > 16) {
        out.append(s, i, s.length());
        return s.length();
      }
      out.append(braced(s.substring(i + 2, close), missing, messages, depth));
      return close + 1;
    }
    if (isNameStart(n)) {
      int e = i + 1;
      while (e < s.length() && isNamePart(s.charAt(e))) {
        e++;
      }
      String name = s.substring(i + 1, e);
      String v = variables.get(name);
      if (v == null) {
        missing.add(name);
        messages.add("");
        v = "";
      }
      out.append(v);
      return e;
    }
    out.append(c);
    return i + 1;
  }

  private String braced(String body, List<String> missing, List<String> msgs, int depth) {
    int e = 0;
    while (e < body.length() && isNamePart(body.charAt(e))) {
      e++;
    }
    String name = body.substring(0, e);
    if (name.isEmpty()) {
      return "${" + body + "}";
    }
    String rest = body.substring(e);
    String v = variables.get(name);
    boolean set = v != null;
    boolean nonEmpty = set && !v.isEmpty();
    if (rest.isEmpty()) {
      if (!set) {
        missing.add(name);
        msgs.add("");
        return "";
      }
      return v;
    }
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
    String arg = rest.substring(op.length());
    boolean present = colon ? nonEmpty : set;
    switch (op.charAt(op.length() - 1)) {
      case '-':
        return present ? v : expand(arg, missing, msgs, depth + 1);
      case '?':
        if (!present) {
          missing.add(name);
          msgs.add(arg);
          return "";
        }
        return v;
      case '+':
        return present ? expand(arg, missing, msgs, depth + 1) : "";
      default:
        // an unknown modifier (${A:x}) is invalid for compose; keep the text as written
        return "${" + body + "}";
    }
  }

  /** The index of the brace closing a {@code ${} opened before {@code from}, or -1. */
  private static int matchingBrace(String s, int from) {
    int level = 1;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        level++;
        i++;
      } else if (c == '}' && --level == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
