package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Container;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's escape and its variants, at the gate: whatever the gate accepts, MVEL's text holds
 * only names Keycard generated (so the payload can only be a constant's value), and evaluating it
 * never ran the payload; the exact payload of the issue is refused with a position.
 */
class SandboxEscapeTest {
  /** What emitted MVEL may hold: Keycard's names, slots, catalogue fields, operators, brackets. */
  private static final Pattern EMITTED =
      Pattern.compile("([ ()\\[\\],?:!=<>&|+\\-*/%$]|c|item|in|if|contains|__k[0-9]+|__kc_[A-Za-z0-9_]+|'[a-z_]+')*");

  private static final RuleCompiler ADHOC = new RuleCompiler();

  @BeforeAll
  static void noMarkerYet() throws Exception {
    Files.deleteIfExists(EscapeVariants.MARKER);
  }

  static List<EscapeVariants.Variant> variants() {
    return EscapeVariants.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variant_isRefusedWithAPosition_orCompilesToKeycardNamesOnly(EscapeVariants.Variant v) {
    Container.Builder b = Container.builder();
    b.name = "web";
    b.image = "nginx";
    b.capAdd.add("NET_ADMIN");
    Map<String, Object> c = FrozenModel.freeze(b.build());
    try {
      Program p = ADHOC.compileExpression(v.expression());
      assertThat(p.canonical()).as("emitted MVEL").matches(EMITTED);
      try {
        p.eval(c);
      } catch (RuleEvaluationException expected) {
        // a data-dependent failure is an answer, not an escape
      }
    } catch (RuleCompileException e) {
      GateError g = e.errors().get(0);
      assertThat(g.line()).isPositive();
      assertThat(g.column()).isPositive();
      assertThat(e.formatWithCaret()).contains("^");
    }
    assertThat(Files.exists(EscapeVariants.MARKER)).as("marker file").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variantInATemplate_neverRuns(EscapeVariants.Variant v) {
    try {
      Template t = ADHOC.compileTemplate("Container @{c.name}: @{" + v.expression() + "}");
      t.render(FrozenModel.freeze(Containers.risky()));
    } catch (RuleCompileException | RuleEvaluationException refused) {
      // refused, or a plain evaluation error
    }
    assertThat(Files.exists(EscapeVariants.MARKER)).as("marker file").isFalse();
  }

  @org.junit.jupiter.api.Test
  void theIssuesPayload_isRefusedAtTheListElement() {
    String payload = EscapeVariants.original();
    RuleCompileException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            RuleCompileException.class, () -> ADHOC.compileExpression(payload));
    assertThat(e).isNotNull();
    assertThat(e.errors().get(0).code()).isEqualTo(ErrorCode.RULE_SYNTAX_ERROR);
    assertThat(e.errors().get(0).message()).contains("list literal must be literals");
    assertThat(e.errors().get(0).column()).isEqualTo(2);
  }

  @AfterAll
  static void nothingRan() {
    assertThat(Files.exists(EscapeVariants.MARKER)).as("marker file").isFalse();
  }
}
