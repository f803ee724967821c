package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.policy.Severity;
import dev.keycard.remediation.Remedies;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 18: {@code fail_on} shapes every view. JUnit fails only checks with a finding at or above
 * it (the others pass with a {@code system-out} note); SARIF keeps every result with {@code
 * level} error at or above it; LSP likewise; and {@code summary.checks} equals the JUnit totals.
 */
class FailOnViewsTest {
  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (ReportFixtures.Case c : ReportFixtures.CASES) {
      for (Severity s : Severity.values()) {
        out.add(Arguments.of(c, s));
      }
    }
    return out;
  }

  private static Evaluation evaluate(ReportFixtures.Case c, Severity failOn) {
    InputRequest r = ReportFixtures.request(c);
    var options = new EvaluationOptions("restricted", List.of(), c.waivers(), failOn);
    var parser =
        new dev.keycard.pipeline.ParseService(
            dev.keycard.format.Formats.reader());
    return ReportFixtures.evaluations().evaluate(parser.parse(r), r, options);
  }

  @ParameterizedTest(name = "{0} fail_on={1}")
  @MethodSource("cases")
  void junitTotals_equalSummaryChecks_andFailuresAreAtOrAboveFailOn(
      ReportFixtures.Case c, Severity failOn) throws Exception {
    Evaluation e = evaluate(c, failOn);
    String xml = JunitReport.of(e, ReportFixtures.CONTEXT);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    var summary = JsonReport.of(e).summary();
    assertThat(summary.failOn()).isEqualTo(failOn.apiName());
    assertThat(Integer.parseInt(root.getAttribute("tests"))).isEqualTo(summary.checks().total());
    assertThat(Integer.parseInt(root.getAttribute("failures"))).isEqualTo(summary.checks().failed());
    assertThat(Integer.parseInt(root.getAttribute("errors"))).isEqualTo(summary.checks().errors());
    assertThat(Integer.parseInt(root.getAttribute("skipped"))).isEqualTo(summary.checks().skipped());
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(summary.checks().failed());
    assertThat(summary.checks().passed())
        .isEqualTo(
            summary.checks().total() - summary.checks().failed() - summary.checks().skipped()
                - summary.checks().errors());
    // allow is false exactly when a check failed or erred
    assertThat(e.allow()).isEqualTo(summary.checks().failed() + summary.checks().errors() == 0);

    NodeList failures = doc.getElementsByTagName("failure");
    for (int i = 0; i < failures.getLength(); i++) {
      Severity type = Severity.byName(((Element) failures.item(i)).getAttribute("type")).orElseThrow();
      assertThat(type.atLeast(failOn)).as("failure type " + type).isTrue();
    }
    long below = e.findings().stream().filter(f -> !f.severity().atLeast(failOn)).count();
    NodeList notes = doc.getElementsByTagName("system-out");
    if (below > 0) {
      assertThat(notes.getLength()).isPositive();
      assertThat(notes.item(0).getTextContent()).startsWith("below fail_on=" + failOn.apiName());
    }
  }

  @ParameterizedTest(name = "{0} fail_on={1}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void sarif_keepsEveryResult_levelFollowsFailOn(ReportFixtures.Case c, Severity failOn) {
    Evaluation e = evaluate(c, failOn);
    Map<String, Object> log = SarifReport.of(e, Remedies.none(), ReportFixtures.CONTEXT);
    var run = ((List<Map<String, Object>>) log.get("runs")).get(0);
    var results = (List<Map<String, Object>>) run.get("results");
    assertThat(results).hasSize(e.findings().size() + e.suppressed().size() + e.undecided().size());
    for (Map<String, Object> r : results) {
      var props = (Map<String, Object>) r.get("properties");
      if (props.containsKey("undecided")) {
        continue;
      }
      Severity s = Severity.byName((String) props.get("severity")).orElseThrow();
      assertThat(r.get("level")).as(r.get("ruleId") + " " + s)
          .isEqualTo(s.atLeast(failOn) ? "error" : s.atLeast(Severity.MEDIUM) ? "warning" : "note");
    }
    Map<String, Object> lsp = LspReport.of(e, Remedies.none(), ReportFixtures.CONTEXT);
    for (Map<String, Object> d : (List<Map<String, Object>>) lsp.get("diagnostics")) {
      var data = (Map<String, Object>) d.get("data");
      if (data.get("severity") instanceof String name) {
        boolean denies = Severity.byName(name).orElseThrow().atLeast(failOn);
        assertThat(d.get("severity").equals(1)).isEqualTo(denies);
      }
    }
  }
}
