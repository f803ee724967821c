package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Container;
import dev.keycard.model.Mount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The restricted loader is the context loader while rules run and only then: evaluation swaps it in
 * once per container, gives the caller's loader back whatever happened, and evaluating a program on
 * its own still swaps it in.
 */
class RuleEngineLoaderTest {
  private static final String FAILING =
      """
      id: T-2
      title: Reads a method of null
      severity: low
      when: c.user.length() > 0
      message: "never"
      """;

  @Test
  void evaluateNow_givesTheCallersLoaderBack_afterFindingsAndErrors() {
    Container c = EscalationTest.mounting(new Mount(Mount.BIND, "/", "/host", false, null));
    List<CompiledRule> rules =
        List.of(
            EscalationTest.compile(EscalationTest.read(EscalationTest.RULE)),
            EscalationTest.compile(EscalationTest.read(FAILING)));
    ClassLoader own = new ClassLoader(getClass().getClassLoader()) {};
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(own);
    try {
      EngineResult r = RuleEngine.evaluateNow(rules, List.of(c, c));
      assertThat(r.findings()).hasSize(2);
      assertThat(r.warnings()).extracting(d -> d.code()).contains("rule_evaluation_error");
      assertThat(t.getContextClassLoader()).isSameAs(own);
    } finally {
      t.setContextClassLoader(before);
    }
  }

  @Test
  void withLoader_swapsTheRestrictedLoaderIn_andOutAgain() throws Exception {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    ClassLoader inside =
        LockedMvel.withLoader(() -> Thread.currentThread().getContextClassLoader());
    assertThat(inside).isSameAs(RestrictedClassLoader.INSTANCE);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    try (LockedMvel.Scope scope = new LockedMvel.Scope()) {
      assertThat(Thread.currentThread().getContextClassLoader())
          .isSameAs(RestrictedClassLoader.INSTANCE);
      scope.outside(
          () -> assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before));
      assertThat(LockedMvel.withLoader(() -> Thread.currentThread().getContextClassLoader()))
          .isSameAs(RestrictedClassLoader.INSTANCE);
    }
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }
}
