package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18: what a body may be. Bytes that are not UTF-8 and C0 control characters (other than
 * tab, CR, LF) are a 400 with their offset; a raw Engine API body or docker inspect array sent as
 * application/json is evaluated as engine-api; no error names a Java class.
 */
@QuarkusTest
class RequestTextTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] out = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "lone continuation byte, 80",
    "Latin-1 e-acute, e9",
    "overlong slash, c0af",
    "encoded surrogate, eda080",
    "truncated sequence, e282",
    "invalid byte, ff",
  })
  void notUtf8_is400_withTheByteOffset(String name, String hex) {
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    byte[] body = concat(bytes("services:\n  web:\n    image: ng"), bad, bytes("inx\n"));
    for (String path : List.of("/v1/evaluate", "/v1/parse", "/v1/fix")) {
      given()
          .contentType("application/yaml")
          .body(body)
          .post(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("invalid_text"))
          .body("detail", containsString("at offset 30 is not UTF-8"))
          .body("errors[0].offset", equalTo(30))
          .body("errors[0].line", equalTo(3))
          .body("errors[0].column", equalTo(14));
    }
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0000", "0001", "0007", "0008", "000B", "000C", "001B", "001F"})
  void controlCharacter_is400_withItsOffset(String hex) {
    char c = (char) Integer.parseInt(hex, 16);
    given()
        .contentType("text/plain")
        .body(bytes("docker run \u00e9" + c + "myapp"))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid_text"))
        .body("detail", containsString("control character U+" + hex + " at offset 13"))
        .body("errors[0].offset", equalTo(13))
        .body("errors[0].column", equalTo(13));
  }

  @Test
  void controlCharacter_escapedInAJsonInput_is400_namingTheField() {
    given()
        .contentType("application/json")
        .body("{\"input\": \"docker run\\n--privileged \\u0000 myapp\"}")
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid_text"))
        .body("detail", startsWith("'input' holds the control character U+0000 at offset 24"))
        .body("errors[0].path", equalTo("/input"))
        .body("errors[0].line", equalTo(2))
        .body("errors[0].column", equalTo(14));
    given()
        .contentType("application/json")
        .body("{\"input\": \"docker run myapp\", \"files\": {\"Dockerfile\": \"FROM a\\u0001\"}}")
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("errors[0].path", equalTo("/files/Dockerfile"));
  }

  @Test
  void tabCrLf_andNoncharacters_areText() {
    given()
        .contentType("application/yaml")
        .body(bytes("services:\r\n  web:\r\n    image: nginx\t# tab\r\n"))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("compose"));
    given()
        .contentType("text/plain")
        .body(bytes("docker run --name a\uFFFE\uFFFF\t myapp"))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("containers[0].name", equalTo("a\uFFFE\uFFFF"));
  }

  @Test
  void rawEngineApiBody_asJson_isEvaluatedAsEngineApi_withPositionsInTheBody() {
    given()
        .contentType("application/json")
        .queryParam("ruleset", "baseline@1")
        .body("{\n  \"Image\": \"redis:7\",\n  \"HostConfig\": {\"Privileged\": true}\n}")
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("engine-api"))
        .body("allow", equalTo(false))
        .body("findings.rule_id", hasItem("KC-001"))
        .body("findings.find { it.rule_id == 'KC-001' }.location.path", equalTo("/HostConfig/Privileged"))
        .body("findings.find { it.rule_id == 'KC-001' }.location.start.line", equalTo(3));
  }

  @Test
  void dockerInspectArray_asJson_isEvaluatedAsEngineApi() {
    given()
        .contentType("application/json")
        .queryParam("ruleset", "baseline@1")
        .body("[{\"Id\": \"abc\", \"Name\": \"/db\", \"Config\": {\"Image\": \"postgres:16\"},"
            + " \"HostConfig\": {\"PidMode\": \"host\"}}]")
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("engine-api"))
        .body("allow", equalTo(false));
  }

  @Test
  void bareComposeDocument_asJson_isEvaluatedAsCompose() {
    given()
        .contentType("application/json")
        .queryParam("ruleset", "baseline@1")
        .body("{\"services\": {\"web\": {\"image\": \"nginx\", \"privileged\": true}}}")
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("compose"))
        .body("findings.rule_id", hasItem("KC-001"));
  }

  @Test
  void envelopeWithATypo_isStillAnUnknownField() {
    given()
        .contentType("application/json")
        .body("{\"inptu\": \"docker run myapp\"}")
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("detail", containsString("Unknown field 'inptu' (did you mean 'input'?)"))
        .body("detail", containsString("Known fields: input, format, ruleset"));
  }

  /** A Java class or package name, or an exception's name, in an answer meant for callers. */
  private static final Pattern JAVA =
      Pattern.compile(
          "java\\.|javax\\.|jakarta\\.|com\\.fasterxml|io\\.quarkus|io\\.vertx|org\\.jboss|dev\\.keycard"
              + "|[A-Z][a-z]+Exception|StreamReadConstraints|`[A-Za-z.]+`|\\bclass\\b");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"input\": \"docker run x\", \"ruleset\": {\"a\": 1}}",
        "{\"input\": \"docker run x\", \"ruleset\": [1]}",
        "{\"input\": \"docker run x\", \"files\": \"Dockerfile\"}",
        "{\"input\": \"docker run x\", \"files\": {\"Dockerfile\": 1}}",
        "{\"input\": \"docker run x\", \"variables\": [\"A=1\"]}",
        "{\"input\": \"docker run x\", \"fail_on\": 3}",
        "{\"input\": \"docker run x\", \"on_unknown\": true}",
        "{\"input\": \"docker run x\", \"exclude\": \"KC-001\"}",
        "{\"input\": \"docker run x\", \"exclude\": [{\"rule_id\": 1}]}",
        "{\"input\": \"docker run x\", \"exclude\": [{\"rule_id\": \"KC-001\", \"expires\": \"soon\"}]}",
        "{\"input\": 42}",
        "{\"input\": true}",
        "{\"input\": \"docker run x\", \"rules\": 7}",
        "{\"input\": \"docker run x\", \"format\": \"helm\"}",
        "{\"input\": \"docker run x\",}",
        "{\"input\": \"docker run x\"",
        "{\"input\": 'docker run x'}",
        "{\"input\": \"docker run x\"} trailing",
        "[1, 2, 3]",
        "\"docker run x\"",
        "42",
        "null",
        "{\"input\": {\"Image\": 7, \"HostConfig\": {\"Privileged\": \"yes\"}}}",
        "{\"Image\": [], \"HostConfig\": 3}",
        "[{\"Config\": 1}]",
        "{\"services\": 5}",
        "{\"services\": {\"web\": []}}",
        "{\"input\": \"\\ud800\"}",
        "{\"input\": \"docker run x\", \"filename\": {\"x\": 1}}",
      })
  void malformedJson_answersAProblem_thatNamesNoJavaClass(String body) {
    for (String path : List.of("/v1/evaluate", "/v1/parse", "/v1/fix", "/v1/data/keycard/baseline")) {
      Response r = given().contentType("application/json").body(bytes(body)).post(path);
      assertThat(r.statusCode()).as(path + " " + body).isLessThan(500);
      assertThat(JAVA.matcher(r.asString()).find())
          .as(path + " " + body + " -> " + r.asString())
          .isFalse();
    }
  }

  @Test
  void deeplyNestedJson_isRefused_withoutNamingJackson() {
    String body = "{\"input\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
    Response r = given().contentType("application/json").body(body).post("/v1/evaluate");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JAVA.matcher(r.asString()).find()).as(r.asString()).isFalse();
  }
}
