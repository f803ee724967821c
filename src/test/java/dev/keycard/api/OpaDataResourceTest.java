package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request and response shapes of OPA's Data API (POST /v1/data/{path} with {"input": ...}). */
@QuarkusTest
class OpaDataResourceTest {
  static final Map<String, Object> COMPOSE =
      Map.of("services", Map.of("web", Map.of("image", "nginx", "privileged", true)));

  @Test
  void data_ruleset_returnsResultWithAllowDenyFindings() {
    given().contentType("application/json").body(Map.of("input", COMPOSE))
        .post("/v1/data/keycard/baseline")
        .then().statusCode(200)
        .body("decision_id", notNullValue())
        .body("result.allow", equalTo(false))
        .body("result.deny", hasItem(startsWith("KC-001: ")))
        .body("result.findings[0].rule_id", equalTo("KC-001"));
  }

  @Test
  void data_allow_isABoolean() {
    given().contentType("application/json").body(Map.of("input", COMPOSE))
        .post("/v1/data/keycard/baseline/allow")
        .then().statusCode(200).body("result", equalTo(false));
    given().contentType("application/json")
        .body(Map.of("input", Map.of("Image", "nginx", "HostConfig", Map.of("Privileged", false))))
        .post("/v1/data/keycard/baseline/allow")
        .then().statusCode(200).body("result", equalTo(true));
  }

  @Test
  void data_allow_ofAnInputWithNoContainer_isAnError_neverTrue() {
    // an admission hook asking about a malformed request must not be told "allowed"
    for (Object input : java.util.List.of(java.util.List.of(), java.util.List.of(1, 2, 3))) {
      given().contentType("application/json").body(Map.of("input", input))
          .post("/v1/data/keycard/baseline/allow")
          .then().statusCode(400);
    }
  }

  @Test
  void data_deny_isTheListOfMessages() {
    given().contentType("application/json")
        .body(Map.of("input", Map.of("format", "docker-run", "content", "docker run --net=host nginx")))
        .post("/v1/data/keycard/baseline/deny")
        .then().statusCode(200).body("result", hasItem(startsWith("KC-010: Container 'nginx'")));
  }

  @Test
  void data_undefinedDocuments_areEmptyObjects() {
    given().contentType("application/json").body(Map.of("input", COMPOSE))
        .post("/v1/data/keycard/nope").then().statusCode(200).body("$", anEmptyMap());
    given().contentType("application/json").body(Map.of("input", COMPOSE))
        .post("/v1/data/other/baseline").then().statusCode(200).body("$", anEmptyMap());
    given().contentType("application/json").body(Map.of("input", COMPOSE))
        .post("/v1/data/keycard/baseline/nothing").then().statusCode(200).body("$", anEmptyMap());
    given().contentType("application/json").body("{}")
        .post("/v1/data/keycard/baseline").then().statusCode(200).body("$", anEmptyMap());
    given().get("/v1/data/keycard/baseline").then().statusCode(200).body("$", aMapWithSize(0));
  }

  @Test
  void data_malformedJson_is400() {
    given().contentType("application/json").body("{\"input\": ")
        .post("/v1/data/keycard/baseline").then().statusCode(400).contentType("application/problem+json");
  }
}
