package dev.keycard.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keycard.api.JsonViews;
import dev.keycard.format.Formats;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.Keycard;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixReport;
import dev.keycard.report.JsonReport;
import dev.keycard.report.JunitReport;
import dev.keycard.report.LspReport;
import dev.keycard.report.ReportContext;
import dev.keycard.report.SarifReport;
import dev.keycard.report.SarifRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one {@code POST /v1/evaluate} costs without HTTP: the service's own entry point ({@link
 * Keycard#decide}, without the answer cache, so that every call does the whole work) parses,
 * evaluates {@code restricted}, renders and verifies every fix; then the JSON view is built and
 * written with the service's Jackson views; and
 * writing that answer alone ({@code writeJsonOnly}). Inputs: the load test's 5-service compose with
 * 31 findings ({@code bench/load.sh}) and the hardened 5-service compose of {@link
 * PipelineBenchmark}. Run from the repository root: {@code ./mvnw -Pbench test-compile exec:exec
 * -Djmh.args="RequestBenchmark -f 1"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestBenchmark {
  @Param({"five-findings", "five-hardened"})
  public String input;

  private Keycard keycard;

  /** Configured as application.properties configures the service's mapper. */
  private final ObjectMapper mapper =
      JsonViews.configure(
          JsonMapper.builder()
              .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
              .defaultPropertyInclusion(
                  JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
              .build());

  private Keycard.Request request;
  private final EvaluationOptions options =
      new EvaluationOptions("restricted", List.of(), List.of(), null);

  @Setup
  public void setup() throws Exception {
    ParseService parser = new ParseService(Formats.reader());
    PolicyService policies = new PolicyService(TestPolicyConfig.of("policies"), parser);
    if (!policies.problems().isEmpty()) {
      throw new IllegalStateException(policies.problems().toString());
    }
    keycard = Keycard.uncached(parser, policies);
    String text =
        input.equals("five-findings")
            ? Files.readString(Path.of("src/test/resources/bench/five-findings.yaml"))
            : PipelineBenchmark.compose(5);
    request =
        Keycard.Request.uncached(new InputRequest(text, false, null, Map.of(), Map.of()), options);
    Answer answer = keycard.decide(request);
    Evaluation e = answer.evaluation();
    remedies = answer.remedies();
    evaluation = e;
    report = JsonReport.of(e, remedies);
    context =
        new ReportContext(
            "compose.yaml",
            null,
            ReportContext.DEFAULT_DOCS,
            "bench",
            SarifRules.of(e.ruleSet(), ReportContext.DEFAULT_DOCS));
  }

  /** The evaluation and proven fixes of {@link #evaluateWithFixes}, built once, for the views. */
  private Evaluation evaluation;

  private Remedies remedies;
  /** As the service builds it: with the rule set's SARIF descriptors built at load. */
  private ReportContext context;

  /** The whole answer of {@link #evaluateWithFixes}, built once: what writing it alone costs. */
  private Object report;

  @Benchmark
  public byte[] evaluateWithFixes() throws Exception {
    Answer answer = keycard.decide(request);
    return mapper.writeValueAsBytes(JsonReport.of(answer.evaluation(), answer.remedies()));
  }

  /** What {@code POST /v1/fix} does besides HTTP: every fix applied, the diff and the patch. */
  @Benchmark
  public byte[] fixEverything() throws Exception {
    return mapper.writeValueAsBytes(FixReport.of(keycard.fix(request, Apply.ALL), false));
  }

  @Benchmark
  public byte[] writeJsonOnly() throws Exception {
    return mapper.writeValueAsBytes(report);
  }

  /** Each other view of the same answer, built and written (the evaluation done once). */
  @Benchmark
  public byte[] viewSarif() throws Exception {
    return mapper.writeValueAsBytes(SarifReport.of(evaluation, remedies, context));
  }

  @Benchmark
  public byte[] viewLsp() throws Exception {
    return mapper.writeValueAsBytes(LspReport.of(evaluation, remedies, context));
  }

  @Benchmark
  public String viewJunit() {
    return JunitReport.of(evaluation, context);
  }

  @Benchmark
  public byte[] evaluateOnly() throws Exception {
    return mapper.writeValueAsBytes(JsonReport.of(keycard.decide(request).evaluation()));
  }
}
