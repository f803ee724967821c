package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.remediation.Remedies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The SARIF view of every fixture input passes Microsoft's SARIF Multitool ({@code validate
 * --rule-kind "Gh;Sarif"}: the SARIF 2.1.0 schema and spec rules plus GitHub's ingestion rules)
 * with no error. The tool's path comes from {@code -Dkeycard.sarif.multitool} or {@code
 * KEYCARD_SARIF_MULTITOOL} (.ci/run installs it and sets the variable); without it the test is
 * skipped, unless {@code KEYCARD_SARIF_REQUIRED=true} says this run must validate.
 */
class SarifValidationTest {
  static final List<ReportFixtures.Case> CASES = ReportFixtures.CASES;
  static final Path OUT = Path.of("target/report/sarif-validation");

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void sarif_passesMultitoolValidation_withoutErrors(ReportFixtures.Case c) throws Exception {
    var fixed = ReportGoldenTest.fixed(c);
    String sarif =
        ReportGoldenTest.json(
            SarifReport.of(fixed.evaluation(), fixed.remedies(), ReportFixtures.CONTEXT));
    assertThat(validate(c.name(), sarif)).isEmpty();
  }

  @Test
  void sarif_ofAnInputSentAsJsonObject_withoutTextPositions_passesValidation() throws Exception {
    ReportFixtures.Case c = CASES.get(2);
    var request = new InputRequest(c.text(), true, "engine-api", Map.of(), Map.of());
    var evaluations = ReportFixtures.evaluations();
    var parser = new ParseService(Formats.reader());
    var e = evaluations.evaluate(parser.parse(request), request, ReportFixtures.options(c));
    assertThat(e.findings()).allMatch(f -> f.location().span() == null);
    String sarif =
        ReportGoldenTest.json(SarifReport.of(e, Remedies.none(), ReportFixtures.CONTEXT));
    assertThat(validate("engine-api-object", sarif)).isEmpty();
  }

  @Test
  void sarif_ofAKubernetesStream_withAnArtifactPerDocument_passesValidation() throws Exception {
    String text =
        "# Source: app/templates/a.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n"
            + "  containers:\n  - name: a\n    image: nginx\n    securityContext: {privileged: true}\n"
            + "---\n# Source: app/templates/b.yaml\napiVersion: apps/v1\nkind: Deployment\n"
            + "metadata:\n  name: b # café\nspec:\n  template:\n    spec:\n      hostPID: true\n"
            + "      containers:\n      - name: b\n        image: nginx\n";
    var request = new InputRequest(text, false, null, Map.of(), Map.of());
    var evaluations = ReportFixtures.evaluations();
    var parser = new ParseService(Formats.reader());
    var options = new dev.keycard.pipeline.EvaluationOptions("restricted", List.of(), List.of(), null);
    var e = evaluations.evaluate(parser.parse(request), request, options);
    assertThat(e.input().format().apiName()).isEqualTo("kubernetes");
    assertThat(e.findings()).isNotEmpty();
    String sarif = ReportGoldenTest.json(SarifReport.of(e, Remedies.none(), ReportFixtures.CONTEXT));
    assertThat(sarif).contains("\"parentIndex\" : 0").contains("document-1");
    assertThat(validate("kubernetes-stream", sarif)).isEmpty();
  }

  @Test
  void sarif_withUndecidedRules_passesValidation_asNotesAndAsErrors() throws Exception {
    String text =
        "services:\n  app:\n    image: nginx\n    privileged: ${PRIV}\n    volumes:\n"
            + "      - $DATA/x:/x:rshared\n";
    var request = new InputRequest(text, false, null, Map.of(), Map.of());
    var evaluations = ReportFixtures.evaluations();
    var parser = new ParseService(Formats.reader());
    for (boolean deny : List.of(false, true)) {
      var options =
          new dev.keycard.pipeline.EvaluationOptions("restricted", List.of(), List.of(), null, deny);
      var e = evaluations.evaluate(parser.parse(request), request, options);
      assertThat(e.undecided()).isNotEmpty();
      String sarif =
          ReportGoldenTest.json(SarifReport.of(e, Remedies.none(), ReportFixtures.CONTEXT));
      assertThat(sarif).contains(deny ? "\"error\"" : "\"note\"").contains("Could not check");
      assertThat(validate("undecided-" + deny, sarif)).isEmpty();
    }
  }

  @Test
  void multitool_reportsAnError_forARuleIndexOutOfRange() throws Exception {
    var fixed = ReportGoldenTest.fixed(CASES.get(0));
    String sarif =
        ReportGoldenTest.json(
                SarifReport.of(fixed.evaluation(), fixed.remedies(), ReportFixtures.CONTEXT))
            .replaceFirst("\"ruleIndex\" : \\d+", "\"ruleIndex\" : 999");
    assertThat(validate("broken", sarif)).anyMatch(e -> e.startsWith("SARIF1009"));
  }

  /** The error-level results of validating {@code sarif} with the Multitool. */
  private static List<String> validate(String name, String text) throws Exception {
    Path tool = multitool();
    Files.createDirectories(OUT);
    Path sarif = OUT.resolve(name + ".sarif");
    Path result = OUT.resolve(name + ".validation.sarif");
    Files.writeString(sarif, text, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(
                tool.toString(),
                "validate",
                sarif.toString(),
                "--rule-kind",
                "Gh;Sarif",
                "--output",
                result.toString(),
                "--log",
                "ForceOverwrite")
            .redirectErrorStream(true)
            .start();
    String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("the SARIF Multitool did not finish:\n" + console);
    }
    assertThat(p.exitValue()).as(console).isZero();
    return errors(result);
  }

  /** The {@code error}-level results of a Multitool validation log. */
  static List<String> errors(Path validationLog) throws IOException {
    JsonNode log = new ObjectMapper().readTree(validationLog.toFile());
    List<String> out = new ArrayList<>();
    for (JsonNode run : log.path("runs")) {
      for (JsonNode r : run.path("results")) {
        if ("error".equals(r.path("level").asText())) {
          out.add(r.path("ruleId").asText() + " " + r.path("message"));
        }
      }
      for (JsonNode inv : run.path("invocations")) {
        if (!inv.path("executionSuccessful").asBoolean(true)) {
          out.add("execution failed: " + inv);
        }
      }
    }
    return out;
  }

  private static Path multitool() {
    String configured = System.getProperty("keycard.sarif.multitool");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("KEYCARD_SARIF_MULTITOOL");
    }
    boolean required = "true".equalsIgnoreCase(System.getenv("KEYCARD_SARIF_REQUIRED"));
    if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
      String why =
          "SARIF Multitool not found (set KEYCARD_SARIF_MULTITOOL or -Dkeycard.sarif.multitool to"
              + " the Sarif.Multitool binary of npm @microsoft/sarif-multitool-linux@5.7.0;"
              + " .ci/run does): SARIF schema validation skipped";
      if (required) {
        fail(why.replace("skipped", "required by KEYCARD_SARIF_REQUIRED=true"));
      }
      Assumptions.abort(why);
    }
    return Path.of(configured);
  }
}
