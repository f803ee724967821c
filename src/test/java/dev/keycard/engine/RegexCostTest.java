package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RegexCost} never counts less than RE2J builds: the oracle is the size of the program RE2J
 * itself compiles (read from its internals, in this test only).
 */
class RegexCostTest {

  private static final List<String> PIECES =
      List.of(
          "a", "b", ".", "^", "$", "\\d", "\\pL", "\\p{Greek}", "\\x{41}", "\\Qa(b\\E", "[ab]",
          "[^a-z]", "[]a]", "[[:alpha:]]", "[\\]x]", "(?i)", "\\b", "{", "}", ",", "x{2,}");

  private static final List<String> REPEATS =
      List.of("", "*", "+", "?", "*?", "{3}", "{2,5}", "{4,}", "{0}", "{1,1}?", "{12}");

  @Test
  void boundIsNeverBelowRe2jsProgram() throws Exception {
    Random random = new Random(20261207);
    int compared = 0;
    for (int n = 0; n < Integer.getInteger("regexcost.tries", 20_000); n++) {
      String pattern = pattern(random, 3);
      int real;
      try {
        real = programSize(Pattern.compile(pattern));
      } catch (PatternSyntaxException refused) {
        continue;
      }
      compared++;
      assertThat(RegexCost.of(pattern)).as(pattern).isGreaterThanOrEqualTo(real);
    }
    assertThat(compared).isGreaterThan(5_000);
  }

  @Test
  void knownSizes() throws Exception {
    for (String p :
        List.of(
            "seccomp[=:]unconfined",
            "(a|[abc]\\s+\\*:\\*)(\\s+.*)?",
            ".*\\$\\{[^}]*\\}.*",
            "(no-new-privileges|apparmor|label|systempaths|credentialspec)[=:].*")) {
      assertThat(RegexCost.of(p)).as(p).isLessThan(200).isGreaterThanOrEqualTo(programSize(Pattern.compile(p)));
    }
    assertThat(RegexCost.of("(a{1000}){1000}")).isGreaterThan(1_000_000);
    assertThat(RegexCost.of("[0-9]{1,3}(\\.[0-9]{1,3}){3}")).isLessThan(RegexCost.MAX);
  }

  private static String pattern(Random random, int depth) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      int kind = random.nextInt(depth > 0 ? 10 : 7);
      String atom;
      if (kind < 7) {
        atom = PIECES.get(random.nextInt(PIECES.size()));
      } else {
        String open = List.of("(", "(?:", "(?P<n>", "(?i:").get(random.nextInt(4));
        String inner = pattern(random, depth - 1);
        if (random.nextBoolean()) {
          inner = inner + "|" + pattern(random, depth - 1);
        }
        atom = open + inner + ")";
      }
      sb.append(atom).append(REPEATS.get(random.nextInt(REPEATS.size())));
    }
    return sb.toString();
  }

  private static int programSize(Pattern pattern) throws Exception {
    Method re2 = Pattern.class.getDeclaredMethod("re2");
    re2.setAccessible(true);
    Object compiled = re2.invoke(pattern);
    Field prog = compiled.getClass().getDeclaredField("prog");
    prog.setAccessible(true);
    Object program = prog.get(compiled);
    Method numInst = program.getClass().getDeclaredMethod("numInst");
    numInst.setAccessible(true);
    return (Integer) numInst.invoke(program);
  }
}
