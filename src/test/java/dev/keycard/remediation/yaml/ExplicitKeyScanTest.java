package dev.keycard.remediation.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose renderer's test for YAML's explicit-key indicator, by hand: it agrees with the
 * expression it replaces, which recursed once per list dash of a line.
 */
class ExplicitKeyScanTest {
  private static final Pattern OLD = Pattern.compile("(?m)^[ \\t]*(?:- +)*\\?(?: |$)");

  @Test
  void explicitKey_agreesWithTheExpressionItReplaces() {
    Random r = new Random(16);
    String[] parts = {" ", "\t", "-", "- ", "?", "? ", "\n", "\r\n", "\r", "a", "key: v", "#"};
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        s.append(parts[r.nextInt(parts.length)]);
      }
      String t = s.toString();
      int from = t.isEmpty() ? 0 : r.nextInt(t.length());
      from = t.lastIndexOf('\n', from) + 1; // the renderer starts at a line's start
      int to = from + r.nextInt(t.length() - from + 1);
      assertThat(YamlDoc.explicitKey(t, from, to))
          .as("[%s] %d-%d", t, from, to)
          .isEqualTo(OLD.matcher(t).region(from, to).find());
    }
  }

  @Test
  void aLineOfFortyThousandDashes_isScannedWithoutAStackOverflow() {
    String t = "- ".repeat(40_000) + "?";
    assertThat(YamlDoc.explicitKey(t, 0, t.length())).isTrue();
  }
}
