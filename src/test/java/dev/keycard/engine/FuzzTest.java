package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random token soup from the language's own vocabulary (plus hostile names): the gate either
 * refuses with positioned errors or yields a program whose evaluation fails only with {@link
 * RuleEvaluationException} — never any other exception, at compile or at run time.
 */
class FuzzTest {
  private static final List<String> PIECES =
      List.of(
          "c",
          ".",
          ".?",
          "user",
          "cap_add",
          "mounts",
          "source",
          "ports",
          "host_port",
          "name",
          "(",
          ")",
          "[",
          "]",
          "$",
          "in",
          "if",
          "contains",
          "==",
          "!=",
          "<",
          ">=",
          "'a'",
          "'/etc'",
          "1",
          "0",
          "2.5",
          "&&",
          "||",
          "!",
          "?",
          ":",
          ",",
          "size",
          "()",
          "isEmpty",
          "startsWith",
          "getClass",
          "Runtime",
          "class",
          "~=",
          "'.*'",
          "is_root_user",
          "path_under",
          "bytes",
          "'1g'",
          "-",
          "+",
          "*",
          "/",
          "%",
          "null",
          "true",
          "[:]");

  @Test
  void randomTokenSoup_neverEscapesTheGateOrThrowsUnexpectedly() {
    Random random = new Random(20_261_129L);
    RuleCompiler compiler = new RuleCompiler();
    List<Map<String, Object>> variants = Containers.frozenVariants();
    int compiled = 0;
    List<String> surprises = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(20);
      for (int j = 0; j < n; j++) {
        sb.append(PIECES.get(random.nextInt(PIECES.size())))
            .append(random.nextBoolean() ? " " : "");
      }
      String expr = sb.toString();
      try {
        Program p = compiler.compileExpression(expr);
        compiled++;
        for (Map<String, Object> c : variants) {
          try {
            p.eval(c);
          } catch (RuleEvaluationException expected) {
            // data-dependent failures are fine
          }
        }
      } catch (RuleCompileException e) {
        assertThat(e.errors()).isNotEmpty();
        e.errors().forEach(g -> assertThat(g.offset()).isBetween(0, expr.length()));
      } catch (RuntimeException | StackOverflowError e) {
        surprises.add(expr + " -> " + e);
      }
    }
    assertThat(surprises).isEmpty();
    assertThat(compiled).as("some soups are valid rules").isPositive();
  }
}
