package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The answer cache over HTTP: a request sent again gets the same findings and fixes as a decision
 * of its own, and nothing that changes the answer (text, rule set, waivers) shares one.
 */
@QuarkusTest
class AnswerCacheTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A text no other test sends, so its first evaluation is a miss. */
  private static String compose() {
    return "# " + UUID.randomUUID() + "\nservices:\n  web:\n    image: nginx\n    privileged: true\n";
  }

  private static JsonNode evaluate(String text, String ruleset, String exclude) throws Exception {
    var request = given().contentType("application/yaml").queryParam("ruleset", ruleset);
    if (exclude != null) {
      request = request.queryParam("exclude", exclude);
    }
    String body =
        request
            .body(text.getBytes(StandardCharsets.UTF_8))
            .post("/v1/evaluate")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  private static double hits() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile("keycard_answer_cache_total\\{[^}]*result=\"hit\"[^}]*\\} ([0-9.E]+)")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static JsonNode withoutDecisionId(JsonNode n) {
    ObjectNode copy = n.deepCopy();
    copy.remove("decision_id");
    return copy;
  }

  @Test
  void sameRequestAThirdTime_sameFindingsAndFixes_newDecisionId_countedAsAHit() throws Exception {
    String text = compose();
    double before = hits();

    JsonNode first = evaluate(text, "restricted", null);
    evaluate(text, "restricted", null); // seen twice: now kept
    assertThat(hits()).isEqualTo(before);
    JsonNode second = evaluate(text, "restricted", null);

    assertThat(hits()).isEqualTo(before + 1);
    assertThat(second.path("decision_id").asText()).isNotEqualTo(first.path("decision_id").asText());
    assertThat(withoutDecisionId(second)).isEqualTo(withoutDecisionId(first));
    assertThat(second.path("findings").get(0).path("remediation").path("edits").size()).isPositive();
  }

  @Test
  void sameText_anotherRuleSetOrWaiver_isEvaluatedAfresh() throws Exception {
    String text = compose();
    double before = hits();

    JsonNode restricted = evaluate(text, "restricted", null);
    evaluate(text, "restricted", null); // kept from now on
    JsonNode baseline = evaluate(text, "baseline", null);
    JsonNode waived = evaluate(text, "restricted", "KC-001");

    assertThat(hits()).isEqualTo(before);
    assertThat(baseline.path("summary").path("total").asInt())
        .isLessThan(restricted.path("summary").path("total").asInt());
    assertThat(waived.path("suppressed").toString()).contains("KC-001");
    assertThat(waived.path("findings").toString()).doesNotContain("KC-001");
  }

  @Test
  void anotherText_isEvaluatedAfresh() throws Exception {
    double before = hits();

    for (int i = 0; i < 3; i++) {
      evaluate(compose(), "restricted", null);
    }

    assertThat(hits()).isEqualTo(before);
  }
}
