package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.model.Span;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import dev.keycard.policy.Severity;
import dev.keycard.policy.Waiver;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What each view promises beyond its golden file, checked against the evaluation it came from. */
class ReportViewsTest {
  static final List<ReportFixtures.Case> CASES = ReportFixtures.CASES;

  private static Document xml(String xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void junit_parsesAsXml_withOneSuitePerContainerAndOneCasePerRule(ReportFixtures.Case c)
      throws Exception {
    Evaluation e = ReportGoldenTest.evaluation(c);
    String xml = JunitReport.of(e, ReportFixtures.CONTEXT);
    Document doc = xml(xml);
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(e.input().containers().size());
    int rules = Views.rules(e).size();
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      assertThat(s.getElementsByTagName("testcase").getLength()).isEqualTo(rules);
      assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo(rules);
      failures += s.getElementsByTagName("failure").getLength();
    }
    long rulesThatFired =
        e.findings().stream().map(f -> f.containerIndex() + "/" + f.ruleId()).distinct().count();
    assertThat(failures).isEqualTo(rulesThatFired);
    assertThat(doc.getElementsByTagName("skipped").getLength())
        .isEqualTo(
            (int)
                e.suppressed().stream()
                    .map(s -> s.finding().containerIndex() + "/" + s.finding().ruleId())
                    .distinct()
                    .count());
    NodeList fs = doc.getElementsByTagName("failure");
    for (int i = 0; i < fs.getLength(); i++) {
      assertThat(((Element) fs.item(i)).getAttribute("message"))
          .matches(".*\\(input\\.\\w+:\\d+:\\d+\\).*");
    }
  }

