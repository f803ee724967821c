package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With caller rules enabled and API keys configured, only a key listed in {@code
 * keycard.auth.rule-keys} may send rules; other keys evaluate as usual but get 403 for rules, also
 * when the same request was answered (and cached) for a rule key before.
 */
@QuarkusTest
@TestProfile(AdhocRuleKeysTest.Keys.class)
class AdhocRuleKeysTest {
  /** Two keys: one may send rules. */
  public static class Keys implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "keycard.rules.adhoc", "true",
          "keycard.auth.api-keys", "plain-key",
          "keycard.auth.rule-keys", "rule-key");
    }
  }

  static final Map<String, Object> BODY =
      Map.of(
          "input", "docker run --privileged nginx",
          "rules",
          List.of(Map.of("id", "ORG-1", "title", "t", "severity", "low", "when", "c.privileged",
              "message", "m")));

  @Test
  void ruleKey_maySendRules_thenAPlainKeyGets403ForTheSameRequest() {
    given().auth().oauth2("rule-key").contentType("application/json").body(BODY)
        .post("/v1/evaluate")
        .then().statusCode(200).body("findings.rule_id", hasItem("ORG-1"));
    given().auth().oauth2("plain-key").contentType("application/json").body(BODY)
        .post("/v1/evaluate")
        .then().statusCode(403).body("code", equalTo("forbidden"));
  }

  @Test
  void plainKey_evaluatesWithoutRules_andCannotCheckRules() {
    given().auth().oauth2("plain-key").contentType("text/plain").body("docker run nginx")
        .post("/v1/evaluate")
        .then().statusCode(200);
    given().auth().oauth2("plain-key").contentType("application/yaml")
        .body("id: ORG-1\nwhen: c.privileged\n".getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check")
        .then().statusCode(403).body("code", equalTo("forbidden"));
  }

  @Test
  void ruleKey_isAlsoAnApiKey_andNoKeyIs401() {
    given().auth().oauth2("rule-key").contentType("text/plain").body("docker run nginx")
        .post("/v1/evaluate")
        .then().statusCode(200);
    given().contentType("application/json").body(BODY).post("/v1/evaluate")
        .then().statusCode(401);
  }
}
