package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing unknown passes silently: a rule that reads a value only the client knows is listed in
 * {@code undecided} and shown in every view; with {@code on_unknown=deny} it denies. A rule that
 * reads only known parts of an element is still decided.
 */
@QuarkusTest
class UndecidedHttpTest {
  static final String PRIV = "services:\n  app:\n    image: nginx\n    privileged: ${PRIV}\n";

  private static Response evaluate(String yaml, String query) {
    return given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate" + query);
  }

  @Test
  void unresolvedPrivileged_isUndecided_notAPass() {
    evaluate(PRIV, "?ruleset=baseline")
        .then()
        .statusCode(200)
        .body("allow", equalTo(true))
        .body("findings.rule_id", not(hasItem("KC-001")))
        .body("undecided.rule_id", hasItem("KC-001"))
        .body("undecided.find { it.rule_id == 'KC-001' }.container", equalTo("app"))
        .body("undecided.find { it.rule_id == 'KC-001' }.reason", containsString("privileged"))
        .body("undecided.find { it.rule_id == 'KC-001' }.location.start.line", equalTo(4));
  }

  @Test
  void fixAnswer_listsTheUndecidedRulesToo() {
    given().contentType("text/plain")
        .body(PRIV)
        .post("/v1/fix?ruleset=baseline")
        .then()
        .statusCode(200)
        .body("undecided.rule_id", hasItem("KC-001"))
        .body("undecided.find { it.rule_id == 'KC-001' }.location.start.line", equalTo(4));
  }

  @Test
  void onUnknownDeny_deniesAnUndecidedRule_asQueryParameterOrBodyField() {
    evaluate(PRIV, "?ruleset=baseline&on_unknown=deny").then().statusCode(200).body("allow", equalTo(false));
    given().contentType("application/json")
        .body(Map.of("input", PRIV, "ruleset", "baseline", "on_unknown", "deny"))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(false));
    evaluate(PRIV, "?on_unknown=maybe").then().statusCode(400).body("detail", containsString("on_unknown"));
  }

  @Test
  void propagationStaysDecided_whenOnlyTheMountSourceIsUnknown() {
    String yaml = "services:\n  app:\n    image: nginx\n    volumes:\n      - $ENVVAR/data:/data:rshared\n";
    evaluate(yaml, "?ruleset=baseline")
        .then()
        .statusCode(200)
        .body("findings.rule_id", hasItem("KC-035"))
        .body("undecided.rule_id", hasItem("KC-031"))
        .body("undecided.rule_id", not(hasItem("KC-035")));
  }

  @Test
  void aDecidedInput_hasAnEmptyUndecidedList() {
    evaluate("services:\n  app:\n    image: nginx\n", "?ruleset=baseline")
        .then().statusCode(200).body("undecided", empty());
  }

  @Test
  void everyView_showsTheUndecidedRule() {
    Map<String, Object> sarif = evaluate(PRIV, "?ruleset=baseline&output=sarif").then().statusCode(200)
        .extract().jsonPath().getMap("runs[0]");
    Response s = evaluate(PRIV, "?ruleset=baseline&output=sarif");
    assertThat(s.jsonPath().getList("runs[0].results.findAll { it.ruleId == 'KC-001' }.level"))
        .containsExactly("note");
    assertThat(sarif).isNotNull();
    Response denied = evaluate(PRIV, "?ruleset=baseline&output=sarif&on_unknown=deny");
    assertThat(denied.jsonPath().getList("runs[0].results.findAll { it.ruleId == 'KC-001' }.level"))
        .containsExactly("error");

    XmlPath junit = new XmlPath(evaluate(PRIV, "?ruleset=baseline&output=junit").asString());
    assertThat(junit.getString("**.find { it.@name.toString().startsWith('KC-001') }.skipped.@message"))
        .contains("could not check");
    XmlPath junitDeny =
        new XmlPath(evaluate(PRIV, "?ruleset=baseline&output=junit&on_unknown=deny").asString());
    assertThat(junitDeny.getString("**.find { it.@name.toString().startsWith('KC-001') }.error.@message"))
        .contains("could not check");
    assertThat(junitDeny.getInt("testsuites.@errors")).isPositive();

    Response lsp = evaluate(PRIV, "?ruleset=baseline&output=lsp");
    assertThat(lsp.jsonPath().getList("diagnostics.findAll { it.code == 'KC-001' }.severity"))
        .containsExactly(3);

    String md = evaluate(PRIV, "?ruleset=baseline&output=markdown").asString();
    assertThat(md).startsWith("⚠️ **Allowed, not fully checked**").contains("could not check").contains("`KC-001`");
  }

  /**
   * A for_each rule that cannot evaluate one element goes on with the others: before, the error on
   * {@code JAVA_MEMORY=lots} ended the list, so {@code -e CACHE_MEMORY} (its value only the client
   * knows) was neither a finding nor undecided, and {@code HEAP_MEMORY=4g} was never looked at.
   */
  @Test
  void callerRule_elementThatFails_doesNotHideTheUnknownOrTheFindingAfterIt() {
    Map<String, Object> rule =
        Map.of(
            "id", "ORG-MEM",
            "title", "Memory setting above 1g",
            "severity", "high",
            "for_each", "environment",
            "when", "item.name.endsWith('_MEMORY') && bytes(item.value) > bytes('1g')",
            "message", "@{item.name} is above 1g");
    Response r =
        given().contentType("application/json")
            .body(
                Map.of(
                    "input",
                    "docker run -e JAVA_MEMORY=lots -e CACHE_MEMORY -e HEAP_MEMORY=4g nginx",
                    "rules",
                    List.of(rule)))
            .post("/v1/evaluate");
    r.then().statusCode(200);
    assertThat(r.jsonPath().getList("undecided.findAll { it.rule_id == 'ORG-MEM' }.reason", String.class))
        .singleElement()
        .asString()
        .contains("environment.CACHE_MEMORY");
    assertThat(r.jsonPath().getList("findings.findAll { it.rule_id == 'ORG-MEM' }.message", String.class))
        .containsExactly("HEAP_MEMORY is above 1g");
    assertThat(r.jsonPath().getList("warnings.message", String.class))
        .anySatisfy(m -> assertThat(m).contains("ORG-MEM").contains("not a size: lots"));
  }
}
