package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.report.Evaluation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The answer cache's key, its admission on the second request, its off switch and its weight (every
 * side input of the key, the answer and its fixes), without HTTP.
 */
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
        new InputRequest(text, false, null, Map.of(), Map.of()),
        new Keycard.Sent("restricted", null, null, null, null),
        day);
  }

  private static final Evaluation EVALUATION =
      new Evaluation(
          "id", true, null, null, List.of(), List.of(), List.of(), 0, List.of(), false, null);

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

  /**
   * A second asker of an answer whose fixes another request is still proving waits only until its
   * own deadline (then BudgetExceeded, answered 503), not for as long as the first one takes.
   */
  @Test
  @org.junit.jupiter.api.Timeout(120) // a hang guard: before, the second asker waited on a monitor
  void aSecondAsker_waitsForTheProofOnlyUntilItsOwnDeadline() throws Exception {
    AnswerCache.Entry a = new AnswerCache.Entry(EVALUATION);
    java.util.concurrent.CountDownLatch proving = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread first =
        new Thread(
            () ->
                a.remedies(
                    () -> {
                      proving.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return dev.keycard.remediation.Remedies.none();
                    }));
    first.start();
    proving.await();
    dev.keycard.budget.Budget budget =
        dev.keycard.budget.Budget.start(
            java.time.Duration.ofMillis(200), dev.keycard.budget.Caps.DEFAULTS);
    try (var bound = budget.bind()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> a.remedies(dev.keycard.remediation.Remedies::none))
          .isInstanceOf(dev.keycard.budget.BudgetExceeded.class);
    } finally {
      release.countDown();
      first.join();
    }
    // once proven, every asker gets the same fixes at once
    assertThat(a.remedies(() -> null)).isSameAs(a.remedies(() -> null)).isNotNull();
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

  @ParameterizedTest
  @EnumSource(AnswerCacheFill.Kind.class)
  void everySideInput_andTheAnswer_countInTheWeight(AnswerCacheFill.Kind kind) {
    int chars = 100_000;
    // the entry holds at least its side input, two bytes a character (the answer: half of it)
    long atLeast = kind == AnswerCacheFill.Kind.ANSWER ? chars : 2L * chars;
    AnswerCache one = new AnswerCache(config(32L << 20), new SimpleMeterRegistry());
    AnswerCache.Key k = AnswerCacheFill.key(kind, 7, chars);
    var e =
        kind == AnswerCacheFill.Kind.ANSWER
            ? AnswerCacheFill.largeAnswer(7, 20, chars / 2)
            : AnswerCacheFill.SMALL;
    one.keep(k, e);
    AnswerCache.Entry a = one.keep(k, e);
    if (kind == AnswerCacheFill.Kind.ANSWER) {
      one.remedies(k, a, () -> AnswerCacheFill.fixes(a.evaluation(), chars / 40));
    }
    assertThat(one.weightedSize()).as(kind.name()).isGreaterThanOrEqualTo(atLeast);
  }

  @Test
  void provenFixes_makeTheEntryHeavier() {
    AnswerCache cache = new AnswerCache(config(32L << 20), new SimpleMeterRegistry());
    AnswerCache.Key k = AnswerCacheFill.key(AnswerCacheFill.Kind.ANSWER, 1, 0);
    var e = AnswerCacheFill.largeAnswer(1, 10, 1_000);
    cache.keep(k, e);
    AnswerCache.Entry a = cache.keep(k, e);
    long before = cache.weightedSize();
    cache.remedies(k, a, () -> AnswerCacheFill.fixes(e, 50_000));
    assertThat(cache.weightedSize()).isGreaterThan(before + 10 * 2 * 50_000L);
    assertThat(cache.find(k)).isSameAs(a);
  }

  @Test
  void anEntryOverASixteenthOfTheCache_isNotKept() {
    AnswerCache cache = new AnswerCache(config(1 << 20), new SimpleMeterRegistry());
    AnswerCache.Key big = AnswerCacheFill.key(AnswerCacheFill.Kind.VARIABLE, 1, 40_000);
    cache.keep(big, EVALUATION);
    cache.keep(big, EVALUATION);
    assertThat(cache.find(big)).isNull();
    assertThat(cache.weightedSize()).isZero();
  }

  @Test
  void fixesThatMakeAnEntryTooHeavy_dropIt() {
    AnswerCache cache = new AnswerCache(config(1 << 20), new SimpleMeterRegistry());
    AnswerCache.Key k = AnswerCacheFill.key(AnswerCacheFill.Kind.ANSWER, 2, 0);
    var e = AnswerCacheFill.largeAnswer(2, 4, 400);
    cache.keep(k, e);
    AnswerCache.Entry a = cache.keep(k, e);
    assertThat(cache.find(k)).isSameAs(a);
    cache.remedies(k, a, () -> AnswerCacheFill.fixes(e, 40_000));
    assertThat(cache.find(k)).isNull();
    assertThat(cache.weightedSize()).isZero();
  }

  @Test
  void fillingWithEveryKindOfLargeSideInput_staysWithinTheBound() {
    long max = 4L << 20;
    AnswerCache cache = new AnswerCache(config(max), new SimpleMeterRegistry());
    long weighted = AnswerCacheFill.fill(cache, 60, 16_000);
    assertThat(weighted).isPositive().isLessThanOrEqualTo(max);
  }
}
