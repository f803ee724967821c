package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import dev.keycard.report.JsonReport;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Attacks 3 and 4 of issue 16, proving: fixes of repeated flags and list elements are proven
 * together, so proving them costs a handful of parses whatever their number (counted, not timed),
 * and the answer grows linearly with them ({@code remediation.command} is not a copy of a long
 * command per finding). Before, every docker run fix was proven alone with a parse of the whole
 * command, and the fix-everything loop went one fix a round for engine-api and compose lists.
 */
class LinearProofTest {
  private static final AtomicInteger PARSES = new AtomicInteger();
  private static final ParseService PARSER =
      new ParseService(Formats.reader()) {
        @Override
        public ParsedInput parse(InputRequest request) {
          PARSES.incrementAndGet();
          return super.parse(request);
        }
      };
  private static final EvaluationService EVALUATIONS =
      new EvaluationService(PARSER, new PolicyService(TestPolicyConfig.of("policies"), PARSER));
  private static final RemediationService REMEDIATION = new RemediationService(PARSER, EVALUATIONS);
  private static final EvaluationOptions RESTRICTED =
      new EvaluationOptions("restricted", List.of(), List.of(), null);
  private static final ObjectMapper JSON =
      dev.keycard.api.JsonViews.configure(new ObjectMapper())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private static InputRequest request(String text) {
    return new InputRequest(text, false, null, Map.of(), Map.of());
  }

  private static Evaluation evaluate(InputRequest request) {
    return EVALUATIONS.evaluate(PARSER.parse(request), request, RESTRICTED);
  }

