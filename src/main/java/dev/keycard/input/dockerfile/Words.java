package dev.keycard.input.dockerfile;

import dev.keycard.budget.Budget;
import dev.keycard.budget.LimitExceeded;
import java.util.ArrayList;
import java.util.List;

/**
 * The word processing BuildKit applies to {@code ARG}, {@code ENV} and {@code USER} values: quote
 * removal, the escape char, and {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}}, {@code
 * ${VAR:+word}}. A variable whose value only the build knows makes the whole word unknown.
 *
 * <p>Substitution can double a value at every line ({@code ARG A=${A}${A}}), so what it produces
 * is counted against one {@link Expansion} per Dockerfile and refused past {@code
 * max-expanded-value}, before it is appended.
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

  /**
   * The characters substitution has produced so far for one Dockerfile, and how many it may: a
   * total, not a bound per value, as a thousand values of the largest size allowed would be as bad
   * as one too large.
   */
  static final class Expansion {
    private final int max;
    private long produced;

    Expansion(int max) {
      this.max = max;
    }

    /** The cap of the request being served ({@code max-expanded-value}). */
    static Expansion ofRequest() {
      return new Expansion(Budget.current().caps().maxExpandedValue());
    }

    /**
     * Counts {@code n} more substituted characters.
     *
     * @throws LimitExceeded past the cap (413, {@code max-expanded-value})
     */
    void add(int n) {
      produced += n;
      if (produced > max) {
        throw LimitExceeded.tooLarge(
            "max-expanded-value",
            max,
            "the Dockerfile's ARG and ENV values expand to more than "
                + max
                + " characters (keycard.limits.max-expanded-value)");
      }
    }
  }

  /**
   * How deep {@code ${A:-${B:-...}}} defaults may nest before the word counts as unknown: each level
   * is a recursion and a copy of the rest of the word.
   */
  static final int MAX_NESTING = 16;

  private final char escape;
  private final Scope scope;
  private final Expansion expansion;
  private int nesting;

  Words(char escape, Scope scope, Expansion expansion) {
    this.escape = escape;
    this.scope = scope;
    this.expansion = expansion;
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
    append(out, v.value());
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
        append(out, v.value());
      }
      return v.known();
    }
    if (rest.startsWith(":-") || rest.startsWith(":+")) {
      if (v.declared() && !v.known()) {
        return false;
      }
      boolean set = v.known() && !v.value().isEmpty();
      if (nesting >= MAX_NESTING) {
        return false;
      }
      nesting++;
      String alt;
      try {
        alt = expand(rest.substring(2));
      } finally {
        nesting--;
      }
      if (alt == null) {
        return false;
      }
      if (rest.charAt(1) == '-' && set) {
        append(out, v.value());
      } else if (rest.charAt(1) == '-' || set) {
        out.append(alt); // its substitutions were counted as it was expanded
      }
      return true;
    }
    return false; // pattern modifiers (# % /) are not worth emulating here
  }

  /** Appends a substituted value once it is counted. */
  private void append(StringBuilder out, String value) {
    expansion.add(value.length());
    out.append(value);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
