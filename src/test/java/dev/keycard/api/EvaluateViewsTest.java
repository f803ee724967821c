package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ?output=} and {@code Accept} select the SARIF, JUnit, Markdown and LSP views. */
@QuarkusTest
class EvaluateViewsTest {
  static final String COMPOSE = "services:\n  web:\n    image: nginx\n    privileged: true\n";

  @ParameterizedTest(name = "output={0} answers {1}")
  @CsvSource({
    "sarif, application/sarif+json",
    "junit, application/xml",
    "markdown, text/markdown",
    "lsp, application/json",
    "json, application/json",
  })
  void outputParameter_selectsTheView(String output, String contentType) {
    given()
        .contentType("application/yaml")
        .queryParam("output", output)
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .contentType(startsWith(contentType));
  }

  @ParameterizedTest(name = "Accept {0} answers {1}")
  @CsvSource({
    "application/sarif+json, application/sarif+json",
    "application/junit+xml, application/xml",
    "application/xml, application/xml",
    "text/markdown, text/markdown",
    "*/*, application/json",
  })
  void acceptHeader_selectsTheView(String accept, String contentType) {
    given()
        .contentType("application/yaml")
        .accept(accept)
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .contentType(startsWith(contentType));
  }

  @Test
  void sarif_usesFilenameFromTheQuery_andListsTheRuleSet() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "sarif")
        .queryParam("filename", "deploy/docker-compose.yml")
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("version", equalTo("2.1.0"))
        .body("runs[0].tool.driver.name", equalTo("keycard"))
        .body("runs[0].tool.driver.rules.id", hasItem("KC-001"))
        .body(
            "runs[0].tool.driver.rules[0].helpUri",
            equalTo("https://github.com/keycard-dev/keycard/blob/main/docs/rules/KC-001.md"))
        .body(
            "runs[0].results.find { it.ruleId == 'KC-001' }.locations[0].physicalLocation"
                + ".artifactLocation.uri",
            equalTo("deploy/docker-compose.yml"))
        .body("runs[0].results.find { it.ruleId == 'KC-001' }.fixes", notNullValue());
  }

  @Test
  void lsp_usesTheUriFromTheJsonBody() {
    given()
        .contentType("application/json")
        .queryParam("output", "lsp")
        .body(Map.of("input", COMPOSE, "uri", "file:///work/docker-compose.yml"))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("diagnostics.find { it.code == 'KC-001' }.range.start.line", equalTo(3))
        .body("diagnostics.find { it.code == 'KC-001' }.range.start.character", equalTo(4))
        .body("code_actions[0].kind", equalTo("quickfix"))
        .body(
            "code_actions[0].edit.changes",
            org.hamcrest.Matchers.hasKey("file:///work/docker-compose.yml"));
  }

  @Test
  void markdown_startsWithTheVerdict_andCarriesTheFixedSnippet() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "markdown")
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body(startsWith("❌ **Denied**"))
        .body(containsString("```yaml\nservices:"));
  }

  /** The Markdown answer to a pasted message, from its "Fixed (n fixes applied)" line on. */
  private static String fixedBlock(String contentType, String message) {
    String answer =
        given()
            .contentType(contentType)
            .queryParam("output", "markdown")
            .body(message.getBytes(StandardCharsets.UTF_8))
            .post("/v1/evaluate")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String fixed = answer.substring(answer.indexOf("Fixed ("));
    int open = fixed.indexOf("```");
    // up to the end of the fenced snippet: what follows is the review list, not the snippet
    return fixed.substring(0, fixed.indexOf("\n```\n", open + 3) + 5);
  }

  @Test
  void markdown_ofAChatMessage_carriesTheFixedSnippet_notTheMessage() {
    String message =
        "Can someone check this?\n\n```yaml\nservices:\n  web:\n    image: nginx\n"
            + "    privileged: true\n```\n\nThanks!\n";
    String fixed = fixedBlock("text/markdown", message);
    assertThat(fixed)
        .contains("\n```yaml\nservices:\n  web:\n    image: nginx\n")
        .doesNotContain("Can someone", "Thanks!", "````");
  }

  @Test
  void markdown_fixedSnippetHasTheSafeFixes_andListsTheOthersUnderReviewBeforeApplying() {
    String message = "```yaml\nservices:\n  web:\n    image: nginx\n    privileged: true\n```\n";
    String answer =
        given()
            .contentType("text/markdown")
            .queryParam("output", "markdown")
            .body(message.getBytes(StandardCharsets.UTF_8))
            .post("/v1/evaluate")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String snippet = fixedBlock("text/markdown", message);
    assertThat(snippet)
        .contains("safe fixes applied", "privileged: true", "mem_limit: 512m")
        .doesNotContain("read_only");
    String review = answer.substring(answer.indexOf("**Review before applying**"));
    assertThat(review)
        .contains("- `KC-001` on web (line 5): The container loses every capability")
        .contains("`KC-032` on web", "apply=all");
  }

  @Test
  void dockerRunInProse_fixedCommandIsTheCommand_withoutTheProseAroundIt() {
    String message = "hey, is this ok?\n\n    docker run -d --privileged nginx\n\nthanks a lot\n";
    String fixed = fixedBlock("text/plain", message);
    assertThat(fixed).contains("```sh\ndocker run -d ").doesNotContain("hey", "thanks");
    given()
        .contentType("text/plain")
        .body(message.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.find { it.rule_id == 'KC-001' }.remediation.command",
            equalTo("docker run -d nginx"));
  }

  @Test
  void inFileComment_waivesLikeAnExclude() {
    String compose =
        "services:\n"
            + "  web:\n"
            + "    image: nginx\n"
            + "    privileged: true # keycard:ignore KC-001 lab box\n";
    given()
        .contentType("application/yaml")
        .queryParam("ruleset", "baseline")
        .body(compose.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(true))
        .body("suppressed[0].finding.rule_id", equalTo("KC-001"))
        .body("suppressed[0].reason", equalTo("lab box"))
        .body("suppressed[0].source", equalTo("comment"));
  }

  @Test
  void outputParameter_winsOverAnAcceptOfJson() {
    given()
        .contentType("application/yaml")
        .accept("application/json")
        .queryParam("output", "sarif")
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/sarif+json"))
        .body("version", equalTo("2.1.0"));
  }

  @Test
  void unknownOutput_is400() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "pdf")
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("unknown output 'pdf'"));
  }
}
