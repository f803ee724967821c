package dev.keycard.input.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Go expressions that upstream test tables are written in, so a table can be pasted
 * verbatim: interpreted string literals (with {@code \x}, {@code \\}, {@code \"} escapes), their
 * concatenation with {@code +}, and {@code strings.Repeat("s", n)}.
 */
final class GoStrings {
  private static final Pattern REPEAT = Pattern.compile("strings\\.Repeat\\((\".*?\"), (\\d+)\\)");

  private GoStrings() {}

  /**
   * The top-level comma-separated items of a composite literal's body, e.g. {@code "a", "b", nil}.
   */
  static List<String> items(String body) {
    return split(body, ',');
  }

  private static List<String> split(String body, char separator) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(' || c == '{') {
        depth++;
      } else if (c == ')' || c == '}') {
        depth--;
      } else if (c == separator && depth == 0) {
        out.add(body.substring(start, i).trim());
        start = i + 1;
      }
    }
    String last = body.substring(start).trim();
    if (!last.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  /** The value of a string expression: literals and {@code strings.Repeat} joined by {@code +}. */
  static String value(String expr) {
    StringBuilder b = new StringBuilder();
    for (String part : split(expr, '+')) {
      Matcher m = REPEAT.matcher(part);
      if (m.matches()) {
        b.append(literal(m.group(1)).repeat(Integer.parseInt(m.group(2))));
      } else {
        b.append(literal(part));
      }
    }
    return b.toString();
  }

  /** One interpreted string literal. */
  static String literal(String lit) {
    if (lit.length() < 2 || lit.charAt(0) != '"' || lit.charAt(lit.length() - 1) != '"') {
      throw new IllegalArgumentException("not a Go string literal: " + lit);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < lit.length() - 1; i++) {
      char c = lit.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = lit.charAt(++i);
      switch (e) {
        case 'x' -> {
          b.append((char) Integer.parseInt(lit.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          b.append((char) Integer.parseInt(lit.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case '\\', '"' -> b.append(e);
        default -> throw new IllegalArgumentException("escape \\" + e + " in " + lit);
      }
    }
    return b.toString();
  }
}
