package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A node's start ({@link Expr#start}) is where the whole text it was parsed from begins, not its
 * own operator or name: a list literal's non-literal element is reported there.
 */
class ExprStartTest {
  private static final RuleCompiler COMPILER = new RuleCompiler();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "['a', c.user]                 | c.user",
        "['a', c.mounts[0].source]     | c.mounts",
        "['a', c.user.trim()]          | c.user",
        "['a', c.uid + 1]              | c.uid",
        "['a', c.user ~= 'x']          | c.user",
        "['a', c.privileged ? 1 : 2]   | c.privileged",
        "['a', -c.uid]                 | -c.uid",
        "['a', size(c.user)]           | size",
        "['a', ($.name in c.mounts)]   | ($",
        "['a', (c.uid * 2) - 1]        | c.uid",
        "['a', [1]]                    | [1]",
      })
  void aNonLiteralElement_isReportedWhereItsTextStarts(String expression, String startsWith) {
    RuleCompileException e =
        catchThrowableOfType(
            RuleCompileException.class, () -> COMPILER.compileExpression(expression));
    assertThat(e).isNotNull();
    assertThat(e.errors().get(0).message()).contains("list literal must be literals");
    assertThat(e.errors().get(0).offset()).isEqualTo(expression.indexOf(startsWith, 6));
  }
}
