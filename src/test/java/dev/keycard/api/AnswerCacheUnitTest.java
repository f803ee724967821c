package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.pipeline.InputRequest;
import dev.keycard.report.Evaluation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer cache's key, its admission on the second request and its off switch, without HTTP. */
class AnswerCacheUnitTest {
  private static AnswerCacheConfig config(long maxBytes) {
    return new AnswerCacheConfig() {
      @Override
      public MemorySize maxSize() {
        return new MemorySize(BigInteger.valueOf(maxBytes));
      }

      @Override
      public Duration idle() {
        return Duration.ofMinutes(10);
      }
    };
  }

  private static AnswerCache.Key key(String text, LocalDate day) {
    return new AnswerCache.Key(
        new InputRequest(text, false, null, Map.of(), Map.of()), "restricted", null, null, null, day);
  }

  private static final Evaluation EVALUATION =
      new Evaluation("id", true, null, null, List.of(), List.of(), List.of(), 0);

  @Test
  void anEqualKey_findsTheAnswer_anotherDayOrTextDoesNot() {
    AnswerCache cache = new AnswerCache(config(1 << 20), new SimpleMeterRegistry());
    LocalDate today = LocalDate.of(2026, 11, 29);
    cache.keep(key("services: {}\n", today), EVALUATION);
    cache.keep(key("services: {}\n", today), EVALUATION);

    assertThat(cache.find(key("services: {}\n", today))).isNotNull();
    assertThat(cache.find(key("services: {}\n", today.plusDays(1))))
        .as("waivers expire by date")
        .isNull();
    assertThat(cache.find(key("services: {} \n", today))).isNull();
  }

  @Test
  void aRequestSeenOnce_isNotKept_theSecondTimeItIs() {
    AnswerCache cache = new AnswerCache(config(1 << 20), new SimpleMeterRegistry());
    LocalDate today = LocalDate.of(2026, 11, 29);

    cache.keep(key("services: {}\n", today), EVALUATION);
    assertThat(cache.find(key("services: {}\n", today))).isNull();

    cache.keep(key("services: {}\n", today), EVALUATION);
    assertThat(cache.find(key("services: {}\n", today))).isNotNull();
  }

  @Test
  void maxSizeZero_turnsTheCacheOff() {
    AnswerCache cache = new AnswerCache(config(0), new SimpleMeterRegistry());
    LocalDate today = LocalDate.of(2026, 11, 29);
    cache.keep(key("services: {}\n", today), EVALUATION);
    cache.keep(key("services: {}\n", today), EVALUATION);

    assertThat(cache.find(key("services: {}\n", today))).isNull();
  }
}