  /** The parses {@code remedies} takes, with the remedies. */
  private record Proven(Evaluation evaluation, Remedies remedies, int parses) {
    long answerBytes() {
      try {
        return JSON.writeValueAsBytes(JsonReport.of(evaluation, remedies)).length;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Proven remedies(InputRequest request) {
    Evaluation e = evaluate(request);
    PARSES.set(0);
    Remedies r = REMEDIATION.remedies(e, request, RESTRICTED);
    return new Proven(e, r, PARSES.get());
  }

  private static FixResult fixAll(InputRequest request) {
    Evaluation e = evaluate(request);
    PARSES.set(0);
    return REMEDIATION.fixAll(e, request, RESTRICTED);
  }

  static String dockerRun(String flag, int n) {
    StringBuilder s = new StringBuilder("docker run");
    for (int i = 0; i < n; i++) {
      s.append(' ').append(flag.replace("{i}", Integer.toString(i)));
    }
    return s.append(" alpine").toString();
  }

  private static String capAddBody(int n) {
    return "{\"Image\":\"alpine\",\"HostConfig\":{\"CapAdd\":["
        + String.join(",", Collections.nCopies(n, "\"SYS_ADMIN\""))
        + "]}}";
  }

  private static String composeCapAdd(int n) {
    return "services:\n  app:\n    image: alpine\n    cap_add:\n" + "      - SYS_ADMIN\n".repeat(n);
  }

  private static void allOffered(Proven p) {
    for (Finding f : p.evaluation().findings()) {
      if (!f.fix().isEmpty()) {
        assertThat(p.remedies().of(f)).as(f.ruleId() + " " + f.path()).isNotNull();
      }
    }
  }

  @Test
  void dockerSocketMountedManyTimes_isProvenInAFewParses_whateverTheCount() {
    for (int n : new int[] {400, 800}) {
      Proven p = remedies(request(dockerRun("-v /var/run/docker.sock:/s{i}", n)));
      allOffered(p);
      assertThat(p.remedies().size()).isGreaterThan(n);
      assertThat(p.parses()).as("parses to prove %d mounts' fixes", n).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void capAddRepeated_isProvenInAFewParses_andFixedInOneRound() {
    Proven p = remedies(request(dockerRun("--cap-add SYS_ADMIN", 1_000)));
    allOffered(p);
    assertThat(p.parses()).isLessThanOrEqualTo(3);

    FixResult r = fixAll(request(dockerRun("--cap-add SYS_ADMIN", 1_000)));
    assertThat(r.fixed()).doesNotContain("SYS_ADMIN");
    assertThat(r.after().findings()).allSatisfy(f -> assertThat(f.fix()).isEmpty());
    assertThat(PARSES.get())
        .as("parses of remedies and the fix-everything loop")
        .isLessThanOrEqualTo(8);
  }

  @Test
  void repeatedFindings_growTheAnswerLinearly_withoutACopyOfTheCommandEach() {
    IntFunction<Proven> at = n -> remedies(request(dockerRun("--cap-add SYS_ADMIN", n)));
    Proven once = at.apply(500);
    Proven twice = at.apply(1_000);
    assertThat((double) twice.answerBytes() / once.answerBytes()).isLessThan(2.5);
    assertThat(twice.answerBytes() / twice.evaluation().findings().size())
        .as("bytes of answer per finding")
        .isLessThan(2_000);
    for (Finding f : twice.evaluation().findings()) {
      Remedy r = twice.remedies().of(f);
      assertThat(r == null ? null : r.command())
          .as(
              "a command longer than %d characters is not copied",
              RemediationService.COMMAND_COPY_MAX)
          .isNull();
    }
  }

  @Test
  void aShortCommand_carriesTheCommandWithOnlyThatFix() {
    String text = dockerRun("--cap-add SYS_ADMIN", 3);
    Proven p = remedies(request(text));
    for (Finding f : p.evaluation().findings()) {
      Remedy r = p.remedies().of(f);
      if (r == null) {
        continue;
      }
      String alone = TextEdit.apply(text, r.edits());
      assertThat(r.command())
          .isEqualTo(PARSER.parse(request(text).withText(alone)).commandLine(f.containerIndex()));
    }
  }

  @Test
  void privilegedRepeated_isRemovedEverywhere_inAFewParses() {
    Proven p = remedies(request(dockerRun("--privileged", 5_000)));
    allOffered(p);
    assertThat(p.parses()).isLessThanOrEqualTo(3);
    FixResult r = fixAll(request(dockerRun("--privileged", 5_000)));
    assertThat(r.fixed()).doesNotContain("--privileged");
  }

  @Test
  void engineApiCapAddRepeated_isFixedInAFewRounds() {
    int n = 1_024;
    FixResult r = fixAll(request(capAddBody(n)));
    assertThat(r.fixed()).doesNotContain("SYS_ADMIN");
    assertThat(r.after().findings()).allSatisfy(f -> assertThat(f.fix()).isEmpty());
    assertThat(PARSES.get())
        .as("parses for %d removals from one list (one fix a round took over a thousand)", n)
        .isLessThanOrEqualTo(2 * 11 + 6);
    ParsedInput before = PARSER.parse(request(capAddBody(n)));
    assertThat(
            JsonPatch.same(
                JsonPatch.apply(before.document(), r.patch()), r.fixedInput().document()))
        .as("the patch, applied in order, gives the fixed document")
        .isTrue();
  }

  @Test
  void engineApiObjectWithoutText_isProvenInBatchesToo() {
    InputRequest object =
        new InputRequest(capAddBody(1_000), true, "engine-api", Map.of(), Map.of());
    Proven p = remedies(object);
    allOffered(p);
    assertThat(p.parses()).isLessThanOrEqualTo(3);
  }

  @Test
  void composeCapAddRepeated_isFixedInAFewRounds() {
    int n = 2_048;
    FixResult r = fixAll(request(composeCapAdd(n)));
    assertThat(r.fixed()).doesNotContain("SYS_ADMIN");
    assertThat(PARSES.get()).isLessThanOrEqualTo(2 * 12 + 6);
    Proven p = remedies(request(composeCapAdd(n)));
    allOffered(p);
    assertThat(p.parses()).isLessThanOrEqualTo(3);
  }

  @Test
  void anchoredListSharedByServices_spendsAtMostTheProofRounds() {
    // each fix of an aliased element rewrites the service's whole list: a service's fixes all
    // overlap, so they would take as many rounds as the list has elements
    StringBuilder y = new StringBuilder("x-v: &v\n");
    for (int i = 0; i < 100; i++) {
      y.append("  - /var/run/docker.sock:/s").append(i).append('\n');
    }
    y.append("services:\n");
    for (int i = 0; i < 3; i++) {
      y.append("  s").append(i).append(":\n    image: alpine\n    volumes: *v\n");
    }
    Proven p = remedies(request(y.toString()));
    assertThat(p.parses()).isLessThanOrEqualTo(ProofWork.MAX_PROOFS);
    assertThat(p.remedies().size()).isPositive();
  }

  @Test
  @SuppressWarnings("try") // the binding is the point: it is in force inside
  void moreFixesThanAllowed_areRefusedNamingTheLimit() {
    Caps d = Caps.DEFAULTS;
    Caps caps =
        new Caps(
            d.maxAdhocRules(),
            d.maxFindings(),
            d.maxMessageLength(),
            d.maxAnswerSize(),
            d.maxYamlNodes(),
            d.maxRuleCost(),
            d.maxExamples(),
            d.maxStringLength(),
            d.maxExpandedValue(),
            d.maxModelElements(),
            50,
            d.maxRuleText());
    InputRequest request = request(dockerRun("--cap-add SYS_ADMIN", 100));
    Evaluation e = evaluate(request);
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), caps).bind()) {
      assertThatThrownBy(() -> REMEDIATION.remedies(e, request, RESTRICTED))
          .isInstanceOfSatisfying(
              LimitExceeded.class,
              x -> {
                assertThat(x.limit()).isEqualTo("max-fixes");
                assertThat(x.tooLarge()).as("422").isFalse();
              });
    }
  }

  @Test
  @SuppressWarnings("try") // the binding is the point: it is in force inside
  void fixesLargerThanAnAnswer_areRefusedBeforeTheAnswerIsBuilt() {
    StringBuilder y = new StringBuilder("x-v: &v\n");
    for (int i = 0; i < 200; i++) {
      y.append("  - /var/run/docker.sock:/s").append(i).append('\n');
    }
    y.append("services:\n");
    for (int i = 0; i < 20; i++) {
      y.append("  s").append(i).append(":\n    image: alpine\n    volumes: *v\n");
    }
    Caps d = Caps.DEFAULTS;
    Caps caps =
        new Caps(
            d.maxAdhocRules(),
            d.maxFindings(),
            d.maxMessageLength(),
            1 << 20,
            d.maxYamlNodes(),
            d.maxRuleCost(),
            d.maxExamples(),
            d.maxStringLength(),
            d.maxExpandedValue(),
            d.maxModelElements(),
            d.maxFixes(),
            d.maxRuleText());
    InputRequest request = request(y.toString());
    Evaluation e = evaluate(request);
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), caps).bind()) {
      PARSES.set(0);
      assertThatThrownBy(() -> REMEDIATION.remedies(e, request, RESTRICTED))
          .isInstanceOfSatisfying(
              LimitExceeded.class, x -> assertThat(x.limit()).isEqualTo("max-answer-size"));
      assertThat(PARSES.get()).as("refused before any proof").isZero();
    }
  }
}
