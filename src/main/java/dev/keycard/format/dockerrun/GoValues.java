package dev.keycard.format.dockerrun;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The Go value syntaxes pflag and docker/cli accept: {@code strconv.ParseInt}/{@code ParseUint}
 * with base 0 ({@code 0x200}, octal {@code 0512}, {@code 0b1}, {@code 0o7}, {@code 1_000}), {@code
 * big.Rat.SetString} for {@code --cpus}, {@code time.ParseDuration} and {@code net.ParseIP}. Each
 * returns null when Go would reject the text.
 */
final class GoValues {
  private static final Pattern DURATION =
      Pattern.compile("[-+]?(0|((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern FRACTION = Pattern.compile("([-+]?\\d+)/(\\d+)");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final BigInteger NANO = BigInteger.valueOf(1_000_000_000L);

  private GoValues() {}

  /** {@code strconv.ParseInt(s, 0, bits)}. */
  static Long parseInt(String s, int bits) {
    if (s.isEmpty()) {
      return null;
    }
    boolean negative = s.charAt(0) == '-';
    String body = (s.charAt(0) == '-' || s.charAt(0) == '+') ? s.substring(1) : s;
    BigInteger v = unsigned(body);
    if (v == null) {
      return null;
    }
    if (negative) {
      v = v.negate();
    }
    BigInteger max = BigInteger.ONE.shiftLeft(bits - 1);
    if (v.compareTo(max.negate()) < 0 || v.compareTo(max) >= 0) {
      return null;
    }
    return v.longValue();
  }

  /**
   * {@code strconv.ParseUint(s, 0, bits)}, for bits below 64 (uint64 is checked as a BigInteger).
   */
  static BigInteger parseUint(String s, int bits) {
    BigInteger v = unsigned(s);
    if (v == null || v.bitLength() > bits) {
      return null;
    }
    return v;
  }

  /** An unsigned Go integer literal with an optional base prefix and {@code _} separators. */
  private static BigInteger unsigned(String s) {
    if (s.isEmpty() || s.length() > 200) {
      return null;
    }
    int radix = 10;
    String digits = s;
    boolean prefixed = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x' || p == 'b' || p == 'o') {
        radix = p == 'x' ? 16 : p == 'b' ? 2 : 8;
        digits = s.substring(2);
        prefixed = true;
      } else {
        radix = 8;
        digits = s.substring(1);
        prefixed = true;
      }
    }
    if (!underscoresOk(digits, prefixed)) {
      return null;
    }
    String clean = digits.replace("_", "");
    if (clean.isEmpty()) {
      return radix == 8 && !digits.contains("_") && !s.toLowerCase().startsWith("0o")
          ? BigInteger.ZERO
          : null;
    }
    for (int i = 0; i < clean.length(); i++) {
      if (Character.digit(clean.charAt(i), radix) < 0) {
        return null;
      }
    }
    return new BigInteger(clean, radix);
  }

  /** Go allows {@code _} only between digits, or right after a base prefix. */
  private static boolean underscoresOk(String digits, boolean prefixed) {
    if (digits.endsWith("_") || digits.contains("__")) {
      return false;
    }
    return prefixed || !digits.startsWith("_");
  }

  /**
   * {@code --cpus}: a rational number ({@code 1.5}, {@code 3/2}, {@code 1e0}) as CPUs, or null when
   * it is not a number or has more than 9 decimals (docker/cli's "value is too precise").
   */
  static Double parseCpus(String s) {
    BigDecimal value;
    var fraction = FRACTION.matcher(s);
    if (s.length() > 100) {
      return null;
    } else if (fraction.matches()) {
      BigInteger den = new BigInteger(fraction.group(2));
      if (den.signum() == 0) {
        return null;
      }
      BigInteger num = new BigInteger(fraction.group(1)).multiply(NANO);
      BigInteger[] qr = num.divideAndRemainder(den);
      if (qr[1].signum() != 0) {
        return null;
      }
      return new BigDecimal(qr[0]).movePointLeft(9).doubleValue();
    } else if (DECIMAL.matcher(s).matches()) {
      try {
        value = new BigDecimal(s);
      } catch (NumberFormatException | ArithmeticException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      if (value.movePointRight(9).stripTrailingZeros().scale() > 0) {
        return null;
      }
      double cpus = value.doubleValue();
      return Double.isFinite(cpus) ? cpus : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Whether {@code time.ParseDuration} accepts the text. */
  static boolean isDuration(String s) {
    return s.length() <= 100 && DURATION.matcher(s).matches();
  }

  /** Whether {@code net.ParseIP} accepts the text (IPv4 dotted quad or IPv6). */
  static boolean isIp(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    if (!s.contains(":") || s.length() > 45 || !IPV6_CHARS.matcher(s).matches()) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    return groups.length <= 9 && (doubleColon >= 0 || groups.length == 8 || s.contains("."));
  }
}
