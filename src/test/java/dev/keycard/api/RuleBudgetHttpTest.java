package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.keycard.pipeline.PolicyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's attacks at sizes that prove the point within seconds: each is answered within the
 * deadline plus a margin with a clear status, no rule thread is still computing a second later,
 * and the service keeps answering others meanwhile.
 */
@QuarkusTest
class RuleBudgetHttpTest {
  @Inject PolicyService policies;

  static String dockerRunWithEnv(int n) {
    StringBuilder b = new StringBuilder("docker run");
    for (int i = 0; i < n; i++) {
      b.append(" -e V").append(i).append("=x");
    }
    return b.append(" nginx").toString();
  }

  static Map<String, Object> rule(String forEach, String when, String message) {
    Map<String, Object> r = new java.util.LinkedHashMap<>();
    r.put("id", "X-1");
    r.put("title", "t");
    r.put("severity", "low");
    if (forEach != null) {
      r.put("for_each", forEach);
    }
    r.put("when", when);
    r.put("message", message);
    return r;
  }

  private void noRuleThreadComputing() throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (policies.evaluator().active() > 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(policies.evaluator().active()).as("rule threads still computing").isZero();
  }

  @Test
  void attack1_projectionsInsideForEach_areRefusedByTheStaticBound_beforeAnyRuleRuns()
      throws Exception {
    String when =
        "($ in c.environment if $.name == item.name).size() + ($ in c.environment).size()"
            + " + ($.value in c.environment).size() + ($.name in c.environment).size() < 0";
    long start = System.nanoTime();
    given().contentType("application/json")
        .body(Map.of("input", dockerRunWithEnv(3_000), "rules",
            List.of(rule("environment", when, "m"))))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("code", equalTo("limit_exceeded"))
        .body("limit", equalTo("max-rule-cost"))
        .body("detail", containsString("X-1"));
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
    noRuleThreadComputing();
  }

  @Test
  void attack4_aMultipliedMessageTemplate_isBoundedToo() {
    String message = "@{($.name in c.environment)}".repeat(16);
    given().contentType("application/json")
        .body(Map.of("input", dockerRunWithEnv(2_000), "rules",
            List.of(rule("environment", "true", message))))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("limit", equalTo("max-rule-cost"));
    // below the bound, each message is cut at max-message-length
    Response r =
        given().contentType("application/json")
            .body(Map.of("input", dockerRunWithEnv(300), "rules",
                List.of(rule("environment", "item.name == 'V1'", "@{($.name in c.environment)}".repeat(4)))))
            .post("/v1/evaluate");
    assertThat(r.statusCode()).isEqualTo(200);
    String m = r.jsonPath().getString("findings.find { it.rule_id == 'X-1' }.message");
    assertThat(m).hasSizeLessThanOrEqualTo(1_000).endsWith("…");
  }

  @Test
  void attack3_anAliasBombInRules_is413_andTheServiceLives() {
    StringBuilder y = new StringBuilder("- id: X-1\n  title: t\n  severity: low\n  when: 'true'\n");
    y.append("  message: m\n  references: &l0 [").append("x, ".repeat(1_999)).append("x]\n");
    for (int i = 1; i <= 5; i++) {
      y.append("  r").append(i).append(": &l").append(i).append(" [")
          .append(("*l" + (i - 1) + ", ").repeat(3)).append("*l").append(i - 1).append("]\n");
    }
    given().contentType("application/json")
        .body(Map.of("input", "docker run nginx", "rules", y.toString()))
        .post("/v1/evaluate")
        .then()
        .statusCode(413)
        .body("code", equalTo("input_too_large"))
        .body("limit", equalTo("max-yaml-nodes"));
    given().contentType("application/yaml").body(y.toString().getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check")
        .then()
        .statusCode(413)
        .body("limit", equalTo("max-yaml-nodes"));
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void attack2_ruleChecksWithAliasedBigExamples_runOnThePoolAndOthersAreServed() throws Exception {
    String big = dockerRunWithEnv(4_000);
    String when = "($ in c.environment if $.name == item.name).size() >= 0";
    String yaml =
        "id: X-1\ntitle: t\nseverity: low\nmessage: m\nfor_each: environment\nwhen: '" + when + "'\n"
            + "examples:\n  fail:\n    - &big \"" + big + "\"\n" + "    - *big\n".repeat(9)
            + "  pass: [docker run nginx]\n";
    List<CompletableFuture<Response>> checks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      checks.add(
          CompletableFuture.supplyAsync(
              () ->
                  given().contentType("application/yaml")
                      .body(yaml.getBytes(StandardCharsets.UTF_8))
                      .post("/v1/rulesets/check")));
    }
    // others are served while the checks run or wait
    given().get("/q/health/ready").then().statusCode(200);
    given().contentType("text/plain").body("docker run --privileged nginx").post("/v1/evaluate")
        .then().statusCode(200);
    for (CompletableFuture<Response> f : checks) {
      Response r = f.get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.asString()).isIn(200, 422, 503);
    }
    noRuleThreadComputing();
  }

