package dev.keycard.format.kubernetes;

import dev.keycard.budget.Budget;

/**
 * Finds a Helm (Go) template action, {@code {{ … }}}, where YAML would read it as syntax: outside
 * comments, quoted scalars and block scalars ({@code |}, {@code >}). Rendered output holds such
 * braces only as data (a Prometheus rule's {@code "{{ $labels.instance }}"}, an alert text in a
 * literal block), which is left alone; a chart's template holds them as structure ({@code {{- if
 * .Values.x }}}, {@code replicas: {{ .Values.replicas }}}), which no YAML reader can take as the
 * manifest kubectl would apply. One pass over the text, line by line.
 */
final class HelmTemplates {
  /** What a refused template is told to do. */
  static final String HINT =
      " (is this a Helm chart template? render it first with `helm template` and send the output)";

  // what the last line scanned left: the quote still open at its end, and whether it ends with a
  // block scalar indicator
  private char lastQuote;
  private boolean opensBlock;

  private HelmTemplates() {}

  /** The offset of the first template action outside quoted and block scalars, or -1. */
  static int find(String text) {
    return new HelmTemplates().scan(text);
  }

  private int scan(String text) {
    int n = text.length();
    int i = 0;
    char quote = 0; // the open quote of a scalar that goes on to the next line
    int blockIndent = -1; // the indentation above which lines are a block scalar's content
    while (i < n) {
      Budget.current().tick();
      int lineEnd = text.indexOf('\n', i);
      lineEnd = lineEnd < 0 ? n : lineEnd;
      int indent = 0;
      while (i + indent < lineEnd && text.charAt(i + indent) == ' ') {
        indent++;
      }
      boolean blank = i + indent >= lineEnd || text.charAt(i + indent) == '\r';
      if (blockIndent >= 0 && quote == 0) {
        if (blank || indent > blockIndent) {
          i = lineEnd + 1;
          continue; // a line of a block scalar's content
        }
        blockIndent = -1;
      }
      int found = scanLine(text, i, lineEnd, quote);
      if (found >= 0) {
        return found;
      }
      quote = lastQuote;
      if (quote == 0 && opensBlock) {
        blockIndent = indent;
      }
      i = lineEnd + 1;
    }
    return -1;
  }

  private int scanLine(String text, int from, int to, char openQuote) {
    char quote = openQuote;
    int lastToken = -1; // start of the last token outside quotes
    int k = from;
    while (k < to) {
      char c = text.charAt(k);
      if (quote == '"') {
        if (c == '\\') {
          k += 2;
          continue;
        }
        if (c == '"') {
          quote = 0;
        }
        k++;
        continue;
      }
      if (quote == '\'') {
        if (c == '\'') {
          if (k + 1 < to && text.charAt(k + 1) == '\'') {
            k += 2;
            continue;
          }
          quote = 0;
        }
        k++;
        continue;
      }
      boolean tokenStart = k == from || isSeparator(text.charAt(k - 1));
      if (c == '#' && tokenStart) {
        break; // a comment runs to the end of the line
      }
      if (c == '{' && k + 1 < to && text.charAt(k + 1) == '{') {
        lastQuote = 0;
        opensBlock = false;
        return k;
      }
      if ((c == '"' || c == '\'') && tokenStart) {
        quote = c;
      } else if (c != ' ' && c != '\t' && c != '\r' && tokenStart) {
        lastToken = k;
      }
      k++;
    }
    lastQuote = quote;
    opensBlock = quote == 0 && lastToken >= 0 && isBlockIndicator(text, lastToken, to);
    return -1;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == ':' || c == ',' || c == '[' || c == ']' || c == '{'
        || c == '}' || c == '-';
  }

  /** {@code |}, {@code >}, with chomping and indentation indicators ({@code |-}, {@code >+2}). */
  private static boolean isBlockIndicator(String text, int from, int to) {
    char c = text.charAt(from);
    if (c != '|' && c != '>') {
      return false;
    }
    for (int k = from + 1; k < to; k++) {
      char x = text.charAt(k);
      if (x == ' ' || x == '\t' || x == '\r' || x == '#') {
        // a comment after the indicator was cut by the caller's scan; blanks end the token
        return true;
      }
      if (x != '-' && x != '+' && (x < '1' || x > '9')) {
        return false;
      }
    }
    return true;
  }
}
