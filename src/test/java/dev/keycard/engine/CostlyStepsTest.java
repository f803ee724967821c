package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Single rule steps that cost far more than the one tick they charge: a regular expression whose
 * counted repetitions RE2J expands, RE2J reading a long text, {@code contains} between two long
 * input strings. A caller's rule must neither fill the heap nor keep a rule thread computing after
 * its request has been answered.
 */
class CostlyStepsTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: expanded, the last would take hours
  void regexWhoseProgramIsHuge_isRefusedBeforeRe2jExpandsIt() {
    RuleCompiler compiler = new RuleCompiler();
    // (a{1000}){1000} compiles to a million instructions (60 MB, 0.8 s); one more level to a
    // billion: the heap is gone (a service run with -XX:+ExitOnOutOfMemoryError exits)
    for (String pattern :
        List.of("(a{1000}){1000}", "((a{1000}){1000}){1000}", "(?:(?:a{30}){30}){30}",
            "(\\\\Q(ab)\\\\E{999}){999}", "([(]{999}){999}")) {
      assertThatThrownBy(() -> compiler.compileExpression("c.user ~= '" + pattern + "'"))
          .as(pattern)
          .isInstanceOf(RuleCompileException.class)
          .satisfies(
              e ->
                  assertThat(((RuleCompileException) e).errors())
                      .extracting(GateError::code)
                      .containsExactly(ErrorCode.RULE_LIMIT_EXCEEDED))
          .hasMessageContaining("regular expression too large");
    }
  }

  @Test
  void regexMatchOverAMegabyte_stopsAtTheDeadline_noThreadLeftComputing() throws Exception {
    // within the size cap, but RE2J's linear time is n * program: minutes on a megabyte
    Program slow = new RuleCompiler().compileExpression("c.user ~= '.*(a?){300}b'");
    Container.Builder b = Container.builder();
    b.name = "x";
    b.user = "a".repeat(1_000_000);
    assertStopsInTime(slow, FrozenModel.freeze(b.build()));
  }

  @Test
  void containsBetweenTwoLongInputStrings_isLinear_andStopsInTime() throws Exception {
    Container.Builder b = Container.builder();
    b.name = "x";
    b.user = "a".repeat(400_000);
    b.cgroupParent = "a".repeat(200_000) + "b"; // String.contains: 40 s of comparisons
    Map<String, Object> c = FrozenModel.freeze(b.build());
    RuleCompiler compiler = new RuleCompiler();
    for (String rule :
        List.of("c.user contains c.cgroup_parent", "c.user.contains(c.cgroup_parent)")) {
      Program p = compiler.compileExpression(rule);
      assertStopsInTime(p, c);
      assertThat(p.test(c)).as(rule).isFalse();
    }
    assertThat(compiler.compileExpression("c.user contains c.user").test(c)).isTrue();
  }

  /**
   * A projection keeps every element it builds: 1,200 upper-cased copies of a 700 KB value (a
   * request of 0.85 MB) filled the 256 MiB heap and the deploy JVM exited. Text the rule functions
   * create in one evaluation is capped ({@code max-rule-text}), so the rule is refused with the
   * limit's name long before the heap fills.
   */
  @Test
  void textBuiltInAProjection_isCappedPerEvaluation() throws Exception {
    Container.Builder b = Container.builder();
    b.name = "x";
    b.user = "a".repeat(700_000);
    b.cgroupParent = "b".repeat(60_000); // under max-string-length, joined 1,200 times
    for (int i = 0; i < 1_200; i++) {
      b.environment.add(new dev.keycard.model.EnvVar("V" + i, null));
    }
    Map<String, Object> c = FrozenModel.freeze(b.build());
    RuleCompiler compiler = new RuleCompiler();
    for (String rule :
        List.of(
            "(($.name == '' ? $.name : c.user.toUpperCase()) in c.environment).size() > 0",
            "(($.name + c.cgroup_parent) in c.environment).size() > 0",
            "(spell('x', $.name, c.user) in c.environment).size() > 0")) {
      Program p = compiler.compileExpression(rule);
      try (Evaluator evaluator = new Evaluator(1, Duration.ofSeconds(30))) {
        assertThatThrownBy(() -> evaluator.testAll(List.of(p), c))
            .as(rule)
            .isInstanceOf(dev.keycard.budget.LimitExceeded.class)
            .hasMessageContaining("1048576");
      }
    }
    // what a rule builds once stays well within it
    Program once = compiler.compileExpression("c.user.toUpperCase().size() == 700000");
    try (Evaluator evaluator = new Evaluator(1, Duration.ofSeconds(30))) {
      assertThat(evaluator.testAll(List.of(once), c).get(0).value()).isTrue();
    }
  }

  /**
   * The evaluation answers or times out at a 20 ms deadline, and no rule thread is computing soon
   * after (before, the thread went on for minutes after the caller had its 503). The wait is
   * generous so a loaded machine does not fail it; work that is not cancelled runs for minutes.
   */
  private static void assertStopsInTime(Program p, Map<String, Object> c) throws Exception {
    try (Evaluator evaluator = new Evaluator(1, Duration.ofMillis(20))) {
      try {
        evaluator.testAll(List.of(p), c);
      } catch (RuleTimeoutException expected) {
        // the request is answered at its deadline
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (evaluator.active() > 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertThat(evaluator.active()).as("rule threads still computing").isZero();
    }
  }
}