  @Test
  void attack5_fixProofsShareTheRequestDeadline() throws Exception {
    long start = System.nanoTime();
    Response r =
        given().contentType("application/json")
            .body(Map.of("input", dockerRunWithEnv(1_500), "ruleset", "baseline", "rules",
                List.of(Map.of("id", "X-1", "title", "t", "severity", "low", "for_each", "environment",
                    "when", "item.name != ''", "message", "m",
                    "fix", List.of(Map.of("remove_item", "environment"))))))
            .post("/v1/fix");
    assertThat(r.statusCode()).as(r.asString()).isIn(200, 503);
    // the deadline is 2 s; a margin for the answer itself
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(8));
    noRuleThreadComputing();
  }

  @Test
  void duplicateKeysInARule_areRefusedWhereTheyStand() {
    String yaml = "id: X-1\ntitle: t\nseverity: low\nmessage: m\nwhen: c.privileged\nwhen: 'true'\n";
    given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("errors[0].message", containsString("duplicate key 'when'"))
        .body("errors[0].line", equalTo(6));
  }

  @Test
  void tooManyCallerRules_is422NamingTheLimit() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      Map<String, Object> r = rule(null, "c.privileged", "m");
      r.put("id", "X-" + i);
      rules.add(r);
    }
    given().contentType("application/json")
        .body(Map.of("input", "docker run nginx", "rules", rules))
        .post("/v1/evaluate")
        .then()
        .statusCode(422)
        .body("limit", equalTo("max-adhoc-rules"))
        .body("max", equalTo(20));
  }

  /**
   * 50,000 empty rules (150 KB): each was read and refused, and the 422 looked every problem's rule
   * up in a fresh copy of the list (quadratic): a request thread for minutes, outside any budget.
   * The count is refused before a rule is read, as JSON objects or YAML text, in a request or a
   * check.
   */
  @Test
  void fiftyThousandEmptyRules_areCountedBeforeAnyIsRead() {
    String many = "[" + String.join(",", java.util.Collections.nCopies(50_000, "{}")) + "]";
    String yaml = String.join("", java.util.Collections.nCopies(50_000, "- {}\n"));
    for (String body :
        List.of(
            "{\"input\": \"docker run nginx\", \"rules\": " + many + "}",
            "{\"input\": \"docker run nginx\", \"rules\": " + TextNode.valueOf(yaml) + "}")) {
      long start = System.nanoTime();
      given().contentType("application/json").body(body).post("/v1/evaluate")
          .then().statusCode(422).body("limit", equalTo("max-adhoc-rules"));
      assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
    }
    long start = System.nanoTime();
    given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).post("/v1/rulesets/check")
        .then().statusCode(422).body("limit", equalTo("max-adhoc-rules"));
    assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void evaluationWarnings_nameNoJavaClass() {
    Response r =
        given().contentType("application/json")
            .body(Map.of("input", "docker run nginx", "rules",
                List.of(rule(null, "c.healthcheck.test.size() > 0 && c.cap_add[5] == 'x'", "m"))))
            .post("/v1/evaluate");
    assertThat(r.statusCode()).isEqualTo(200);
    String warnings = r.jsonPath().getString("warnings");
    assertThat(warnings).contains("X-1").doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+");
  }
}
