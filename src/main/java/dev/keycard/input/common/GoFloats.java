package dev.keycard.input.common;

/**
 * Go's {@code strconv.ParseFloat(s, 64)}, which go-units reads the number of a size with.
 *
 * <p>The grammar (Go's floating-point literals, as {@code readFloat} reads them): an optional sign;
 * then either decimal digits with at most one dot and an optional {@code e}/{@code E} exponent, or
 * {@code 0x}/{@code 0X}, hex digits with at most one dot and a mandatory {@code p}/{@code P}
 * exponent; underscores only between digits or after the base prefix. Also {@code inf}, {@code
 * infinity} (optionally signed) and {@code nan}, in any case. Nothing else: no spaces, no other
 * digits than ASCII.
 */
public final class GoFloats {
  private GoFloats() {}

  /**
   * The value, or null when {@code s} is not a Go float literal (Go's {@code ErrSyntax}). A value
   * out of range is ±Infinity, as Go returns it alongside {@code ErrRange}.
   */
  public static Double parseFloat(String s) {
    Double special = special(s);
    if (special != null) {
      return special;
    }
    if (!wellFormed(s)) {
      return null;
    }
    String plain = s.indexOf('_') < 0 ? s : s.replace("_", "");
    // Both grammars are subsets of Java's; Java rounds to nearest-even as Go does.
    return Double.parseDouble(plain);
  }

  /** {@code inf}, {@code infinity} (signed or not) and {@code nan}, the whole text, any case. */
  private static Double special(String s) {
    String t = s;
    boolean negative = false;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      negative = t.charAt(0) == '-';
      t = t.substring(1);
    } else if (t.equalsIgnoreCase("nan") && isAscii(t)) {
      return Double.NaN;
    }
    if ((t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) && isAscii(t)) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  private static boolean isAscii(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) > 0x7f) {
        return false; // equalsIgnoreCase would take the Kelvin sign for a k, Go does not
      }
    }
    return true;
  }

  /** Go's {@code readFloat} consuming the whole text, and its underscore check. */
  private static boolean wellFormed(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    boolean hex = false;
    if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
      hex = true;
      i += 2;
    }
    boolean underscores = false;
    boolean sawDot = false;
    boolean sawDigits = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.') {
        if (sawDot) {
          break;
        }
        sawDot = true;
      } else if (isDigit(c, hex)) {
        sawDigits = true;
      } else {
        break;
      }
    }
    if (!sawDigits) {
      return false;
    }
    char expChar = hex ? 'p' : 'e';
    if (i < n && (s.charAt(i) | 0x20) == expChar) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i >= n || !isDigit(s.charAt(i), false)) {
        return false;
      }
      for (; i < n && (isDigit(s.charAt(i), false) || s.charAt(i) == '_'); i++) {
        underscores |= s.charAt(i) == '_';
      }
    } else if (hex) {
      return false; // a hex float must have an exponent
    }
    return i == n && (!underscores || underscoreOk(s));
  }

  private static boolean isDigit(char c, boolean hex) {
    return (c >= '0' && c <= '9') || (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /** Go's {@code underscoreOK}: underscores only between digits, or after a base prefix. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(s.charAt(1) | 0x20) >= 0) {
      i = 2;
      saw = '0';
      hex = (s.charAt(1) | 0x20) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c, hex)) {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else {
        if (saw == '_') {
          return false;
        }
        saw = '!';
      }
    }
    return saw != '_';
  }
}
