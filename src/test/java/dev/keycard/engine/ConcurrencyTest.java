package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Shared compiled programs give the single-threaded answers under concurrent evaluation. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ITERATIONS = 400;

  private static final List<String> RULES =
      List.of(
          "c.privileged",
          "is_root_user(c.user)",
          "!(c.cap_drop contains 'ALL')",
          "c.cap_add contains 'ALL'",
          "($ in c.cap_add if !is_default_cap($)).size() > 0",
          "c.network_mode == 'host'",
          "($ in c.mounts if is_runtime_socket($.source)).size() > 0",
          "($ in c.mounts if is_sensitive_path($.source) && !$.read_only).size() > 0",
          "($ in c.mounts if $.propagation != null && $.propagation.endsWith('shared'))"
              + ".size() > 0",
          "!c.read_only",
          "c.memory == null || c.memory == 0",
          "c.pids_limit == null || c.pids_limit <= 0",
          "(($.host_port in c.ports) contains 22)",
          "($ in c.ports if $.host_ip == null || $.host_ip == '0.0.0.0').size() > 0",
          "($ in c.sysctls if !is_safe_sysctl($.name)).size() > 0",
          "($ in c.environment if looks_secret($.name) && $.value != null).size() > 0",
          "c.?healthcheck.?disabled == true || c.healthcheck == null",
          "c.image ~= '.*:latest'",
          "c.healthcheck.test.size() > 1",
          "(c.privileged ? 1 : 0) + c.cap_add.size() > 2",
          "c.memory > bytes('256m')",
          "($ in c.security_opt if !is_valid_security_opt($)).size() > 0");

  @Test
  void sharedPrograms_giveSingleThreadedAnswers_underEightThreads() throws Exception {
    RestrictedClassLoader.DENIED.clear();
    RuleCompiler compiler = new RuleCompiler(Limits.SHIPPED);
    List<Program> programs = new ArrayList<>();
    for (String r : RULES) {
      programs.add(compiler.compileExpression(r));
    }
    List<Map<String, Object>> variants = Containers.frozenVariants();
    List<String> expected = answers(programs, variants);
    assertThat(expected).contains("true", "false", "error");

    CyclicBarrier start = new CyclicBarrier(THREADS);
    AtomicLong wrong = new AtomicLong();
    AtomicLong evaluations = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < ITERATIONS; i++) {
                    // rotate the variant order per thread so threads disagree on inputs
                    List<Map<String, Object>> order = new ArrayList<>(variants);
                    java.util.Collections.rotate(order, offset + i);
                    List<String> got = answers(programs, order);
                    List<String> want = answers(expected, variants, order, programs.size());
                    if (!got.equals(want)) {
                      wrong.incrementAndGet();
                    }
                    evaluations.addAndGet(got.size());
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong.get()).as("wrong answers").isZero();
    // MVEL's accessors (reflective and JIT) never needed a class the restricted loader refuses
    assertThat(RestrictedClassLoader.DENIED).allSatisfy(n -> assertThat(n).doesNotContain("."));
    assertThat(evaluations.get())
        .isEqualTo((long) THREADS * ITERATIONS * RULES.size() * variants.size());
  }

  private static List<String> answers(List<Program> programs, List<Map<String, Object>> inputs) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> c : inputs) {
      for (Program p : programs) {
        try {
          out.add(String.valueOf(p.test(c)));
        } catch (RuleEvaluationException e) {
          out.add("error");
        }
      }
    }
    return out;
  }

  /** The expected answers re-ordered to match a rotated input order. */
  private static List<String> answers(
      List<String> expected,
      List<Map<String, Object>> variants,
      List<Map<String, Object>> order,
      int perInput) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> c : order) {
      int v = variants.indexOf(c);
      out.addAll(expected.subList(v * perInput, (v + 1) * perInput));
    }
    return out;
  }
}
