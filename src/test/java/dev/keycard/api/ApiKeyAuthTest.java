package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With {@code KEYCARD_AUTH_API_KEYS} set, {@code /v1/*} needs a bearer key while health and OpenAPI
 * stay open; with {@code KEYCARD_CORS_ORIGINS} set, those origins may call from a browser.
 */
@QuarkusTest
@TestProfile(ApiKeyAuthTest.WithKeys.class)
class ApiKeyAuthTest {
  private static final String DOCKER_RUN = "docker run --privileged nginx";

  /** Two keys and one allowed origin, through the names an operator sets as variables. */
  public static final class WithKeys implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "keycard.auth.api-keys", "first-key-0123456789, second-key-abcdef",
          "KEYCARD_CORS_ORIGINS", "https://ide.example.dev");
    }
  }

  @ParameterizedTest(name = "Authorization ''{0}'' on POST /v1/evaluate -> 401")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "NONE",
        "Bearer wrong-key",
        "Bearer first-key-012345678",
        "Bearer first-key-0123456789x",
        "Basic Zmlyc3Qta2V5LTAxMjM0NTY3ODk=",
        "first-key-0123456789",
        "Bearer "
      })
  void evaluate_withoutAValidKey_is401Problem(String authorization) {
    var req = given().contentType("text/plain").body(DOCKER_RUN);
    if (authorization != null) {
      req = req.header("Authorization", authorization);
    }
    req.post("/v1/evaluate")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("code", equalTo("unauthorized"))
        .body("status", equalTo(401))
        .body("detail", not(containsString("first-key")));
  }

  @ParameterizedTest(name = "{0} is accepted")
  @CsvSource({
    "Bearer first-key-0123456789",
    "Bearer second-key-abcdef",
    "bearer second-key-abcdef"
  })
  void evaluate_withAConfiguredKey_is200(String authorization) {
    given()
        .header("Authorization", authorization)
        .contentType("text/plain")
        .body(DOCKER_RUN)
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.rule_id", org.hamcrest.Matchers.hasItem("KC-001"));
  }

  @ParameterizedTest(name = "GET {0} without a key -> 401")
  @CsvSource({"/v1/rulesets", "/v1/rules/KC-001", "//v1/rulesets", "/v1/no-such-thing"})
  void getEndpoints_withoutKey_are401(String path) {
    given().get(path).then().statusCode(401).contentType("application/problem+json");
  }

  @ParameterizedTest(name = "GET {0} stays open")
  @CsvSource({"/q/health/ready", "/q/health/live", "/q/openapi"})
  void healthAndOpenapi_needNoKey(String path) {
    given().get(path).then().statusCode(200);
  }

  @Test
  void parse_withAKey_is200() {
    given()
        .header("Authorization", "Bearer first-key-0123456789")
        .contentType("text/plain")
        .body(DOCKER_RUN)
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("docker-run"));
  }

  @Test
  void cors_preflightFromAConfiguredOrigin_isAllowed() {
    given()
        .header("Origin", "https://ide.example.dev")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/v1/evaluate")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("https://ide.example.dev"));
  }

  @Test
  void cors_fromAnotherOrigin_getsNoAllowOrigin() {
    given()
        .header("Origin", "https://evil.example.com")
        .header("Authorization", "Bearer first-key-0123456789")
        .contentType("text/plain")
        .body(DOCKER_RUN)
        .post("/v1/evaluate")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