  @Test
  void junit_escapesMarkupQuotesAndLineBreaks_soThatEveryValueReadsBackAsWritten()
      throws Exception {
    String name = "a<b>&\"c'd";
    String reason = "kept for \"legacy\" <reasons> & more,\n\ton two lines";
    ReportFixtures.Case c =
        new ReportFixtures.Case(
            "hostile",
            "services:\n  '" + name.replace("'", "''") + "':\n    image: nginx\n",
            List.of(new Waiver("KC-041", null, reason, null)));
    Evaluation e = ReportGoldenTest.evaluation(c);
    String xml = JunitReport.of(e, ReportFixtures.CONTEXT);
    Document doc = xml(xml);
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo(name);
    Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo("keycard." + name);
    Element skipped = (Element) suite.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("waived: " + reason);
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getTextContent()).contains("'" + name + "'");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  @SuppressWarnings("unchecked")
  void lsp_rangesAreZeroBased_fromTheOneBasedFindings(ReportFixtures.Case c) {
    FixResult r = ReportGoldenTest.fixed(c);
    Map<String, Object> lsp = LspReport.of(r.evaluation(), r.remedies(), ReportFixtures.CONTEXT);
    List<Map<String, Object>> diags = (List<Map<String, Object>>) lsp.get("diagnostics");
    assertThat(diags).hasSize(r.evaluation().findings().size());
    for (int i = 0; i < diags.size(); i++) {
      Finding f = r.evaluation().findings().get(i);
      Span s = f.location().span();
      Map<String, Object> range = (Map<String, Object>) diags.get(i).get("range");
      assertThat(range.get("start"))
          .isEqualTo(Map.of("line", s.start().line() - 1, "character", s.start().column() - 1));
      assertThat(range.get("end"))
          .isEqualTo(Map.of("line", s.end().line() - 1, "character", s.end().column() - 1));
      assertThat(diags.get(i).get("code")).isEqualTo(f.ruleId());
    }
    List<Map<String, Object>> actions = (List<Map<String, Object>>) lsp.get("code_actions");
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Finding f : r.evaluation().findings()) {
      Remedy remedy = r.remedies().of(f);
      if (remedy != null && !remedy.edits().isEmpty()) {
        TextEdit t = remedy.edits().get(0);
        expected.add(
            Map.of(
                "start", Map.of("line", t.start().line() - 1, "character", t.start().column() - 1),
                "end", Map.of("line", t.end().line() - 1, "character", t.end().column() - 1)));
      }
    }
    assertThat(actions).isNotEmpty();
    List<Object> firstRanges = new ArrayList<>();
    for (Map<String, Object> a : actions) {
      assertThat(a.get("kind")).isEqualTo("quickfix");
      var changes =
          (Map<String, List<Map<String, Object>>>)
              ((Map<String, Object>) a.get("edit")).get("changes");
      assertThat(changes)
          .containsOnlyKeys(
              "untitled:" + ReportFixtures.CONTEXT.artifact(r.evaluation().input().format()));
      firstRanges.add(changes.values().iterator().next().get(0).get("range"));
    }
    assertThat(firstRanges).isEqualTo(expected);
  }

  /** Issue 18: the level follows fail_on (error at or above it), the rule's default does not. */
  @ParameterizedTest(name = "{0} under fail_on={1} is SARIF {2}, LSP {3}")
  @CsvSource({
    "CRITICAL, LOW, error, 1",
    "MEDIUM, LOW, error, 1",
    "LOW, LOW, error, 1",
    "INFO, LOW, note, 4",
    "CRITICAL, CRITICAL, error, 1",
    "HIGH, CRITICAL, warning, 2",
    "MEDIUM, HIGH, warning, 2",
    "LOW, HIGH, note, 3",
    "INFO, HIGH, note, 4",
    "INFO, INFO, error, 1"
  })
  void severity_mapsToSarifLevelAndLspSeverity_byFailOn(
      Severity s, Severity failOn, String level, int lsp) {
    assertThat(SarifReport.level(s, failOn)).isEqualTo(level);
    assertThat(LspReport.severity(s, failOn)).isEqualTo(lsp);
  }

  @ParameterizedTest(name = "{0} is SARIF default level {1}")
  @CsvSource({"CRITICAL, error", "HIGH, error", "MEDIUM, warning", "LOW, note", "INFO, note"})
  void ruleDefaultLevel_followsSeverity(Severity s, String level) {
    assertThat(SarifReport.level(s)).isEqualTo(level);
  }

  @Test
  @SuppressWarnings("unchecked")
  void sarif_listsEveryRuleOfTheSet_andResultsPointAtTheirRule() {
    FixResult r = ReportGoldenTest.fixed(ReportFixtures.CASES.get(0));
    Map<String, Object> log = SarifReport.of(r.evaluation(), r.remedies(), ReportFixtures.CONTEXT);
    var run = ((List<Map<String, Object>>) log.get("runs")).get(0);
    var driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
    var rules = (List<Map<String, Object>>) driver.get("rules");
    assertThat(rules.stream().map(x -> x.get("id")).toList())
        .isEqualTo(r.evaluation().ruleSet().rules().stream().map(d -> d.id()).toList());
    for (Map<String, Object> result : (List<Map<String, Object>>) run.get("results")) {
      int index = (Integer) result.get("ruleIndex");
      assertThat(rules.get(index).get("id")).isEqualTo(result.get("ruleId"));
    }
    assertThat((List<String>) ((Map<String, Object>) rules.get(0).get("properties")).get("tags"))
        .contains("security", "CIS-5.5");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  @SuppressWarnings("unchecked")
  void lsp_onlySafeFixesArePreferred_reviewFixesSayWhatTheyBreak(ReportFixtures.Case c) {
    FixResult r = ReportGoldenTest.fixed(c);
    Map<String, Object> lsp = LspReport.of(r.evaluation(), r.remedies(), ReportFixtures.CONTEXT);
    List<Map<String, Object>> actions = (List<Map<String, Object>>) lsp.get("code_actions");
    List<Remedy> remedies = new ArrayList<>();
    for (Finding f : r.evaluation().findings()) {
      Remedy remedy = r.remedies().of(f);
      if (remedy != null && !remedy.edits().isEmpty()) {
        remedies.add(remedy);
      }
    }
    assertThat(actions).hasSameSizeAs(remedies);
    boolean sawReview = false;
    for (int i = 0; i < actions.size(); i++) {
      Map<String, Object> a = actions.get(i);
      boolean review = remedies.get(i).review();
      sawReview |= review;
      assertThat(a.get("isPreferred")).isEqualTo(!review);
      Map<String, Object> data = (Map<String, Object>) a.get("data");
      assertThat(data.get("impact")).isEqualTo(review ? "review" : "safe");
      if (review) {
        assertThat((String) a.get("title")).contains("(review before applying)");
        assertThat((String) data.get("breaks")).isEqualTo(remedies.get(i).impact().breaks());
      }
    }
    assertThat(sawReview).as("each case has a fix that needs a review").isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void sarif_fixesCarryTheirImpact() {
    FixResult r = ReportGoldenTest.fixed(ReportFixtures.CASES.get(1));
    Map<String, Object> log = SarifReport.of(r.evaluation(), r.remedies(), ReportFixtures.CONTEXT);
    var run = ((List<Map<String, Object>>) log.get("runs")).get(0);
    List<String> impacts = new ArrayList<>();
    for (Map<String, Object> result : (List<Map<String, Object>>) run.get("results")) {
      for (Map<String, Object> fix :
          (List<Map<String, Object>>) result.getOrDefault("fixes", List.of())) {
        Map<String, Object> props = (Map<String, Object>) fix.get("properties");
        impacts.add((String) props.get("impact"));
        String description = (String) ((Map<String, Object>) fix.get("description")).get("text");
        if (props.get("impact").equals("review")) {
          assertThat(description).contains("Review before applying: " + props.get("breaks"));
        }
      }
    }
    assertThat(impacts).contains("safe", "review");
  }

  @Test
  void markdown_manyFindings_countsLowOnesPerRule_andHidesNothing() {
    FixResult r = ReportGoldenTest.fixed(ReportFixtures.CASES.get(0));
    Evaluation e = r.evaluation();
    assertThat(e.findings()).hasSizeGreaterThan(MarkdownReport.LIST_LIMIT - 1);
    List<Finding> many = new ArrayList<>(e.findings());
    many.addAll(e.findings());
    Evaluation doubled =
        new Evaluation(
            e.decisionId(),
            e.allow(),
            e.ruleSet(),
            e.input(),
            many,
            e.suppressed(),
            e.warnings(),
            0,
            List.of(),
            false,
            null);
    String md = MarkdownReport.of(doubled, null, 0);
    assertThat(md.lines().findFirst().orElseThrow())
        .startsWith("❌ **Denied**: " + many.size() + " findings");
    long listed = md.lines().filter(l -> l.startsWith("- **")).count();
    long low = many.stream().filter(f -> !f.severity().atLeast(Severity.MEDIUM)).count();
    assertThat(listed).isEqualTo(many.size() - low);
    assertThat(md).contains("- also low `KC-041` ×" + low);
    assertThat(md).contains("No fixed version");
  }
}
