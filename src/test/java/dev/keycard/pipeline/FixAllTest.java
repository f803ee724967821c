package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fix-everything loop applies the fixes whose edits do not overlap together, one parse and one
 * evaluation a round, and falls back to one fix a round when that does not prove out; either way it
 * ends with no finding that has a fix, and a patch that gives the fixed text's document.
 */
class FixAllTest {
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

  private static FixResult fixAll(String text) {
    InputRequest request = new InputRequest(text, false, null, Map.of(), Map.of());
    Evaluation e = EVALUATIONS.evaluate(PARSER.parse(request), request, RESTRICTED);
    PARSES.set(0);
    return REMEDIATION.fixAll(e, request, RESTRICTED);
  }

  private static void assertFixedCompletely(String input, FixResult r) {
    assertThat(r.after().findings()).allSatisfy(f -> assertThat(f.fix()).isEmpty());
    ParsedInput before = PARSER.parse(new InputRequest(input, false, null, Map.of(), Map.of()));
    assertThat(JsonPatch.same(JsonPatch.apply(before.document(), r.patch()), r.fixedInput().document()))
        .as("the patch gives the fixed text's document")
        .isTrue();
  }

  @Test
  void thirtyFixes_takeAFewRounds_notOneRoundEach() throws IOException {
    String input = Files.readString(Path.of("src/test/resources/bench/five-findings.yaml"));

    FixResult r = fixAll(input);

    assertFixedCompletely(input, r);
    assertThat(r.applied()).isGreaterThanOrEqualTo(30);
    // the proof of every finding's fix (one batch here), then a parse a round: one fix a round
    // took over thirty
    assertThat(PARSES.get()).isLessThanOrEqualTo(6);
  }

  @Test
  void twoRemovalsFromOneList_whosePatchesDoNotComposeTogether_areAppliedOneAfterTheOther() {
    // each fix's patch removes an item by its index in the input ("/volumes/0", "/volumes/1"):
    // applied one after the other, the second finds no item 1; the round goes one fix at a time
    String input =
        "services:\n"
            + "  web:\n"
            + "    image: nginx\n"
            + "    volumes:\n"
            + "      - /var/run/docker.sock:/var/run/docker.sock\n"
            + "      - /:/host\n";

    FixResult r = fixAll(input);

    assertFixedCompletely(input, r);
    assertThat(r.fixed()).doesNotContain("docker.sock").doesNotContain("/:/host");
  }
}
