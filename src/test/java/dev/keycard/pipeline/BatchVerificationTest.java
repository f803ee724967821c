package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verifying fixes in batches is only a cheaper way to the same answer: for the load test's
 * document (whose worker service has a removed last line that six inserted keys touch, so it needs
 * a second batch), every real-world compose file and every real-world {@code docker run} command,
 * {@code remedies} offers exactly the fixes, with exactly the edits, patches and rewritten command
 * lines, that verifying each fix alone offers.
 */
class BatchVerificationTest {
  private static final Path CORPUS =
      Path.of(System.getProperty("keycard.shared", "../shared"), "corpus", "real-world", "compose");
  private static final Path COMMANDS =
      Path.of(
          System.getProperty("keycard.shared", "../shared"), "corpus", "real-world", "docker-run");
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final EvaluationService EVALUATIONS =
      new EvaluationService(PARSER, new PolicyService(TestPolicyConfig.of("policies"), PARSER));
  private static final RemediationService REMEDIATION = new RemediationService(PARSER, EVALUATIONS);

  static Stream<Path> inputs() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS);
        Stream<Path> commands = Files.list(COMMANDS)) {
      return Stream.of(
              Stream.of(Path.of("src/test/resources/bench/five-findings.yaml")),
              files.sorted().toList().stream(),
              commands.filter(p -> p.toString().endsWith(".sh")).sorted().toList().stream())
          .flatMap(s -> s);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void batchedVerification_offersTheFixesAloneVerificationOffers(Path file) throws IOException {
    InputRequest request = new InputRequest(Files.readString(file), false, null, Map.of(), Map.of());
    EvaluationOptions options = new EvaluationOptions("restricted", List.of(), List.of(), null);
    ParsedInput parsed = PARSER.parse(request);
    Assumptions.assumeFalse(parsed.hasErrors(), "the input itself does not parse");
    Evaluation e = EVALUATIONS.evaluate(parsed, request, options);

    Remedies batched = REMEDIATION.remedies(e, request, options);

    for (Finding f : e.findings()) {
      Optional<Remedy> alone = REMEDIATION.alone(e, f, request, options);
      assertThat(Optional.ofNullable(batched.of(f)))
          .as(f.ruleId() + " on " + f.container() + " " + f.path())
          .isEqualTo(alone);
      Remedy r = batched.of(f);
      if (r != null && r.command() != null) {
        String fixed = TextEdit.apply(request.text(), r.edits());
        assertThat(r.command())
            .as("the command line of the text this fix alone gives")
            .isEqualTo(PARSER.parse(request.withText(fixed)).commandLine(f.containerIndex()));
      }
    }
  }
}
