package dev.keycard.input.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code # keycard:ignore} marker is matched by RE2J: the JDK's matcher recursed once per
 * listed rule id and overflowed the stack on 100,000 of them. Both read every random line alike.
 */
class SuppressionMarkerTest {
  private static final Pattern OLD =
      Pattern.compile(
          "(?:^|\\s)#\\s*keycard:ignore\\s+([A-Za-z0-9_.-]+(?:\\s*,\\s*[A-Za-z0-9_.-]+)*)\\s*(.*)$");

  @Test
  void marker_agreesWithTheExpressionItReplaces() {
    Random r = new Random(16);
    String[] parts = {
      " ", "\t", "#", "# ", "keycard:ignore", " KC-001", ",", " , ", "KC-2", "because", "x", "é"
    };
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = r.nextInt(10); k > 0; k--) {
        s.append(parts[r.nextInt(parts.length)]);
      }
      String line = s.toString();
      List<SuppressionComments.Comment> found = SuppressionComments.scan(line).comments();
      Matcher m = OLD.matcher(line);
      if (!m.find()) {
        assertThat(found).as("[%s]", line).isEmpty();
        continue;
      }
      String reason = m.group(2).strip();
      assertThat(found)
          .as("[%s]", line)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.ruleIds()).isEqualTo(List.of(m.group(1).split("\\s*,\\s*")));
                assertThat(c.reason()).isEqualTo(reason.isEmpty() ? null : reason);
                assertThat(c.alone()).isEqualTo(line.substring(0, m.start()).isBlank());
              });
    }
  }

  @Test
  void aHundredThousandIds_areReadWithoutAStackOverflow() {
    String line = "  privileged: true # keycard:ignore " + "KC-001,".repeat(100_000) + "KC-001";
    assertThat(SuppressionComments.scan(line).comments()).singleElement();
  }
}
