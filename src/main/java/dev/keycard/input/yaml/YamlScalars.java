package dev.keycard.input.yaml;

import java.math.BigInteger;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML 1.2 core-schema values of resolved scalars, as JSON-shaped Java values: {@code String},
 * {@code Long} (a {@code Double} past 64 bits), {@code Double}, {@code Boolean} or null.
 */
public final class YamlScalars {
  /**
   * Longer integers (digits, with a 0x or 0o prefix) stay text: {@code BigInteger} parses in
   * quadratic time, a million digits in tens of seconds, and no setting holds such a number.
   */
  public static final int MAX_DIGITS = 400;

  private YamlScalars() {}

  /** The value of a composed scalar node. */
  public static Object value(ScalarNode n) {
    return value(n.getValue(), n.getTag());
  }

  /** The value of scalar text {@code v} resolved to {@code tag}; text for any other tag. */
  public static Object value(String v, Tag tag) {
    if (tag == Tag.STR) {
      return v; // most scalars: no other tag to compare
    }
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(v.toLowerCase(Locale.ROOT).equals("true"));
    }
    if (Tag.INT.equals(tag)) {
      return integer(v);
    }
    if (Tag.FLOAT.equals(tag)) {
      return floating(v);
    }
    return v;
  }

  /** {@code [-+]?[0-9]+}: what the core int pattern matches first, before any float pattern. */
  public static boolean isDecimal(String v) {
    if (v.isEmpty()) {
      return false;
    }
    int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
    if (i == v.length()) {
      return false;
    }
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Object integer(String v) {
    if (v.length() <= 18 && isDecimal(v)) {
      return Long.parseLong(v); // fits a long whatever its digits: what BigInteger would give
    }
    try {
      String s = v.replace("_", "");
      boolean neg = s.startsWith("-");
      if (s.startsWith("-") || s.startsWith("+")) {
        s = s.substring(1);
      }
      if (s.length() > MAX_DIGITS) {
        return v; // kept as text: parsing is quadratic, and no setting needs such a number
      }
      BigInteger b;
      if (s.startsWith("0x")) {
        b = new BigInteger(s.substring(2), 16);
      } else if (s.startsWith("0o")) {
        b = new BigInteger(s.substring(2), 8);
      } else {
        b = new BigInteger(s);
      }
      b = neg ? b.negate() : b;
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static Object floating(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    switch (s) {
      case ".inf", "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        try {
          return Double.valueOf(s);
        } catch (NumberFormatException e) {
          return v;
        }
    }
  }
}
