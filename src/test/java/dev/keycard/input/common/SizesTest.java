package dev.keycard.input.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes read by whole-number arithmetic equal what the pattern and decimal arithmetic give. */
class SizesTest {
  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kmgtp])?(?:i?b)?$", Pattern.CASE_INSENSITIVE);

  /** The reading before the whole-number shortcut: pattern, then BigDecimal. */
  private static OptionalLong reference(String text) {
    if (text == null || text.length() > 64) {
      return OptionalLong.empty();
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

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "0",
        "1",
        "512m",
        "512M",
        "1g",
        "1G",
        "1gb",
        "1GiB",
        "2gib",
        "1ib",
        "1b",
        "1i",
        "1ki",
        "1kix",
        " 512m ",
        "512 m",
        "1.5g",
        "1.5.2g",
        "8191p",
        "8192p",
        "9223372036854775807",
        "922337203685477580",
        "999999999999999999",
        "999999999999999999p",
        "1x",
        "m",
        "-1",
        "+1",
        "1\u212A",
        "\u0661\u0662",
        "1kb",
        "1KB",
        "1kB",
        "1Kib",
        "1kk",
        "1bb",
        "12345678901234567890"
      })
  void ramInBytes_equalsThePatternReading(String text) {
    assertThat(Sizes.ramInBytes(text)).isEqualTo(reference(text));
  }

  @Test
  void ramInBytes_equalsThePatternReading_onRandomText() {
    Random r = new Random(17);
    String[] pieces = {
      "0", "1", "5", "9", "12", "99999", "k", "M", "g", "T", "p", "i", "I", "b", "B", ".", " ", "x",
      "\u212A"
    };
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(6);
      for (int k = 0; k < n; k++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String t = b.toString();
      assertThat(Sizes.ramInBytes(t)).as(t).isEqualTo(reference(t));
    }
  }
}
