package dev.keycard.input.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The word processing BuildKit applies to {@code ARG}, {@code ENV} and {@code USER} values: quote
 * removal, the escape char, and {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}}, {@code
 * ${VAR:+word}}. A variable whose value only the build knows makes the whole word unknown.
 */
final class Words {
  /** What a variable name resolves to; {@link #UNDECLARED} and {@link #UNKNOWN} carry no value. */
  record Lookup(String value, boolean declared) {
    static final Lookup UNDECLARED = new Lookup(null, false);
    static final Lookup UNKNOWN = new Lookup(null, true);

    static Lookup of(String value) {
      return new Lookup(value, true);
    }

    boolean known() {
      return value != null;
    }
  }

  /** Resolves a variable name. */
  interface Scope {
    Lookup lookup(String name);
  }

  private final char escape;
  private final Scope scope;

  Words(char escape, Scope scope) {
    this.escape = escape;
    this.scope = scope;
  }

  /** Splits at unquoted, unescaped whitespace, keeping quotes and escapes for {@link #expand}. */
  List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == escape && quote != '\'' && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
      } else if (quote != 0) {
        quote = c == quote ? 0 : quote;
        cur.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (Character.isWhitespace(c)) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** The word with quotes removed and variables substituted, or null when it cannot be known. */
  String expand(String word) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      if (c == escape && quote != '\'' && i + 1 < word.length()) {
        out.append(word.charAt(i + 1));
        i += 2;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        i++;
      } else if (quote != 0 && c == quote) {
        quote = 0;
        i++;
      } else if (c == '$' && quote != '\'' && i + 1 < word.length()) {
        int end = variable(word, i, out);
        if (end < 0) {
          return null;
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Appends the value of the reference at {@code word[at]}; returns the index after it, or -1. */
  private int variable(String word, int at, StringBuilder out) {
    char first = word.charAt(at + 1);
    if (first == '{') {
      int close = word.indexOf('}', at + 2);
      return close < 0 ? -1 : braced(word.substring(at + 2, close), out) ? close + 1 : -1;
    }
    int end = at + 1;
    while (end < word.length() && isNameChar(word.charAt(end))) {
      end++;
    }
    if (end == at + 1) {
      out.append('$'); // a lone $ is literal
      return at + 1;
    }
    Lookup v = scope.lookup(word.substring(at + 1, end));
    if (!v.known()) {
      return -1;
    }
    out.append(v.value());
    return end;
  }

  private boolean braced(String inner, StringBuilder out) {
    int n = 0;
    while (n < inner.length() && isNameChar(inner.charAt(n))) {
      n++;
    }
    String name = inner.substring(0, n);
    String rest = inner.substring(n);
    if (name.isEmpty()) {
      return false;
    }
    Lookup v = scope.lookup(name);
    if (rest.isEmpty()) {
      if (v.known()) {
        out.append(v.value());
      }
      return v.known();
    }
    if (rest.startsWith(":-") || rest.startsWith(":+")) {
      if (v.declared() && !v.known()) {
        return false;
      }
      boolean set = v.known() && !v.value().isEmpty();
      String alt = expand(rest.substring(2));
      if (alt == null) {
        return false;
      }
      out.append(rest.charAt(1) == '-' ? (set ? v.value() : alt) : (set ? alt : ""));
      return true;
    }
    return false; // pattern modifiers (# % /) are not worth emulating here
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
