package dev.keycard.input.common;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Docker's sizes, as go-units (v0.5.0) reads them: the text up to its last digit, dot or space is a
 * Go float ({@link GoFloats}), a space there being dropped; what follows is a suffix of at most
 * three bytes, any case: {@code b}, or {@code k m g t p} optionally followed by {@code b} or {@code
 * ib}. No other space is allowed, a negative number is refused, and the product is truncated to a
 * whole number of bytes.
 *
 * <p>The Docker CLI reads {@code --memory}, {@code --memory-swap}, {@code --shm-size} and the other
 * byte flags with {@code RAMInBytes} (binary units); compose-go reads {@code mem_limit} and the
 * other byte fields the same way once a plain integer has been ruled out.
 *
 * <p>Differences from Go, on purpose: a result Go cannot represent as an int64 (infinite, NaN, or
 * 2<sup>63</sup> bytes or more, where Go's conversion is implementation-defined) is refused.
 */
public final class Sizes {
  private static final long[] BINARY = {1L << 10, 1L << 20, 1L << 30, 1L << 40, 1L << 50};
  private static final long[] DECIMAL = {
    1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000_000L
  };

  private Sizes() {}

  /** go-units {@code RAMInBytes}: bytes, or empty when Docker refuses the text. */
  public static OptionalLong ramInBytes(String text) {
    return text == null ? OptionalLong.empty() : parse(text, BINARY);
  }

  /**
   * go-units {@code FromHumanSize} (decimal units), which Docker uses for log options such as
   * {@code max-size}; no input reads one yet, the upstream cases check the shared reading.
   */
  static OptionalLong fromHumanSize(String text) {
    return text == null ? OptionalLong.empty() : parse(text, DECIMAL);
  }

  private static OptionalLong parse(String s, long[] units) {
    int sep = lastNumberChar(s);
    if (sep < 0) {
      return OptionalLong.empty();
    }
    String num = s.charAt(sep) == ' ' ? s.substring(0, sep) : s.substring(0, sep + 1);
    String sfx = s.substring(sep + 1);
    long multiplier = multiplier(sfx, units);
    if (multiplier == 0) {
      return OptionalLong.empty();
    }
    if (units == BINARY) {
      OptionalLong whole = wholeNumber(num, multiplier);
      if (whole != null) {
        return whole;
      }
    }
    Double size = GoFloats.parseFloat(num);
    if (size == null || size < 0 || size.isNaN()) {
      return OptionalLong.empty(); // ErrSyntax, ErrRange (infinite, below) or negative
    }
    double bytes = size * multiplier;
    // 0x1p63 is the first double outside int64; Go's conversion of it is implementation-defined.
    return bytes >= 0x1p63 ? OptionalLong.empty() : OptionalLong.of((long) bytes);
  }

  /** Go's {@code strings.LastIndexAny(s, "01234567890. ")}. */
  private static int lastNumberChar(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '.' || c == ' ') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The suffix's factor (1 for none or {@code b}), or 0 when go-units refuses it. Go measures the
   * suffix in UTF-8 bytes before lower-casing it and indexes the lower-cased bytes, so a Kelvin
   * sign (three bytes, lower-cased to {@code k}) is a {@code k}.
   */
  private static long multiplier(String sfx, long[] units) {
    if (sfx.isEmpty()) {
      return 1;
    }
    if (utf8Length(sfx) > 3) {
      return 0;
    }
    byte[] b = lower(sfx).getBytes(StandardCharsets.UTF_8);
    if (b[0] == 'b') {
      return b.length == 1 ? 1 : 0;
    }
    int unit = "kmgtp".indexOf(b[0]);
    if (unit < 0) {
      return 0;
    }
    if ((b.length == 2 && b[1] != 'b') || (b.length == 3 && (b[1] != 'i' || b[2] != 'b'))) {
      return 0;
    }
    return units[unit]; // Go has no case for a suffix that lower-casing made longer than 3 bytes
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3; // a lone surrogate arrives in Go as U+FFFD's three bytes
      }
    }
    return n;
  }

  /** Go's {@code strings.ToLower}: simple lower-case mapping, code point by code point. */
  private static String lower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .map(cp -> Character.isSurrogate((char) cp) && cp < 0x10000 ? 0xFFFD : cp)
        .map(Character::toLowerCase)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  /**
   * The usual sizes ({@code 512m}, {@code 1024}) without floating point: up to 15 ASCII digits, so
   * the float product is exact and equal to the shift; null for any other number.
   */
  private static OptionalLong wholeNumber(String num, long multiplier) {
    int n = num.length();
    if (n == 0 || n > 15) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = num.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    long number = Long.parseLong(num);
    return number > Long.MAX_VALUE / multiplier
        ? OptionalLong.empty()
        : OptionalLong.of(number * multiplier);
  }
}
