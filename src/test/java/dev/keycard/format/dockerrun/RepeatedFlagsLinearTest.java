package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.testing.Work;
import org.junit.jupiter.api.Test;

/**
 * Attack 4 of issue 16: {@code --privileged} given 19,990 times took 7.5 s to parse, as each repeat
 * searched for the first free {@code privileged#n}. Parsing is linear in the flags given: twice the
 * flags, about twice the work (counted in bytes allocated, not in time).
 */
class RepeatedFlagsLinearTest {
  private static ParsedInput parse(String flag, int n) {
    return Runs.PARSER.parse(
        Source.of("docker run" + (" " + flag).repeat(n) + " alpine"), ParseOptions.defaults());
  }

  @Test
  void repeatedPrivileged_keepsEveryPlace() {
    Container c = parse("--privileged", 1_000).containers().get(0);
    assertThat(c.privileged()).isTrue();
    assertThat(c.locations()).containsKeys("privileged", "privileged" + Container.REPEAT + 999);
    assertThat(c.locations()).doesNotContainKey("privileged" + Container.REPEAT + 1_000);
  }

  @Test
  void repeatedPrivileged_parsesInLinearWork() {
    double growth =
        Work.growth(() -> parse("--privileged", 4_000), () -> parse("--privileged", 8_000));
    assertThat(growth).as("work for 8,000 flags over work for 4,000").isLessThan(3.0);
  }

  @Test
  void repeatedUser_parsesInLinearWork() {
    double growth =
        Work.growth(() -> parse("--user 1000", 3_000), () -> parse("--user 1000", 6_000));
    assertThat(growth).isLessThan(3.0);
  }
}
