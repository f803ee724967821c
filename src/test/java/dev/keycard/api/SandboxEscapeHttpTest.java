package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.keycard.engine.EscapeVariants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's attack and its variants over HTTP, with caller rules enabled (the test profile): in
 * every place a rule holds an expression ({@code when}, a for_each {@code when}, {@code message},
 * {@code escalate}) the variant is refused with 422 and a position, or compiles to Keycard's
 * names only and runs as data; in every place that is data (title, fix value) it stays data; and
 * the marker file never appears. A benign caller rule still works.
 */
@QuarkusTest
class SandboxEscapeHttpTest {
  @BeforeAll
  static void noMarkerYet() throws Exception {
    Files.deleteIfExists(EscapeVariants.MARKER);
  }

  static Stream<Arguments> expressionPlaces() {
    List<Arguments> out = new ArrayList<>();
    for (EscapeVariants.Variant v : EscapeVariants.all()) {
      String e = v.expression();
      out.add(Arguments.of(v.name() + " in when", rule(e, "m", null, null)));
      out.add(Arguments.of(v.name() + " in a for_each when", rule(e, "m", "mounts", null)));
      out.add(Arguments.of(v.name() + " in message", rule("c.privileged", "x @{" + e + "}", null, null)));
      out.add(Arguments.of(v.name() + " in escalate", rule("c.privileged", "m", null, e)));
    }
    return out.stream();
  }

  private static Map<String, Object> rule(String when, String message, String forEach, String escalate) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", "X-1");
    r.put("title", "t");
    r.put("severity", "low");
    if (forEach != null) {
      r.put("for_each", forEach);
    }
    r.put("when", when);
    r.put("message", message);
    if (escalate != null) {
      r.put("escalate", List.of(Map.of("severity", "high", "when", escalate)));
    }
    return r;
  }

  private static Response evaluate(Object rules) {
    return given()
        .contentType("application/json")
        .body(Map.of("input", "docker run --privileged -v /srv:/srv nginx", "ruleset", "baseline", "rules", rules))
        .post("/v1/evaluate");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressionPlaces")
  void variantInAnExpressionPlace_isRefusedWithAPositionOrStaysData(String name, Map<String, Object> rule) {
    Response r = evaluate(List.of(rule));
    assertThat(r.statusCode()).as(name + ": " + r.asString()).isIn(200, 422);
    if (r.statusCode() == 422) {
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.jsonPath().getString("errors[0].path")).as(name).isNotNull();
      assertThat(r.jsonPath().getInt("errors[0].line")).as(name).isPositive();
      assertThat(r.jsonPath().getInt("errors[0].column")).as(name).isPositive();
    }
    assertThat(Files.exists(EscapeVariants.MARKER)).as(name + ": marker file").isFalse();
  }

  static Stream<Arguments> variants() {
    return EscapeVariants.all().stream().map(v -> Arguments.of(v.name(), v.expression()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variantInDataPlaces_staysData(String name, String payload) {
    Map<String, Object> r = rule("c.privileged", "m", null, null);
    r.put("title", payload);
    r.put("fix", List.of(Map.of("set", "user", "value", payload)));
    Response resp = evaluate(List.of(r));
    assertThat(resp.statusCode()).as(name + ": " + resp.asString()).isIn(200, 422);
    assertThat(Files.exists(EscapeVariants.MARKER)).as(name + ": marker file").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variantAsARuleId_isRefusedWithItsPath(String name, String payload) {
    Map<String, Object> r = rule("c.privileged", "m", null, null);
    r.put("id", payload);
    Response resp = evaluate(List.of(r));
    assertThat(resp.statusCode()).as(name + ": " + resp.asString()).isEqualTo(422);
    assertThat(resp.jsonPath().getString("errors[0].path")).as(name).isNotNull();
    assertThat(Files.exists(EscapeVariants.MARKER)).as(name + ": marker file").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variantInARuleCheck_isNotOk(String name, String payload) {
    String yaml =
        "id: X-1\ntitle: t\nseverity: low\nmessage: m\nwhen: '" + payload.replace("'", "''") + "'\n"
            + "examples:\n  fail: [docker run --privileged nginx]\n  pass: [docker run nginx]\n";
    Response r =
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
            .post("/v1/rulesets/check");
    assertThat(r.statusCode()).as(name + ": " + r.asString()).isEqualTo(200);
    assertThat(Files.exists(EscapeVariants.MARKER)).as(name + ": marker file").isFalse();
  }

  @Test
  void theIssuesRequest_verbatim_is422WithAPosition() {
    String body =
        "{\"input\": \"docker run nginx\", \"ruleset\": \"baseline\",\n"
            + " \"rules\": [{\"id\": \"X\", \"title\": \"t\", \"severity\": \"low\", \"message\": \"m\",\n"
            + "   \"when\": \"[\\\"''[\\\\\\\"\\\\\\\".getClass().forName(\\\\\\\"java.lang.Runtime\\\\\\\")"
            + ".getMethod(\\\\\\\"getRuntime\\\\\\\").invoke(null).exec(\\\\\\\"touch "
            + EscapeVariants.MARKER + "\\\\\\\")],'\\\"[0]] != null\"}]}";
    given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("code", equalTo("rule_compile_error"))
        .body("errors[0].path", equalTo("/rules/0/when"))
        .body("errors[0].line", equalTo(1))
        .body("errors[0].column", equalTo(2));
    assertThat(Files.exists(EscapeVariants.MARKER)).isFalse();
  }

  @Test
  void theIssuesPayload_inAMessageTemplateAndARuleFile_isRefused() {
    given().contentType("application/json")
        .body(Map.of("input", "docker run nginx", "rules",
            List.of(rule("c.privileged", "x @{" + EscapeVariants.original() + "}", null, null))))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("errors[0].path", equalTo("/rules/0/message"));
    String yaml = "id: X-1\ntitle: t\nseverity: low\nmessage: m\nwhen: '"
        + EscapeVariants.original().replace("'", "''") + "'\n";
    given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("rules[0].errors[0].line", notNullValue());
    assertThat(Files.exists(EscapeVariants.MARKER)).isFalse();
  }

  @Test
  void aBenignCallerRule_stillWorks() {
    given().contentType("application/json")
        .body(Map.of("input", "docker run --privileged -e TZ=UTC nginx", "ruleset", "baseline", "rules",
            List.of(Map.of("id", "ORG-1", "title", "No TZ override", "severity", "low",
                "for_each", "environment", "when", "item.name == 'TZ' && item.value != 'UTC' || item.name == \"TZ\"",
                "message", "Container '@{c.name}' sets @{item.name}=@{item.value} (\"quoted\" '@@' ok)"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.rule_id", hasItem("ORG-1"))
        .body("findings.find { it.rule_id == 'ORG-1' }.message",
            equalTo("Container 'nginx' sets TZ=UTC (\"quoted\" '@' ok)"));
  }

  @AfterAll
  static void nothingRan() {
    assertThat(Files.exists(EscapeVariants.MARKER)).as("marker file").isFalse();
  }
}
