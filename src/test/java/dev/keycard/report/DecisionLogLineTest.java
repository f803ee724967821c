package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.report.Evaluation;
import org.junit.jupiter.api.Test;

class DecisionLogLineTest {
  static final ReportFixtures.Case COMPOSE = ReportFixtures.CASES.get(0);

  @Test
  void line_isOneJsonObject_withDecisionRuleSetHashCountsAndVerdict() throws Exception {
    Evaluation e = ReportGoldenTest.evaluation(COMPOSE);
    String line = DecisionLogLine.of(e, COMPOSE.text(), false);
    assertThat(line).doesNotContain("\n");
    JsonNode j = new ObjectMapper().readTree(line);
    assertThat(j.path("decision_id").asText()).isEqualTo(ReportFixtures.DECISION_ID);
    assertThat(j.path("ruleset").path("name").asText()).isEqualTo("restricted");
    assertThat(j.path("ruleset").path("version").asText())
        .isEqualTo(e.ruleSet().version().toString());
    assertThat(j.path("ruleset").path("digest").asText()).isEqualTo(e.ruleSet().digest());
    assertThat(j.path("format").asText()).isEqualTo("compose");
    assertThat(j.path("input_sha256").asText())
        .isEqualTo(DecisionLogLine.sha256(COMPOSE.text()))
        .matches("sha256:[0-9a-f]{64}");
    assertThat(j.path("counts").path("critical").asInt())
        .isEqualTo(
            (int)
                e.findings().stream()
                    .filter(f -> f.severity().apiName().equals("critical"))
                    .count());
    assertThat(j.path("counts").path("suppressed").asInt()).isEqualTo(e.suppressed().size());
    assertThat(j.path("allow").asBoolean()).isEqualTo(e.allow());
    assertThat(j.has("latency_ms")).isTrue();
    assertThat(j.has("input")).isFalse();
    assertThat(line).doesNotContain("nginx");
  }

  @Test
  void line_withIncludeInput_carriesTheText() throws Exception {
    Evaluation e = ReportGoldenTest.evaluation(COMPOSE);
    JsonNode j = new ObjectMapper().readTree(DecisionLogLine.of(e, COMPOSE.text(), true));
    assertThat(j.path("input").asText()).isEqualTo(COMPOSE.text());
  }

  @Test
  void sha256_ofKnownText() {
    assertThat(DecisionLogLine.sha256("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
