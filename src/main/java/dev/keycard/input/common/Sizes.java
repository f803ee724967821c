package dev.keycard.input.common;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Docker's memory sizes (go-units {@code RAMInBytes}): a number, optionally a space, then {@code b
 * k m g t p} with an optional {@code b}/{@code ib}, any case, always binary. A bare number is
 * bytes.
 */
public final class Sizes {
  private static final Pattern SIZE =
      // ASCII cases spelt out: RE2J's CASE_INSENSITIVE folds Unicode too (K, the Kelvin sign)
      Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?(?:[iI]?[bB])?$");

  private Sizes() {}

  /** Bytes, or empty when the text is not a size Docker accepts. */
  public static OptionalLong ramInBytes(String text) {
    if (text == null || text.length() > 64) {
      return OptionalLong.empty();
    }
    OptionalLong whole = wholeNumber(text.trim());
    if (whole != null) {
      return whole;
    }
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    BigDecimal n;
    try {
      n = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    int shift =
        switch (unit) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          case "p" -> 50;
          default -> 0;
        };
    BigDecimal bytes = n.multiply(BigDecimal.valueOf(2).pow(shift));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(bytes.longValue());
  }

  /**
   * The usual sizes ({@code 512m}, {@code 1G}, {@code 1024}, {@code 2gib}): up to 18 digits, an
   * optional unit and an optional {@code b}/{@code ib}, in whole-number arithmetic; null for any
   * other text, which the pattern and decimal arithmetic above decide.
   */
  private static OptionalLong wholeNumber(String t) {
    int n = t.length();
    int i = 0;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    if (i == 0 || i > 18) {
      return null;
    }
    long number = Long.parseLong(t, 0, i, 10);
    int shift = 0;
    if (i < n) {
      int unit = "kmgtpKMGTP".indexOf(t.charAt(i)); // ASCII only, as the pattern matches
      if (unit >= 0) {
        shift = 10 * (unit % 5 + 1);
        i++;
      }
    }
    if (i < n && (t.charAt(i) == 'i' || t.charAt(i) == 'I')) {
      i++;
      if (i == n) {
        return null; // "1ki": not a size, left to the pattern
      }
    }
    if (i < n && (t.charAt(i) == 'b' || t.charAt(i) == 'B')) {
      i++;
    }
    if (i != n) {
      return null;
    }
    return number > (Long.MAX_VALUE >> shift)
        ? OptionalLong.empty()
        : OptionalLong.of(number << shift);
  }
}
