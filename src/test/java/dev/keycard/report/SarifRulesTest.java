package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.remediation.Remedies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule descriptors built once per rule-set version serve every answer, unchanged. */
class SarifRulesTest {
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Map<String, Object> log) {
    Map<String, Object> run = ((List<Map<String, Object>>) log.get("runs")).get(0);
    Map<String, Object> tool = (Map<String, Object>) run.get("tool");
    return (List<Map<String, Object>>) ((Map<String, Object>) tool.get("driver")).get("rules");
  }

  @Test
  void prebuiltDescriptors_equalThoseBuiltPerAnswer_andAreSharedByAnswers() {
    Evaluation e = ReportFixtures.evaluate(ReportFixtures.CASES.get(0));
    String docs = "https://docs.example/rules/";
    SarifRules table = SarifRules.of(e.ruleSet(), docs);
    ReportContext plain = new ReportContext("f.yaml", null, docs, "t");
    ReportContext built = new ReportContext("f.yaml", null, docs, "t", table);

    Map<String, Object> once = SarifReport.of(e, Remedies.none(), plain);
    Map<String, Object> first = SarifReport.of(e, Remedies.none(), built);
    Map<String, Object> second = SarifReport.of(e, Remedies.none(), built);

    assertThat(first).isEqualTo(once);
    assertThat(rules(first)).isNotEmpty();
    for (int i = 0; i < rules(first).size(); i++) {
      assertThat(rules(second).get(i)).isSameAs(rules(first).get(i));
      assertThat(rules(once).get(i)).isNotSameAs(rules(first).get(i));
    }
  }

  @Test
  void aTableForAnotherAddress_isNotUsed() {
    Evaluation e = ReportFixtures.evaluate(ReportFixtures.CASES.get(0));
    SarifRules table = SarifRules.of(e.ruleSet(), "https://one.example/");
    ReportContext other = new ReportContext(null, null, "https://two.example/", "t", table);
    assertThat(rules(SarifReport.of(e, Remedies.none(), other)))
        .allSatisfy(r -> assertThat((String) r.get("helpUri")).startsWith("https://two.example/"));
  }
}
