package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.testing.Work;
import org.junit.jupiter.api.Test;

/**
 * A one-line flow document with a long scalar ({@code services: {app: {image: "aaa..."}}}, 1 MB)
 * took seconds to parse: SnakeYAML refilled its kilobyte buffer by copying all it had not yet
 * consumed, so one long scalar was copied a thousand times. Twice the scalar is now about twice
 * the work (bytes allocated, not time).
 */
class LongScalarLinearTest {
  private static Runnable parse(int n) {
    String text = "services: {app: {image: \"" + "a".repeat(n) + "\"}}";
    return () -> assertThat(Compose.parse(text).containers()).hasSize(1);
  }

  @Test
  void longFlowScalar_parsesInLinearWork() {
    assertThat(Work.growth(parse(200_000), parse(400_000))).isLessThan(3.0);
  }
}
