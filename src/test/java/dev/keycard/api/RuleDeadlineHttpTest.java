package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request whose rules outrun the deadline gets 503 {@code evaluation_timeout} with {@code
 * Retry-After} on every endpoint that evaluates (the OPA Data API used to answer 500), and the
 * service stays live.
 */
@QuarkusTest
@TestProfile(RuleDeadlineHttpTest.TinyDeadline.class)
class RuleDeadlineHttpTest {
  /** A 1 ms deadline: 500 services' rules take several ms even on a warm JVM. */
  public static class TinyDeadline implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("keycard.policies.deadline", "1ms");
    }
  }

  static String compose(int services) {
    StringBuilder b = new StringBuilder("services:\n");
    for (int i = 0; i < services; i++) {
      b.append("  s").append(i).append(":\n    image: nginx\n    privileged: true\n");
    }
    return b.toString();
  }

  @Test
  void evaluate_pastTheDeadline_is503WithRetryAfter() {
    given().contentType("application/yaml").body(compose(500).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/v1/evaluate")
        .then().statusCode(503).contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("code", equalTo("evaluation_timeout"))
        .body("detail", containsString("1 ms"));
  }

  @Test
  void fix_pastTheDeadline_is503() {
    given().contentType("application/yaml").body(compose(500).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/v1/fix")
        .then().statusCode(503).body("code", equalTo("evaluation_timeout"));
  }

  @Test
  void opaDataApi_pastTheDeadline_is503_not500() {
    given().contentType("application/json")
        .body(Map.of("input", Map.of("content", compose(500), "format", "compose")))
        .post("/v1/data/keycard/restricted")
        .then().statusCode(503).contentType("application/problem+json")
        .body("code", equalTo("evaluation_timeout"));
    given().get("/q/health/live").then().statusCode(200);
  }
}
