package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 18: an unknown query parameter is a 400 that names the known ones, on every endpoint. */
@QuarkusTest
class QueryParametersTest {
  private static final String DENIED = "docker run --privileged myapp";

  @ParameterizedTest(name = "{0}?{1}")
  @CsvSource({
    "/v1/evaluate, rulset, ruleset",
    "/v1/evaluate, failon, fail_on",
    "/v1/evaluate, fail-on, fail_on",
    "/v1/evaluate, outptu, output",
    "/v1/fix, rulset, ruleset",
    "/v1/parse, formt, format",
  })
  void typo_is400_namingTheKnownParameters_andTheNearestOne(
      String path, String typo, String meant) {
    given()
        .contentType("text/plain")
        .queryParam(typo, "x")
        .body(DENIED)
        .post(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("bad_request"))
        .body(
            "detail",
            allOf(
                containsString("Unknown query parameter '" + typo + "'"),
                containsString("did you mean '" + meant + "'"),
                containsString("Known parameters of POST " + path + ": format, ruleset, exclude,"
                    + " fail_on, on_unknown, filename, uri")));
  }

  @Test
  void deniedInput_withTypoedFailOn_isNeverAnAllow() {
    // the old behaviour: ?failon=critical was ignored, fail_on stayed low; now nothing is decided
    given()
        .contentType("text/plain")
        .queryParam("failon", "critical")
        .body("docker run --cap-add NET_ADMIN myapp")
        .post("/v1/evaluate")
        .then()
        .statusCode(400);
  }

  @Test
  void evaluate_knowsOutput_fixKnowsToAndApply() {
    given().contentType("text/plain").queryParam("output", "junit").body(DENIED)
        .post("/v1/evaluate").then().statusCode(200);
    given().contentType("text/plain").queryParam("to", "compose").queryParam("apply", "safe")
        .body(DENIED).post("/v1/fix").then().statusCode(200);
  }

  @Test
  void fix_withOutput_is400_pointingAtEvaluate() {
    given()
        .contentType("text/plain")
        .queryParam("output", "sarif")
        .body(DENIED)
        .post("/v1/fix")
        .then()
        .statusCode(400)
        .body("detail", containsString("Known parameters of POST /v1/fix: format, ruleset,"))
        .body("detail", containsString("to, apply"))
        .body("detail", containsString("/v1/fix answers JSON only"))
        .body("detail", containsString("/v1/evaluate?output="));
  }

  @Test
  void parameterGivenTwice_is400_exceptExclude() {
    given().contentType("text/plain").queryParam("ruleset", "baseline", "restricted").body(DENIED)
        .post("/v1/evaluate").then().statusCode(400)
        .body("detail", containsString("'ruleset' is given 2 times"));
    given().contentType("text/plain").queryParam("exclude", "KC-001", "KC-004").body(DENIED)
        .queryParam("ruleset", "baseline@1")
        .post("/v1/evaluate").then().statusCode(200)
        .body("allow", equalTo(true))
        .body("suppressed.finding.rule_id", hasItems("KC-001"));
  }

  @Test
  void listings_takeNoParameters() {
    given().queryParam("page", "2").get("/v1/rulesets").then().statusCode(400)
        .body("detail", containsString("GET /v1/rulesets takes no query parameters"));
    given().queryParam("x", "1").get("/v1/rules/KC-001").then().statusCode(400);
  }

  @Test
  void opaDataApi_acceptsOpasOwnParameters_andRefusesOthers() {
    given().contentType("application/json").queryParam("pretty", "true")
        .queryParam("metrics", "true")
        .body("{\"input\": {\"Image\": \"x\", \"HostConfig\": {\"Privileged\": true}}}")
        .post("/v1/data/keycard/baseline/allow").then().statusCode(200)
        .body("result", equalTo(false));
    given().contentType("application/json").queryParam("rulset", "x")
        .body("{\"input\": {}}")
        .post("/v1/data/keycard/baseline").then().statusCode(400)
        .body("detail", containsString("pretty, provenance, explain"));
  }

  @Test
  void unknownParameter_onTheJsonBody_isRefusedToo() {
    given().contentType("application/json").queryParam("fail-on", "high")
        .body("{\"input\": \"" + DENIED + "\"}")
        .post("/v1/evaluate").then().statusCode(400)
        .body("detail", containsString("did you mean 'fail_on'"));
  }
}
