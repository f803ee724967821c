package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.keycard.engine.AttackTest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate's attack suite, sent the way an attacker would: as ad-hoc rules in an evaluate request
 * and as rules to check. Every payload is refused with a 422 (evaluate) or a positioned error
 * (check); nothing ran, and the server still answers.
 */
@QuarkusTest
class RuleSandboxHttpTest {
  static Stream<Arguments> expressions() {
    return AttackTest.expressions().map(a -> Arguments.of(a.get()[0], a.get()[1]));
  }

  static Stream<Arguments> templates() {
    return AttackTest.templates().map(a -> Arguments.of(a.get()[0], a.get()[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void evaluate_hostileExpression_is422(String name, String payload) {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "docker run nginx",
            "rules", List.of(Map.of("id", "X-1", "title", "t", "severity", "low", "when", payload, "message", "m"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].path", notNullValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void evaluate_hostileTemplate_is422(String name, String payload) {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "docker run nginx",
            "rules", List.of(Map.of("id", "X-1", "title", "t", "severity", "low", "when", "c.privileged", "message", payload))))
        .post("/v1/evaluate")
        .then()
        .statusCode(422);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void check_hostileExpression_isNotOk(String name, String payload) {
    String yaml = "id: X-1\ntitle: t\nseverity: low\nmessage: m\nwhen: '" + payload.replace("'", "''") + "'\n";
    given()
        .contentType("application/yaml")
        .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/rulesets/check")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("rules[0].ok", equalTo(false));
  }

  @AfterAll
  static void nothingRan() {
    assertThat(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "mvel-poc-pwned"))).isFalse();
    assertThat(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "keycard-engine-pwned"))).isFalse();
    assertThat(System.getProperty("pwned")).isNull();
  }

  @Test
  void afterTheAttacks_theServiceIsStillReady() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }
}
