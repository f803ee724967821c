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
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        return i;
      } else {
        i++;
      }
    }
    return -1;
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
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return -1;
  }
}
