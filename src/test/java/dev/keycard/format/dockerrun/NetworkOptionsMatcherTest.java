package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --network a=b,a=b,...} given 50,000 pairs overflowed the stack in docker/cli's expression
 * for advanced network options; the hand-written test agrees with that expression and does not.
 */
class NetworkOptionsMatcherTest {
  private static final Pattern OLD = Pattern.compile("\\w+=\\w+(,\\w+=\\w+)*");

  @Test
  void advanced_agreesWithDockersExpression() {
    Random r = new Random(16);
    String[] parts = {"a", "_", "9", "=", ",", " ", "-", "é", "name", "alias"};
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = r.nextInt(10); k > 0; k--) {
        s.append(parts[r.nextInt(parts.length)]);
      }
      String v = s.toString();
      assertThat(NetworkFlags.advanced(v)).as("[%s]", v).isEqualTo(OLD.matcher(v).find());
    }
  }

  @Test
  void fiftyThousandPairs_areReadWithoutAStackOverflow() {
    assertThat(NetworkFlags.advanced("a=b,".repeat(50_000) + "a=b")).isTrue();
  }
}
