package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParseResourceErrorsTest {
  @Test
  void parse_formUrlencoded_is415WithCurlHint() {
    given()
        .contentType("application/x-www-form-urlencoded")
        .body("docker run nginx")
        .post("/v1/parse")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("unsupported_media_type"))
        .body("detail", containsString("Content-Type: application/yaml"));
  }

  @Test
  void parse_xmlBody_is415() {
    given().contentType("application/xml").body("<a/>").post("/v1/parse").then().statusCode(415);
  }

  @Test
  void parse_bodyOverLimit_is413() {
    given()
        .contentType("text/plain")
        .body("x".repeat(1024 * 1024 + 1))
        .post("/v1/parse")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("code", equalTo("body_too_large"));
  }

  @Test
  void parse_malformedJson_is400WithPosition() {
    given()
        .contentType("application/json")
        .body("{\n  \"input\": \"x\",\n  oops\n}")
        .post("/v1/parse")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].line", equalTo(3))
        .body("errors[0].column", notNullValue());
  }

  @Test
  void parse_unknownField_is400NamingIt() {
    given()
        .contentType("application/json")
        .body("{\"input\": \"docker run nginx\", \"fail-on\": \"high\"}")
        .post("/v1/parse")
        .then()
        .statusCode(400)
        .body("detail", containsString("fail-on"));
  }

  @Test
  void parse_missingInput_is400() {
    given()
        .contentType("application/json")
        .body("{\"format\": \"compose\"}")
        .post("/v1/parse")
        .then()
        .statusCode(400)
        .body("detail", containsString("input"));
  }

  @Test
  void parse_emptyRawBody_is400() {
    given().contentType("text/plain").body("  ").post("/v1/parse").then().statusCode(400);
  }

  @Test
  void parse_unknownFormat_is400() {
    given()
        .contentType("application/json")
        .body("{\"input\": \"docker run nginx\", \"format\": \"helm\"}")
        .post("/v1/parse")
        .then()
        .statusCode(400)
        .body("code", equalTo("unknown_format"))
        .body("detail", containsString("helm"));
  }

  @Test
  void get_onParse_is405Problem() {
    given().get("/v1/parse").then().statusCode(405).contentType("application/problem+json");
  }

  @Test
  void unknownPath_is404Problem() {
    given().get("/v1/nothing").then().statusCode(404).contentType("application/problem+json");
  }
}
