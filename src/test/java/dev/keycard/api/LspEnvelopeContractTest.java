package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LSP view's envelope is what the OpenAPI contract says: exactly its snake_case fields ({@code
 * uri}, {@code diagnostics}, {@code code_actions}), for an evaluation and for an input that does
 * not parse, with the LSP objects inside keeping LSP's own camelCase names.
 */
@QuarkusTest
class LspEnvelopeContractTest {
  static final String COMPOSE =
      "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    user: ${APP_USER}\n";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> documentedSchema() {
    Map<String, Object> lsp =
        given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
            .jsonPath()
            .getMap("paths.'/v1/evaluate'.post.responses.'200'.content.'application/vnd.keycard.lsp+json'.schema");
    assertThat(lsp).as("the contract describes the LSP view").isNotNull();
    return lsp;
  }

  /** The LSP answer; a 503 (a cold service on a busy machine) is tried again, as it advises. */
  private static Map<String, Object> lsp(String body) throws InterruptedException {
    Response r =
        Readme.retrying(
            () ->
                given()
                    .contentType("application/yaml")
                    .body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/v1/evaluate?output=lsp&uri=file:///w/docker-compose.yml"));
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getMap("");
  }

  @Test
  @SuppressWarnings("unchecked")
  void envelope_hasExactlyTheDocumentedFields_forAnEvaluationAndAParseError() throws Exception {
    Map<String, Object> schema = documentedSchema();
    List<String> required = (List<String>) schema.get("required");
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    assertThat(required).containsExactly("uri", "diagnostics", "code_actions");
    assertThat(properties.keySet()).containsExactlyElementsOf(required);
    assertThat(lsp(COMPOSE).keySet()).containsExactlyElementsOf(required);
    assertThat(lsp("services:\n  web: [\n").keySet()).containsExactlyElementsOf(required);
  }

  @Test
  @SuppressWarnings("unchecked")
  void envelopeIsSnakeCase_lspObjectsKeepLspNames() throws Exception {
    Map<String, Object> answer = lsp(COMPOSE);
    assertThat(answer.get("uri")).isEqualTo("file:///w/docker-compose.yml");
    List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) answer.get("diagnostics");
    List<Map<String, Object>> actions = (List<Map<String, Object>>) answer.get("code_actions");
    assertThat(diagnostics).isNotEmpty();
    assertThat(actions).isNotEmpty();
    assertThat(diagnostics.get(0)).containsKeys("range", "severity", "code", "codeDescription", "source", "message");
    Map<String, Object> undecided =
        diagnostics.stream().filter(d -> d.get("data") instanceof Map<?, ?> m && m.containsKey("undecided"))
            .findFirst().orElseThrow();
    assertThat(undecided.get("severity")).isEqualTo(3); // Information: on_unknown=allow
    Map<String, Object> action = actions.get(0);
    assertThat(action).containsKeys("title", "kind", "diagnostics", "isPreferred", "edit");
    Map<String, Object> changes = (Map<String, Object>) ((Map<String, Object>) action.get("edit")).get("changes");
    List<Map<String, Object>> edits = (List<Map<String, Object>>) changes.get("file:///w/docker-compose.yml");
    assertThat(edits.get(0)).containsKeys("range", "newText");
  }
}
