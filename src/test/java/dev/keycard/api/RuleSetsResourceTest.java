package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuleSetsResourceTest {
  @Test
  void list_showsEveryRuleSetWithVersions() {
    given().get("/v1/rulesets").then().statusCode(200)
        .body("rulesets.name", hasItems("baseline", "restricted", "cis-docker"))
        .body("rulesets.find { it.name == 'restricted' }.latest", equalTo("1.2.0"))
        .body("rulesets.find { it.name == 'restricted' }.versions.version", contains("1.2.0", "1.1.0", "1.0.0"))
        .body("rulesets.find { it.name == 'restricted' }.versions[0].digest", startsWith("sha256:"));
  }

  @Test
  void get_byNameAndPartialVersion() {
    given().get("/v1/rulesets/restricted").then().statusCode(200)
        .body("version", equalTo("1.2.0"))
        .body("rules.id", hasItems("KC-001", "KC-002"));
    given().get("/v1/rulesets/restricted/1").then().statusCode(200).body("version", equalTo("1.2.0"));
    given().get("/v1/rulesets/restricted/1.1").then().statusCode(200).body("version", equalTo("1.1.0"));
    given().get("/v1/rulesets/restricted/1.0").then().statusCode(200).body("version", equalTo("1.0.0"));
    given().get("/v1/rulesets/restricted/1.0.0").then().statusCode(200).body("name", equalTo("restricted"));
  }

  @Test
  void get_unknownNameOrVersion_is404Problem() {
    given().get("/v1/rulesets/nope").then().statusCode(404).contentType("application/problem+json");
    given().get("/v1/rulesets/restricted/9").then().statusCode(404).body("code", equalTo("not_found"));
    given().get("/v1/rules/KC-999").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void rule_showsExpressionFixExamplesAndSets() {
    given().get("/v1/rules/KC-001").then().statusCode(200)
        .body("title", equalTo("Container runs privileged"))
        .body("severity", equalTo("critical"))
        .body("when", equalTo("c.privileged"))
        .body("fix[0].op", equalTo("remove"))
        .body("fix[0].field", equalTo("privileged"))
        // the newest revision (3, the Pod Security Standards reference) is the one shown
        .body("revision", equalTo(3))
        .body("rulesets", hasItem("pss-baseline@1.0.0"))
        .body("examples.fail[0]", containsString("--privileged"));
  }

  @Test
  void check_goodRule_isOkWithItsExamplesRun() {
    String rule = """
        id: ACME-1
        title: Image pinned to latest
        severity: low
        when: "c.image ~= '.*:latest'"
        message: "@{c.name} uses a :latest image"
        examples:
          fail: ["docker run nginx:latest"]
          pass: ["docker run nginx:1.27"]
        """;
    given().contentType("application/yaml").body(rule.getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check").then().statusCode(200)
        .body("ok", equalTo(true))
        .body("rules[0].id", equalTo("ACME-1"))
        .body("rules[0].examples", equalTo(2));
  }

  @Test
  void check_brokenRule_reportsLineAndColumnInTheSubmittedText() {
    String rule = "id: ACME-2\ntitle: t\nseverity: low\nmessage: m\nwhen: c.user == 'root' && c.nope(1)\n"
        + "examples:\n  fail: ['docker run -u root x']\n  pass: ['docker run x']\n";
    given().contentType("text/yaml").body(rule.getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check").then().statusCode(200)
        .body("ok", equalTo(false))
        .body("rules[0].errors[0].line", equalTo(5))
        .body("rules[0].errors[0].column", equalTo(29))
        .body("rules[0].errors[0].message", containsString("nope"));
  }

  @Test
  void check_exampleThatDoesNotFire_isReported() {
    String rule = "id: ACME-3\ntitle: t\nseverity: low\nmessage: m\nwhen: c.privileged\n"
        + "examples:\n  fail: ['docker run nginx']\n  pass: ['docker run nginx']\n";
    given().contentType("application/yaml").body(rule.getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check").then().statusCode(200)
        .body("ok", equalTo(false))
        .body("rules[0].errors[0].message", containsString("did not make the rule fire"))
        .body("rules[0].errors[0].line", equalTo(7));
  }

  @Test
  void check_notYaml_isReportedWithPosition() {
    given().contentType("application/yaml").body("id: [oops\n".getBytes(StandardCharsets.UTF_8))
        .post("/v1/rulesets/check").then().statusCode(200)
        .body("ok", equalTo(false))
        .body("errors[0].line", equalTo(2));
  }

  @Test
  void health_readyWhenEveryRuleSetCompiledAndPassedItsExamples() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }
}
