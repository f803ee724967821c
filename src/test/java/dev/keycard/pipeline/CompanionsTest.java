package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Dockerfile shared by many services is read once per evaluation, and what the companion files'
 * {@code ARG}/{@code ENV} substitution produces counts once against {@code max-expanded-value}.
 */
class CompanionsTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());

  private static Caps expanded(int max) {
    Caps d = Caps.DEFAULTS;
    return new Caps(
        d.maxAdhocRules(),
        d.maxFindings(),
        d.maxMessageLength(),
        d.maxAnswerSize(),
        d.maxYamlNodes(),
        d.maxRuleCost(),
        d.maxExamples(),
        d.maxStringLength(),
        max,
        d.maxModelElements(),
        d.maxFixes(),
        d.maxRuleText());
  }

  private static ParsedInput services(int n) {
    StringBuilder y = new StringBuilder("services:\n");
    for (int i = 0; i < n; i++) {
      y.append("  s").append(i).append(": {image: x}\n");
    }
    return PARSER.parse(new InputRequest(y.toString(), false, null, Map.of(), Map.of()));
  }

  @Test
  @SuppressWarnings("try") // the binding is the point: it is in force inside
  void oneDockerfileForAThousandServices_isReadOnce() {
    // 600 substituted characters: read once per service, a thousand services would use 600,000
    String dockerfile = "FROM x\nARG A=" + "a".repeat(300) + "\nUSER ${A}${A}\n";
    ParsedInput parsed = services(1_000);
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), expanded(1_000)).bind()) {
      ParsedInput with = Companions.apply(parsed, Map.of("Dockerfile", dockerfile));
      assertThat(with.containers())
          .hasSize(1_000)
          .allSatisfy(c -> assertThat(c.imageUser()).hasSize(600));
    }
  }

  @Test
  @SuppressWarnings("try") // the binding is the point: it is in force inside
  void manyDockerfiles_shareOneAllowance() {
    ParsedInput parsed =
        PARSER.parse(
            new InputRequest(
                "services:\n  a: {build: {context: ., dockerfile: A}}\n"
                    + "  b: {build: {context: ., dockerfile: B}}\n",
                false,
                null,
                Map.of(),
                Map.of()));
    String file = "FROM x\nARG A=" + "a".repeat(300) + "\nUSER ${A}${A}\n";
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), expanded(1_000)).bind()) {
      assertThatThrownBy(() -> Companions.apply(parsed, Map.of("A", file, "B", file + "\n")))
          .isInstanceOfSatisfying(
              LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo("max-expanded-value"));
    }
  }

  @Test
  void containersWithoutAFile_areLeftAlone() {
    ParsedInput parsed = services(2);
    ParsedInput with = Companions.apply(parsed, Map.of("Other", "FROM x\nUSER app\n"));
    assertThat(with.containers()).extracting(Container::imageUser).containsOnlyNulls();
  }
}
