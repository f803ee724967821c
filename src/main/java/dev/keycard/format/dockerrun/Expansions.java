package dev.keycard.format.dockerrun;

/**
 * Finds where a shell expansion ends without evaluating it. Iterative and linear, so that hostile
 * nesting such as a megabyte of {@code $($($(} cannot overflow the stack or go quadratic.
 */
final class Expansions {
  private Expansions() {}

  /** The index of the {@code )} closing a {@code $(} whose body starts at {@code i}, or -1. */
  static int closeParen(String s, int i) {
    return close(s, i, '(', ')');
  }

  /** The index of the {@code }} closing a {@code ${} whose body starts at {@code i}, or -1. */
  static int closeBrace(String s, int i) {
    return close(s, i, '{', '}');
  }

  /** The index of the backtick closing one whose body starts at {@code i}, or -1. */
  static int closeBacktick(String s, int i) {
    return unescaped(s, i, '`');
  }

  private static int close(String s, int i, char open, char closing) {
    int n = s.length();
    int depth = 1;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'') {
        int j = s.indexOf('\'', i + 1);
        if (j < 0) {
          return -1;
        }
        i = j + 1;
        continue;
      }
      if (c == '"') {
        i = skipDoubleQuoted(s, i + 1);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (c == '`') {
        int j = closeBacktick(s, i + 1);
        if (j < 0) {
          return -1;
        }
        i = j + 1;
        continue;
      }
      if (c == open) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static int skipDoubleQuoted(String s, int i) {
    int close = unescaped(s, i, '"');
    return close < 0 ? -1 : close + 1;
  }

  /** The index of the first {@code c} at or after {@code i} that no backslash escapes, or -1. */
  private static int unescaped(String s, int i, char c) {
    int n = s.length();
    while (i < n) {
      char at = s.charAt(i);
      if (at == '\\') {
        i += 2;
      } else if (at == c) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }
}
