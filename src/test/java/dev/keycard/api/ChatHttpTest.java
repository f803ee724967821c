package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 17 over HTTP: chat messages, placeholders and what is not a container spec. */
@QuarkusTest
class ChatHttpTest {
  static String fixture(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/chat", name), StandardCharsets.UTF_8);
  }

  @Test
  void workflow_is400NamingWhatItIs_notACompose() {
    given()
        .contentType("application/yaml")
        .body(
            "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                .getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("input_parse_error"))
        .body("detail", containsString("a GitHub Actions workflow"))
        .body("detail", not(containsString("compose input")))
        .body("errors[0].line", equalTo(1));
  }

  @Test
  void placeholderSnippet_isDeniedForTheSocket_notAllowed() {
    given()
        .contentType("text/plain")
        .body(
            "docker run -d -v <data-dir>:/data -v /var/run/docker.sock:/var/run/docker.sock"
                + " portainer/portainer-ce")
        .post("/v1/evaluate?ruleset=baseline")
        .then()
        .statusCode(200)
        .body("allow", equalTo(false))
        .body("findings.rule_id", hasItem("KC-030"))
        .body("undecided.rule_id", hasItem("KC-030"))
        .body("warnings.code", hasItem("input_placeholder"));
  }

  @Test
  void chatMessage_markdown_judgesTheSnippetAndShowsItFixed() throws Exception {
    String md =
        given()
            .contentType("text/markdown")
            .body(fixture("portainer-install.md"))
            .post("/v1/evaluate?output=markdown&ruleset=restricted")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    // the snippet with the safe fixes applied; removing the socket needs a review, so it stays
    // in the snippet and is listed under "Review before applying" with what it breaks
    org.assertj.core.api.Assertions.assertThat(md)
        .startsWith("❌ **Denied**")
        .contains("`KC-030`")
        .contains("could not check")
        .contains("```sh\ndocker run -d -p 8000:8000")
        .contains("no-new-privileges")
        .contains("**Review before applying**")
        .contains("portainer manages this Docker host through its socket")
        .doesNotContain("Is that safe");
  }

  @Test
  void mixedMessage_fix_fixesEverySnippetInPlace() throws Exception {
    String message = fixture("jenkins-mixed.md");
    String fixed =
        given()
            .contentType("text/markdown")
            .body(message)
            .post("/v1/fix?ruleset=baseline&apply=all")
            .then()
            .statusCode(200)
            .extract()
            .path("fixed");
    org.assertj.core.api.Assertions.assertThat(fixed)
        .startsWith("We run Jenkins with `docker run -d -p 8080:8080 -v jenkins_home:/var/jenkins_home jenkins/jenkins:lts-jdk17`")
        .contains("Anything obviously wrong?")
        .doesNotContain("privileged: true")
        .doesNotContain("docker.sock");
  }

  @Test
  void mixedMessage_fix_byDefaultLeavesWhatNeedsAReviewAndSaysSo() throws Exception {
    String message = fixture("jenkins-mixed.md");
    given()
        .contentType("text/markdown")
        .body(message)
        .post("/v1/fix?ruleset=baseline")
        .then()
        .statusCode(200)
        .body("fixed", org.hamcrest.Matchers.containsString("docker.sock"))
        .body("fixed", org.hamcrest.Matchers.containsString("privileged: true"))
        .body("not_applied.rule_id", org.hamcrest.Matchers.hasItems("KC-030", "KC-001"))
        .body("not_applied.remediation.impact", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("review")));
  }
}
