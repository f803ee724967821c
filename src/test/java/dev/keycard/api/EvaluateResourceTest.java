package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluateResourceTest {
  @Test
  void evaluate_privilegedDockerRun_deniesWithPositionedFinding() {
    given()
        .contentType("application/json")
        .body(Map.of("input", "docker run --privileged -v /var/run/docker.sock:/var/run/docker.sock myapp", "ruleset", "baseline@1"))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(false))
        .body("ruleset.name", equalTo("baseline"))
        .body("ruleset.version", equalTo("1.1.0"))
        .body("ruleset.digest", startsWith("sha256:"))
        .body("input.format", equalTo("docker-run"))
        .body("input.containers", contains("myapp"))
        .body("findings.rule_id", contains("KC-001", "KC-030"))
        .body("findings[0].severity", equalTo("critical"))
        .body("findings[0].message", containsString("'myapp'"))
        .body("findings[0].location.start.line", equalTo(1))
        .body("findings[0].location.start.column", equalTo(12))
        .body("findings[0].location.end.column", equalTo(24))
        .body("findings[1].location.start.column", equalTo(25))
        .body("findings[0].fix[0].op", equalTo("remove"))
        .body("summary.total", equalTo(2))
        .body("summary.critical", equalTo(2));
  }

  @Test
  void evaluate_rawComposeBody_withQueryParameters() {
    String compose = "services:\n  web:\n    image: nginx\n    network_mode: host\n    user: root\n";
    given()
        .contentType("application/yaml")
        .queryParam("ruleset", "restricted@1.0.0")
        .body(compose.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.rule_id", hasItems("KC-010", "KC-002"))
        .body("findings.find { it.rule_id == 'KC-010' }.location.path", equalTo("/services/web/network_mode"))
        .body("findings.find { it.rule_id == 'KC-010' }.location.start.line", equalTo(4));
  }

  @Test
  void evaluate_excludeAndFailOn_decideAllow() {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "docker run -u 1000 --network host nginx",
            "ruleset", "baseline",
            "exclude", List.of(Map.of("rule_id", "KC-010", "container", "nginx", "reason", "needs host ports"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(true))
        .body("findings", hasSize(0))
        .body("suppressed[0].finding.rule_id", equalTo("KC-010"))
        .body("suppressed[0].reason", equalTo("needs host ports"))
        .body("suppressed[0].source", equalTo("exclude"));
  }

  @Test
  void evaluate_expiredWaiver_warnsAndStillDenies() {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "docker run -u 1000 --network host nginx",
            "exclude", List.of(Map.of("rule_id", "KC-010", "expires", "2020-01-01"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(false))
        .body("warnings.code", hasItem("waiver_expired"));
  }

  @Test
  void evaluate_dockerfileCompanion_decidesTheImageUser() {
    given()
        .contentType("application/json")
        .body(Map.of("input", "docker run myapp", "files", Map.of("Dockerfile", "FROM alpine\nUSER app\n")))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.rule_id", not(hasItem("KC-003")));
  }

  @Test
  void evaluate_adHocRule_runsInTheSandbox() {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "docker run -u 1000 nginx:latest",
            "ruleset", "baseline",
            "rules", List.of(Map.of(
                "id", "ACME-1", "title", "Image uses latest", "severity", "low",
                "when", "c.image ~= '.*:latest'", "message", "@{c.name} uses :latest"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.rule_id", contains("ACME-1"))
        .body("findings[0].message", equalTo("nginx uses :latest"));
  }

  @Test
  void evaluate_twoAdHocRulesWithOneId_is422_andAShippedIdToo() {
    Map<String, Object> rule =
        Map.of("id", "ACME-1", "title", "t", "severity", "low", "when", "c.privileged", "message", "m");
    given()
        .contentType("application/json")
        .body(Map.of("input", "docker run nginx", "ruleset", "baseline", "rules", List.of(rule, rule)))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("given twice"));
    Map<String, Object> shipped = new java.util.HashMap<>(rule);
    shipped.put("id", "KC-001");
    given()
        .contentType("application/json")
        .body(Map.of("input", "docker run nginx", "ruleset", "baseline", "rules", List.of(shipped)))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("already in baseline"));
  }

  @Test
  void evaluate_hostileAdHocRule_is422WithPosition() {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "docker run nginx",
            "rules", List.of(Map.of(
                "id", "X", "title", "t", "severity", "low",
                "when", "c.user == 'x' || Runtime.getRuntime().exec('id') != null", "message", "m"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].message", containsString("Runtime"))
        .body("errors[0].path", equalTo("/rules/0/when"))
        .body("errors[0].line", equalTo(1))
        .body("errors[0].column", equalTo(18));
  }

  @Test
  void evaluate_unknownRuleSet_is404() {
    given()
        .contentType("text/plain")
        .queryParam("ruleset", "nope")
        .body("docker run nginx")
        .post("/v1/evaluate")
        .then()
        .statusCode(404)
        .body("detail", containsString("restricted"));
  }

  @Test
  void evaluate_unclosedQuote_is400WithPosition() {
    given()
        .contentType("text/plain")
        .body("docker run -e 'A=b nginx")
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("code", equalTo("input_parse_error"))
        .body("errors[0].line", equalTo(1))
        .body("errors[0].column", equalTo(15));
  }

  @Test
  void evaluate_badFailOn_is400() {
    given()
        .contentType("application/json")
        .body(Map.of("input", "docker run nginx", "fail_on", "severe"))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("detail", containsString("fail_on"));
  }
}
