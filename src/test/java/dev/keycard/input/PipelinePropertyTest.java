package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.RemediationService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixReport;
import dev.keycard.report.FixResult;
import dev.keycard.report.JsonReport;
import dev.keycard.report.JunitReport;
import dev.keycard.report.LspReport;
import dev.keycard.report.MarkdownReport;
import dev.keycard.report.ReportContext;
import dev.keycard.report.SarifReport;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parsers' fuzzing ({@link ParserPropertyTest}) carried through the rest of the pipeline: every
 * generated or mutated input that parses is decided under {@code restricted} (mutated corpus inputs
 * also under {@code cis-docker}), has its fixes proven
 * and all applied, and is written in every view, without an exception (an exception there is a 500
 * for something a caller sent). Every offered fix's text edits apply to the original text and leave
 * a text that parses; the fix-everything result parses and its patch gives the fixed document; and
 * no fix is caught by the proof (a
 * "remediation defect": a renderer that got a fix wrong). Fixed seeds, as in {@link
 * ParserPropertyTest}; {@code -Djqwik.tries.default=3000} for a long run.
 */
class PipelinePropertyTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final EvaluationService EVALUATIONS =
      new EvaluationService(PARSER, new PolicyService(TestPolicyConfig.of("policies"), PARSER));
  private static final RemediationService REMEDIATION = new RemediationService(PARSER, EVALUATIONS);
  private static final EvaluationOptions RESTRICTED =
      new EvaluationOptions("restricted", List.of(), List.of(), null);
  private static final EvaluationOptions CIS =
      new EvaluationOptions("cis-docker", List.of(), List.of(), null);
  private static final ReportContext CONTEXT =
      new ReportContext("input", "file:///input", ReportContext.DEFAULT_DOCS, "test");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ParserPropertyTest INPUTS = new ParserPropertyTest();

  /** The remediation defects logged while one input goes through: a renderer bug each. */
  private static final List<String> DEFECTS = new java.util.concurrent.CopyOnWriteArrayList<>();

  static {
    Logger.getLogger(RemediationService.class.getName())
        .addHandler(
            new Handler() {
              @Override
              public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                  DEFECTS.add(String.format(r.getMessage(), r.getParameters()));
                }
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            });
  }

  @Property(seed = "9275")
  void compose_mutatedCorpus_goesThroughTheWholePipeline(@ForAll("mutatedCompose") String text)
      throws Exception {
    check(text, "compose");
    check(text, null);
  }

  @Property(seed = "9276")
  void dockerRun_mutatedCorpus_goesThroughTheWholePipeline(@ForAll("mutatedRun") String text)
      throws Exception {
    check(text, "docker-run");
    check(text, null);
  }

  @Property(seed = "9277")
  void engineApi_mutatedCorpus_goesThroughTheWholePipeline(@ForAll("mutatedJson") String text)
      throws Exception {
    check(text, "engine-api");
  }

  @Property(seed = "9271")
  void compose_generated_goesThroughTheWholePipeline(@ForAll("composeSoup") String text)
      throws Exception {
    check(text, "compose");
  }

  @Property(seed = "9272")
  void dockerRun_generated_goesThroughTheWholePipeline(@ForAll("runSoup") String text)
      throws Exception {
    check(text, "docker-run");
  }

  @Property(seed = "9273")
  void engineApi_generated_goesThroughTheWholePipeline(@ForAll("jsonSoup") String text)
      throws Exception {
    check(text, "engine-api");
  }

  @Property(seed = "9274")
  void autoDetect_generated_goesThroughTheWholePipeline(@ForAll("anySoup") String text)
      throws Exception {
    check(text, null);
  }

  @Property(seed = "9278")
  void compose_mutatedCorpus_underCisDocker(@ForAll("mutatedCompose") String text)
      throws Exception {
    check(text, "compose", CIS);
  }

  @Property(seed = "9279")
  void dockerRun_mutatedCorpus_underCisDocker(@ForAll("mutatedRun") String text) throws Exception {
    check(text, null, CIS);
  }

  @Provide
  Arbitrary<String> jsonSoup() {
    return INPUTS.jsonSoup();
  }

  @Provide
  Arbitrary<String> anySoup() {
    return INPUTS.anySoup();
  }

  @Provide
  Arbitrary<String> mutatedCompose() {
    return INPUTS.mutatedCompose();
  }

  @Provide
  Arbitrary<String> mutatedRun() {
    return INPUTS.mutatedRun();
  }

  @Provide
  Arbitrary<String> mutatedJson() {
    return INPUTS.mutatedJson();
  }

  @Provide
  Arbitrary<String> composeSoup() {
    return INPUTS.composeSoup();
  }

  @Provide
  Arbitrary<String> runSoup() {
    return INPUTS.runSoup();
  }

  private static void check(String text, String format) throws Exception {
    check(text, format, RESTRICTED);
  }

  private static void check(String text, String format, EvaluationOptions options)
      throws Exception {
    InputRequest request = new InputRequest(text, false, format, Map.of(), Map.of());
    ParsedInput parsed = PARSER.parse(request);
    if (parsed.hasErrors()) {
      return; // a 400 with positions: the parser properties cover it
    }
    DEFECTS.clear();
    Evaluation e = EVALUATIONS.decide(parsed, request, options);
    Remedies remedies = REMEDIATION.remedies(e, request, options);
    for (Finding f : e.findings()) {
      Remedy r = remedies.of(f);
      if (r != null && !r.edits().isEmpty()) {
        String fixed = TextEdit.apply(parsed.source().original(), r.edits());
        assertThat(PARSER.parse(request(fixed, format)).errors())
            .as("%s's fix on %s leaves a text that parses", f.ruleId(), f.container())
            .isEmpty();
      }
    }
    FixResult all = REMEDIATION.fixAll(e, request, options);
    if (parsed.format() != Formats.named("docker-run")) {
      ParsedInput fixed = PARSER.parse(request(all.fixed(), format));
      assertThat(fixed.errors()).as("the text with every fix applied parses").isEmpty();
      if (parsed.document() != null) {
        assertThat(JsonPatch.same(JsonPatch.apply(parsed.document(), all.patch()), fixed.document()))
            .as("the whole patch gives the fixed text's document")
            .isTrue();
      }
    }
    MAPPER.writeValueAsBytes(JsonReport.of(e, remedies));
    MAPPER.writeValueAsBytes(SarifReport.of(e, remedies, CONTEXT));
    MAPPER.writeValueAsBytes(LspReport.of(e, remedies, CONTEXT));
    MAPPER.writeValueAsBytes(FixReport.of(all, true));
    JunitReport.of(e, CONTEXT);
    MarkdownReport.of(e, all.fixed(), all.applied());
    assertThat(DEFECTS)
        .as("fixes the renderer got wrong (caught by the proof, never offered)")
        .isEmpty();
  }

  /** The fixed text, read as the caller asked for the original (as the proof reads it). */
  private static InputRequest request(String text, String format) {
    return new InputRequest(text, false, format, Map.of(), Map.of());
  }
}
