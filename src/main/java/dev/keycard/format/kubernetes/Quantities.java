package dev.keycard.format.kubernetes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kubernetes resource quantities ({@code k8s.io/apimachinery/pkg/api/resource.Quantity}): a signed
 * decimal number and a suffix, binary SI ({@code Ki Mi Gi Ti Pi Ei}), decimal SI ({@code n u m k
 * M G T P E}) or a decimal exponent ({@code e3}, {@code E-2}). {@code 512Mi}, {@code 1G}, {@code
 * 500m}, {@code 0.5}, {@code 1e3}. Bounded: the number is at most 64 characters and the exponent
 * small, so no text makes {@link BigDecimal} work hard.
 */
final class Quantities {
  private static final int MAX_LENGTH = 64;

  private Quantities() {}

  /** The quantity's exact value, or null when {@code text} is no quantity. */
  static BigDecimal parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return null;
    }
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i++;
    }
    int digits = 0;
    int dot = -1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && dot < 0) {
        dot = i;
      } else {
        break;
      }
      i++;
    }
    if (digits == 0) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(s.substring(0, i));
    } catch (NumberFormatException e) {
      return null;
    }
    String suffix = s.substring(i);
    BigDecimal factor = factor(suffix);
    return factor == null ? null : number.multiply(factor);
  }

  /** Binary SI suffixes, each before an {@code i}: {@code Ki} is 2^10, each next one 2^10 more. */
  private static final String BINARY = "KMGTPE";

  /** Decimal SI suffixes: {@code n} is 10^-9, each next one 10^3 more, skipping 10^0. */
  private static final String DECIMAL = "numkMGTPE";

  private static BigDecimal factor(String suffix) {
    if (suffix.isEmpty()) {
      return BigDecimal.ONE;
    }
    char c = suffix.charAt(0);
    if (suffix.length() == 2 && suffix.charAt(1) == 'i') {
      int i = BINARY.indexOf(c);
      return i < 0 ? null : BigDecimal.valueOf(1L << (10 * (i + 1)));
    }
    int i = suffix.length() == 1 ? DECIMAL.indexOf(c) : -1;
    if (i >= 0) {
      return BigDecimal.ONE.scaleByPowerOfTen(3 * (i < 3 ? i - 3 : i - 2));
    }
    return exponent(suffix);
  }

  /** {@code e3}, {@code E-2}: a decimal exponent, bounded as a quantity's int32 scale is. */
  private static BigDecimal exponent(String suffix) {
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      return null;
    }
    String e = suffix.substring(1);
    int i = e.charAt(0) == '+' || e.charAt(0) == '-' ? 1 : 0;
    if (i == e.length() || e.length() - i > 3) {
      return null; // beyond 999, far past any resource a node has
    }
    for (int k = i; k < e.length(); k++) {
      if (e.charAt(k) < '0' || e.charAt(k) > '9') {
        return null;
      }
    }
    return BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(e));
  }

  /**
   * Bytes, as {@code Quantity.Value()} gives them: rounded up to a whole byte, {@link
   * Long#MAX_VALUE} past it; null when {@code text} is no quantity.
   */
  static Long bytes(String text) {
    BigDecimal q = parse(text);
    if (q == null) {
      return null;
    }
    BigDecimal up = q.setScale(0, RoundingMode.CEILING);
    if (up.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (up.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return up.longValueExact();
  }

  /** A number of CPUs ({@code 500m} is 0.5); null when {@code text} is no quantity. */
  static Double cpus(String text) {
    BigDecimal q = parse(text);
    return q == null ? null : q.doubleValue();
  }

  /**
   * Milli-CPUs as {@code Quantity.MilliValue()} gives them (rounded up), for the CPU shares the
   * kubelet derives from a request; null when {@code text} is no quantity.
   */
  static Long milli(String text) {
    BigDecimal q = parse(text);
    if (q == null) {
      return null;
    }
    BigDecimal m = q.scaleByPowerOfTen(3).setScale(0, RoundingMode.CEILING);
    return m.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1024)) > 0
        ? Long.MAX_VALUE / 1024
        : m.longValue();
  }
}
