package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18: a version that does not exist is a 404 listing the versions that do; a malformed
 * version is a 400; both on /v1/evaluate and /v1/rulesets/{name}/{version}.
 */
@QuarkusTest
class RuleSetSelectionHttpTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"restricted@2", "restricted@1.9", "restricted@1.0.7"})
  void missingVersion_is404_listingTheVersionsThatExist(String selector) {
    given()
        .contentType("text/plain")
        .queryParam("ruleset", selector)
        .body("docker run myapp")
        .post("/v1/evaluate")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("not_found"))
        .body(
            "detail",
            allOf(
                containsString("rule set 'restricted' has no version matching "
                    + selector.substring(selector.indexOf('@') + 1)),
                containsString("its versions: "),
                containsString("1.0.0")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"restricted@v1.x", "restricted@1.x", "restricted@", "restricted@1.0.0.0",
      "restricted@latest"})
  void malformedVersion_is400(String selector) {
    given()
        .contentType("text/plain")
        .queryParam("ruleset", selector)
        .body("docker run myapp")
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("code", equalTo("bad_request"))
        .body("detail", containsString("malformed version"))
        .body("detail", containsString("restricted@1.0.0"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"nosuch, 404, no rule set 'nosuch'; known: baseline", "Restricted!, 400, malformed rule set"})
  void unknownOrMalformedName(String selector, int status, String detail) {
    given()
        .contentType("application/json")
        .body("{\"input\": \"docker run myapp\", \"ruleset\": \"" + selector + "\"}")
        .post("/v1/evaluate")
        .then()
        .statusCode(status)
        .body("detail", containsString(detail));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"restricted, 2, 404", "restricted, v1.x, 400", "restricted, 1, 200"})
  void rulesetsResource_sameRules(String name, String version, int status) {
    given()
        .get("/v1/rulesets/" + name + "/" + version)
        .then()
        .statusCode(status)
        .body(status == 200 ? "name" : "detail", not(equalTo(null)));
  }
}
