package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code # keycard:ignore} marker inside a comment is matched by RE2J: the JDK's matcher
 * recursed once per listed rule id and overflowed the stack on 100,000 of them. Both read every
 * random comment alike.
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
      String comment = s.toString(); // what follows a comment's #
      SuppressionComments.Marker found = SuppressionComments.marker(comment);
      Matcher m = OLD.matcher("#" + comment);
      if (!m.find()) {
        assertThat(found).as("[%s]", comment).isNull();
        continue;
      }
      String reason = m.group(2).strip();
      assertThat(found).as("[%s]", comment).isNotNull();
      assertThat(found.ruleIds()).isEqualTo(List.of(m.group(1).split("\\s*,\\s*")));
      assertThat(found.reason()).isEqualTo(reason.isEmpty() ? null : reason);
    }
  }

  @Test
  void aHundredThousandIds_areReadWithoutAStackOverflow() {
    String yaml =
        "services:\n  web:\n    image: x\n    privileged: true # keycard:ignore "
            + "KC-001,".repeat(100_000)
            + "KC-001 reason\n";
    assertThat(Compose.parse(yaml).waivers())
        .singleElement()
        .satisfies(w -> assertThat(w.ruleIds()).hasSize(100_001));
  }

  /**
   * A block of a million comment lines: read from SnakeYAML's comment tokens, each taken from the
   * head of a list of all of them, this was quadratic (hours); read between tokens it is linear.
   */
  @Test
  @Timeout(30) // a guard against a hang, not a measure
  void aMillionCommentLines_andAVeryLongComment_areReadInLinearTime() {
    StringBuilder yaml = new StringBuilder("services:\n  web:\n    image: x\n");
    for (int i = 0; i < 1_000_000; i++) {
      yaml.append(i % 100 == 0 ? "    # keycard:ignore KC-001 why\n" : "#\n");
    }
    yaml.append("    privileged: true # keycard:ignore KC-001 ").append("x".repeat(2_000_000));
    assertThat(Compose.parse(yaml.toString()).waivers())
        .hasSize(10_001)
        .allMatch(w -> "/services/web/privileged".equals(w.node()));
  }
}
