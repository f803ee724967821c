package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no rule set loadable the service says it is not ready, and evaluations get 503. */
@QuarkusTest
@TestProfile(NotReadyTest.MissingPolicies.class)
class NotReadyTest {
  /** Points the bundled policy directory nowhere. */
  public static class MissingPolicies implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("keycard.policies.bundled", "target/no-such-policies");
    }
  }

  @Test
  void evaluate_withoutRuleSets_is503() {
    given().contentType("text/plain").body("docker run nginx").post("/v1/evaluate")
        .then().statusCode(503).contentType("application/problem+json")
        .body("code", equalTo("not_ready"));
  }

  @Test
  void ready_isDownWithTheReason() {
    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
  }

  @Test
  void rulesets_withoutRuleSets_is503() {
    given().get("/v1/rulesets").then().statusCode(503).body("code", equalTo("not_ready"));
  }
}
