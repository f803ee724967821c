package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  @Test
  void requestsRunConcurrently_upToTheConfiguredThreads() throws Exception {
    int threads = 4;
    try (Evaluator evaluator = new Evaluator(threads, Duration.ofSeconds(10))) {
      java.util.concurrent.CountDownLatch allIn = new java.util.concurrent.CountDownLatch(threads);
      java.util.concurrent.ExecutorService callers =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(
              callers.submit(
                  () ->
                      evaluator.call(
                          () -> {
                            allIn.countDown();
                            // only true when all four run at the same time
                            return allIn.await(5, java.util.concurrent.TimeUnit.SECONDS);
                          })));
        }
        for (java.util.concurrent.Future<Boolean> r : results) {
          assertThat(r.get()).as("every request ran while the others did").isTrue();
        }
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void fullQueue_isAnOverload_notAWait() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService callers =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try (Evaluator evaluator = new Evaluator(1, Duration.ofSeconds(10), 1)) {
      java.util.concurrent.Callable<Boolean> blocking =
          () -> {
            running.countDown();
            return release.await(10, java.util.concurrent.TimeUnit.SECONDS);
          };
      var first = callers.submit(() -> evaluator.call(blocking)); // runs on the one thread
      assertThat(running.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      var second = callers.submit(() -> evaluator.call(() -> true)); // waits in the one slot
      while (evaluator.queued() == 0) {
        Thread.onSpinWait();
      }
      assertThatThrownBy(() -> evaluator.call(() -> true))
          .isInstanceOf(RuleOverloadException.class)
          .hasMessageContaining("overloaded");
      release.countDown();
      assertThat(first.get()).isTrue();
      assertThat(second.get()).isTrue();
    } finally {
      release.countDown();
      callers.shutdownNow();
    }
  }

  @Test
  void testAll_returnsOneOutcomePerProgram_errorsIncluded() throws RuleCompileException {
    RuleCompiler compiler = new RuleCompiler();
    List<Program> programs =
        List.of(
            compiler.compileExpression("c.privileged"),
            compiler.compileExpression("c.name"),
            compiler.compileExpression("c.healthcheck.test.size() > 0"));
    try (Evaluator evaluator = new Evaluator(2, Duration.ofSeconds(5))) {
      List<Evaluator.Outcome> out =
          evaluator.testAll(programs, FrozenModel.freeze(Containers.risky()));
      assertThat(out).hasSize(3);
      assertThat(out.get(0).value()).isTrue();
      assertThat(out.get(1).failed()).isTrue();
      assertThat(out.get(2).error()).isInstanceOf(RuleEvaluationException.class);
    }
  }

  @Test
  void runawayEvaluation_stopsItselfAtTheDeadline_noThreadLeftComputing() throws Exception {
    Program slow = quadratic();
    Map<String, Object> big = twentyThousandVariables();
    try (Evaluator evaluator = new Evaluator(2, Duration.ofMillis(20))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> evaluator.testAll(List.of(slow), big))
          .isInstanceOf(RuleTimeoutException.class)
          .hasMessageContaining("20 ms");
      assertThat(evaluator.timeouts()).isEqualTo(1);
      // 400 M element reads would take minutes; the work stopped itself, it was not abandoned
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
      while (evaluator.active() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(evaluator.active()).as("rule threads still computing").isZero();
      assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
    }
  }

  @Test
  void close_cancelsRunningRules_soShutdownDoesNotWaitOnThem() throws Exception {
    Program slow = quadratic();
    Map<String, Object> big = twentyThousandVariables();
    Evaluator evaluator = new Evaluator(1, Duration.ofMinutes(5));
    java.util.concurrent.ExecutorService caller = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      var running = caller.submit(() -> evaluator.testAll(List.of(slow), big));
      while (evaluator.active() == 0) {
        Thread.sleep(5);
      }
      long start = System.nanoTime();
      evaluator.close();
      long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
      while (evaluator.active() > 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertThat(evaluator.active()).as("rule threads still computing after close").isZero();
      assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
      assertThatThrownBy(running::get).hasCauseInstanceOf(RuleTimeoutException.class);
    } finally {
      caller.shutdownNow();
    }
  }

  /** Nested projections (limits loosened on purpose): 400 M element reads on 20,000 variables. */
  private static Program quadratic() throws RuleCompileException {
    Limits loose = new Limits(1_000, 24, 150, 256, 200, 64, 4, 2, 2_000, 16);
    return new RuleCompiler(loose)
        .compileExpression(
            "($ in c.environment if ($ in c.environment if $.name == 'x').size() >= 0)"
                + ".size() >= 0");
  }

  private static Map<String, Object> twentyThousandVariables() {
    dev.keycard.model.Container.Builder b = dev.keycard.model.Container.builder();
    b.name = "big";
    for (int i = 0; i < 20_000; i++) {
      b.environment.add(new dev.keycard.model.EnvVar("V" + i, "x"));
    }
    return FrozenModel.freeze(b.build());
  }

  @Test
  void limitsOnSize_stopRunawayInputs() {
    List<Object> deep = new ArrayList<>();
    Object node = "leaf";
    for (int i = 0; i < 20; i++) {
      node = List.of(node);
    }
    deep.add(node);
    assertThatThrownBy(() -> FrozenModel.freeze(deep)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrozenModel.freeze(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
