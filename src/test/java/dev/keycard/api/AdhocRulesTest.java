package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Caller rules are off by default: any request carrying rules, and every rule check, answers 403
 * {@code adhoc_rules_disabled}; evaluating with the bundled rule sets is unaffected.
 */
@QuarkusTest
@TestProfile(AdhocRulesTest.Default.class)
class AdhocRulesTest {
  /** The shipped default: KEYCARD_RULES_ADHOC unset. */
  public static class Default implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("keycard.rules.adhoc", "false");
    }
  }

  static final Map<String, Object> RULE =
      Map.of("id", "ORG-1", "title", "t", "severity", "low", "when", "c.privileged", "message", "m");

  @Test
  void evaluateWithRules_is403() {
    given().contentType("application/json")
        .body(Map.of("input", "docker run nginx", "rules", List.of(RULE)))
        .post("/v1/evaluate")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("adhoc_rules_disabled"));
  }

  @Test
  void evaluateWithRulesAsYamlText_is403_andFixToo() {
    Map<String, Object> body =
        Map.of("input", "docker run nginx", "rules", "- id: ORG-1\n  when: c.privileged\n");
    given().contentType("application/json").body(body).post("/v1/evaluate")
        .then().statusCode(403).body("code", equalTo("adhoc_rules_disabled"));
    given().contentType("application/json").body(body).post("/v1/fix")
        .then().statusCode(403).body("code", equalTo("adhoc_rules_disabled"));
  }

  @Test
  void ruleCheck_is403() {
    given().contentType("application/yaml")
        .body("id: ORG-1\nwhen: c.privileged\n".getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check")
        .then()
        .statusCode(403)
        .body("code", equalTo("adhoc_rules_disabled"));
  }

  @Test
  void evaluateWithoutRules_orWithAnEmptyList_works() {
    given().contentType("application/json")
        .body(Map.of("input", "docker run --privileged nginx", "rules", List.of()))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(false));
  }
}
