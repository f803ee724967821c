package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code keycard.limits.max-answer-size} in every view: an answer over it is a 422 naming the
 * limit, never a 200 cut short; an answer within it is sent whole.
 */
@QuarkusTest
@TestProfile(AnswerSizeTest.SmallAnswers.class)
class AnswerSizeTest {
  static final int MAX = 6 * 1024;

  /** Answers of at most 6 KiB. */
  public static final class SmallAnswers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("keycard.limits.max-answer-size", String.valueOf(MAX));
    }
  }

  /** A compose of twelve services, each with a dozen findings: every view is over 6 KiB. */
  private static String manyFindings() {
    StringBuilder b = new StringBuilder("services:\n");
    for (int i = 0; i < 12; i++) {
      b.append("  s").append(i).append(":\n    image: nginx\n    privileged: true\n")
          .append("    volumes: [\"/var/run/docker.sock:/var/run/docker.sock\"]\n");
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "sarif", "junit", "markdown", "lsp"})
  void anAnswerOverTheLimit_is422NamingIt(String view) {
    Response r =
        given()
            .contentType("application/yaml")
            .queryParam("output", view)
            .body(manyFindings().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/v1/evaluate");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
    if (view.equals("markdown")) {
      // with output=markdown every error is Markdown, still naming the limit
      assertThat(r.contentType()).startsWith("text/markdown");
      assertThat(r.asString())
          .startsWith("❌ **")
          .contains("`limit_exceeded`")
          .contains("`keycard.limits.max-answer-size` is " + MAX);
      return;
    }
    assertThat(r.contentType()).startsWith(ProblemMappers.PROBLEM_JSON);
    assertThat(r.jsonPath().getString("code")).isEqualTo("limit_exceeded");
    assertThat(r.jsonPath().getString("limit")).isEqualTo("max-answer-size");
    assertThat(r.jsonPath().getLong("max")).isEqualTo(MAX);
  }

  @Test
  void theFixAnswer_overTheLimit_is422Too() {
    given()
        .contentType("application/yaml")
        .body(manyFindings().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(422)
        .body("limit", equalTo("max-answer-size"));
  }

  @Test
  void anAnswerWithinTheLimit_isSentWhole() {
    Response r =
        given()
            .contentType("text/plain")
            .queryParam("ruleset", "baseline")
            .body("docker run --privileged nginx")
            .post("/v1/evaluate");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(r.asByteArray().length).isLessThanOrEqualTo(MAX);
    assertThat(r.jsonPath().getList("findings.rule_id", String.class)).contains("KC-001");
  }
}
