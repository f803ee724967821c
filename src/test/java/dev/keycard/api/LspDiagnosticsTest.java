package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, IDE: with output=lsp a parse error is a 200 with an Error diagnostic at its range;
 * warnings are Warning/Information diagnostics; waiver comments that waive nothing or give no
 * reason are Warning diagnostics, and warnings in every other view.
 */
@QuarkusTest
class LspDiagnosticsTest {
  private static final String UNCLOSED =
      "services:\n  app:\n    image: nginx\n    environment:\n      - 'A=1\n      - B=2\n";

  @Test
  void parseError_withOutputLsp_is200_withAnErrorDiagnosticAtItsRange() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "lsp")
        .queryParam("uri", "file:///w/docker-compose.yml")
        .body(UNCLOSED.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("uri", equalTo("file:///w/docker-compose.yml"))
        .body("diagnostics[0].severity", equalTo(1))
        .body("diagnostics[0].code", equalTo("input_parse_error"))
        .body("diagnostics[0].source", equalTo("keycard"))
        .body("diagnostics[0].message", containsString("quote opened here is never closed"))
        .body("diagnostics[0].range.start.line", equalTo(4))
        .body("diagnostics[0].range.start.character", equalTo(8))
        .body("code_actions.size()", equalTo(0));
  }

  @Test
  void parseError_inOtherViews_isStillA400Problem() {
    given()
        .contentType("application/yaml")
        .body(UNCLOSED.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].line", equalTo(5))
        .body("errors[0].column", equalTo(9));
  }

  @Test
  void unknownFlag_isAWarningDiagnostic() {
    given()
        .contentType("text/plain")
        .queryParam("output", "lsp")
        .body("docker run --privleged myapp")
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("diagnostics.find { it.code == 'input_unknown_flag' }.severity", equalTo(2))
        .body("diagnostics.find { it.code == 'input_unknown_flag' }.range.start.character",
            equalTo(11));
  }

  @Test
  void unresolvedVariable_isAnInformationDiagnostic() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "lsp")
        .body("services:\n  app:\n    image: nginx\n    privileged: ${PRIV}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("diagnostics.findAll { it.code != null && it.code.contains('unresolved') }.severity",
            hasItem(3));
  }

  @Test
  void invalidValue_isAWarningDiagnostic() {
    given()
        .contentType("text/plain")
        .queryParam("output", "lsp")
        .body("docker run --memory lots myapp")
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("diagnostics.findAll { it.code != null && it.code.contains('invalid') }.severity",
            hasItem(2));
  }

  private static final String WAIVERS =
      "services:\n"
          + "  app:\n"
          + "    image: nginx\n"
          + "    privileged: true # keycard:ignore KC-31 the old proxy\n"
          + "    network_mode: host # keycard:ignore KC-010\n";

  @Test
  void waiverComment_namingNoRule_orGivingNoReason_isAWarningDiagnostic() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "lsp")
        .body(WAIVERS.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("diagnostics.find { it.code == 'waiver_unknown_rule' }.severity", equalTo(2))
        .body("diagnostics.find { it.code == 'waiver_unknown_rule' }.message",
            containsString("KC-31, which is no rule of restricted@"))
        .body("diagnostics.find { it.code == 'waiver_unknown_rule' }.message",
            containsString("did you mean KC-031?"))
        .body("diagnostics.find { it.code == 'waiver_unknown_rule' }.range.start.line", equalTo(3))
        .body("diagnostics.find { it.code == 'waiver_unknown_rule' }.range.start.character",
            equalTo(21))
        .body("diagnostics.find { it.code == 'waiver_without_reason' }.severity", equalTo(2))
        .body("diagnostics.find { it.code == 'waiver_without_reason' }.range.start.line",
            equalTo(4));
  }

  @Test
  void waiverComment_warnings_inTheJsonView_andMarkdown() {
    given()
        .contentType("application/yaml")
        .body(WAIVERS.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("warnings.code", hasItem("waiver_unknown_rule"))
        .body("warnings.code", hasItem("waiver_without_reason"))
        .body("warnings.find { it.code == 'waiver_unknown_rule' }.location.start.line", equalTo(4));
    given()
        .contentType("text/plain")
        .queryParam("exclude", "KC-31")
        .body("docker run myapp")
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("warnings.find { it.code == 'waiver_unknown_rule' }.message",
            containsString("exclude names KC-31"))
        .body("warnings.find { it.code == 'waiver_unknown_rule' }", not(hasKey("location")));
  }
}
