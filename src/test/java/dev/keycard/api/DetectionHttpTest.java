package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, "Detection", over HTTP: a document is compose only if it looks like compose. A GitHub
 * Actions workflow (whose jobs have {@code services:} of their own), a {@code kubectl run} line or
 * prose is a 400 (a Kubernetes manifest too when {@code format=compose} is asked for; without a
 * format it is read as Kubernetes, issue 20) that names what it looks like and where, also with
 * {@code format=compose} given, and as a Markdown message with {@code output=markdown}; leading
 * {@code NAME=value} assignments before {@code docker run} are read as sh does. With {@code
 * output=markdown} every error is Markdown, with its own status.
 */
@QuarkusTest
class DetectionHttpTest {
  /** A real workflow shape: a job with a service container (docs.github.com, "About service containers"). */
  static final String WORKFLOW =
      """
      name: CI
      on:
        push:
          branches: [main]
      jobs:
        test:
          runs-on: ubuntu-latest
          services:
            postgres:
              image: postgres:16
              env:
                POSTGRES_PASSWORD: postgres
              ports:
                - 5432:5432
              options: >-
                --health-cmd pg_isready
          steps:
            - uses: actions/checkout@v4
            - run: go test ./...
      """;

  /** kubernetes.io, "Deployments": the nginx-deployment example. */
  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        labels:
          app: nginx
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
              ports:
              - containerPort: 80
      """;

  @TestHTTPResource("/v1/evaluate")
  URI evaluate;

  static Stream<Arguments> notCompose() {
    return Stream.of(
        Arguments.of("workflow", "application/yaml", WORKFLOW, "a GitHub Actions workflow", 1),
        Arguments.of(
            "kubectl run", "text/plain", "kubectl run nginx --image=nginx\n", "a kubectl command", 1),
        Arguments.of(
            "prose",
            "text/plain",
            "\nHow do I make my containers more secure? Any tips welcome.\n",
            "prose",
            2));
  }

  /** Kubernetes manifests: evaluated as such (issue 20), and refused by format=compose. */
  static Stream<Arguments> manifests() {
    return Stream.of(
        Arguments.of(
            "deployment",
            "application/yaml",
            DEPLOYMENT,
            "a Kubernetes manifest (kind: Deployment)",
            1),
        Arguments.of(
            "deployment and service in one stream",
            "application/yaml",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n---\n"
                + DEPLOYMENT,
            "a Kubernetes manifest (kind: Service)",
            1),
        Arguments.of(
            "pod as JSON",
            "application/json",
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"x\"},"
                + " \"spec\": {\"containers\": [{\"name\": \"x\", \"image\": \"nginx\"}]}}",
            "a Kubernetes manifest (kind: Pod)",
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void aManifest_isEvaluatedAsKubernetes(String name, String type, String body, String what, int line) {
    post(type, body, "")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("kubernetes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void aManifest_withFormatCompose_is400SayingToSendItAsKubernetes(
      String name, String type, String body, String what, int line) {
    post(type, body, "?format=compose")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("input_parse_error"))
        .body("errors[0].message", containsString("looks like " + what))
        .body("errors[0].message", containsString("format=kubernetes"))
        .body("errors[0].line", equalTo(line))
        .body("errors[0].column", equalTo(1));
    String md =
        post(type, body, "?format=compose&output=markdown")
            .then()
            .statusCode(400)
            .contentType(startsWith("text/markdown"))
            .extract()
            .asString();
    assertThat(md).startsWith("🤷 **Nothing to check**: this looks like " + what);
  }

  private static Response post(String type, String body, String query) {
    return given()
        .contentType(type)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate" + query);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notCompose")
  void notCompose_is400NamingWhatItLooksLike_withAPosition(
      String name, String type, String body, String what, int line) {
    for (String query : new String[] {"", "?format=compose"}) {
      post(type, body, query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("input_parse_error"))
          .body("detail", containsString("looks like " + what))
          .body("detail", not(containsString("no services")))
          .body("errors[0].message", containsString("looks like " + what))
          .body("errors[0].line", equalTo(line))
          .body("errors[0].column", equalTo(1))
          .body("errors[0].end_line", equalTo(line))
          .body("findings", equalTo(null));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notCompose")
  void notCompose_withOutputMarkdown_isAMarkdownReply_notJson(
      String name, String type, String body, String what, int line) {
    for (String query : new String[] {"?output=markdown", "?format=compose&output=markdown"}) {
      String md =
          post(type, body, query)
              .then()
              .statusCode(400)
              .contentType(startsWith("text/markdown"))
              .extract()
              .asString();
      assertThat(md)
          .as(query)
          .startsWith("🤷 **Nothing to check**: this looks like " + what)
          .contains("(line " + line + ", column 1 of the input)")
          .doesNotContain("\"code\"")
          .doesNotContain("no services");
    }
  }

  @Test
  void acceptMarkdown_isAMarkdownReplyToo() {
    given()
        .contentType("application/yaml")
        .accept("text/markdown")
        .body(WORKFLOW.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .contentType(startsWith("text/markdown"))
        .body(startsWith("🤷 **Nothing to check**: this looks like a GitHub Actions workflow"));
  }

  @Test
  void leadingAssignments_areReadAsShDoes() {
    for (String command :
        new String[] {
          "DOCKER_HOST=tcp://10.0.0.5:2375 docker run --privileged nginx",
          "FOO='a b' BAR=\"c d\" DOCKER_HOST=ssh://me@host docker run --privileged nginx",
          "sudo DOCKER_HOST=unix:///run/docker.sock docker run --privileged nginx"
        }) {
      post("text/plain", command, "")
          .then()
          .statusCode(200)
          .body("input.format", equalTo("docker-run"))
          .body("input.containers", equalTo(java.util.List.of("nginx")))
          .body("findings.rule_id", hasItem("KC-001"));
    }
  }

  @Test
  void markdown_anUnknownRuleSet_is404InMarkdown() {
    String md =
        post("text/plain", "docker run nginx", "?ruleset=nope&output=markdown")
            .then()
            .statusCode(404)
            .contentType(startsWith("text/markdown"))
            .extract()
            .asString();
    assertThat(md).startsWith("❌ **Not found** (404, `not_found`): no rule set 'nope'");
  }

  @Test
  void markdown_aMalformedRuleSet_is400InMarkdown() {
    String md =
        post("text/plain", "docker run nginx", "?ruleset=Bad*Name&output=markdown")
            .then()
            .statusCode(400)
            .contentType(startsWith("text/markdown"))
            .extract()
            .asString();
    // caller text is escaped: the * opens no emphasis
    assertThat(md).startsWith("❌ **Bad request** (400, `bad_request`): malformed rule set 'Bad\\*Name'");
  }

  @Test
  void markdown_anUnknownQueryParameter_is400InMarkdown() {
    String md =
        post("text/plain", "docker run nginx", "?output=markdown&rulset=baseline")
            .then()
            .statusCode(400)
            .contentType(startsWith("text/markdown"))
            .extract()
            .asString();
    assertThat(md)
        .startsWith("❌ **Bad request** (400, `bad_request`): Unknown query parameter 'rulset'")
        .contains("did you mean 'ruleset'");
  }

  @Test
  void markdown_anInvalidYaml_listsEachErrorWithItsPlace() {
    String md =
        post("application/yaml", "services:\n  web:\n    image: [x\n", "?output=markdown")
            .then()
            .statusCode(400)
            .contentType(startsWith("text/markdown"))
            .extract()
            .asString();
    assertThat(md).startsWith("❌ **Input could not be parsed** (400, `input_parse_error`)");
    assertThat(md).containsPattern("(?m)^- line \\d+, column \\d+: invalid YAML");
  }

  @Test
  void markdown_aBodyOverTheLimit_is413InMarkdown() throws Exception {
    try (RawHttp c = RawHttp.connect(evaluate)) {
      c.head(
          "POST",
          "/v1/evaluate?output=markdown",
          "Content-Type: text/plain",
          "Content-Length: 2000000",
          "Expect: 100-continue");
      RawHttp.Reply r = c.read();
      assertThat(r.status()).as(r.head()).isEqualTo(413);
      assertThat(r.head().toLowerCase(java.util.Locale.ROOT)).contains("content-type: text/markdown");
      assertThat(r.body()).startsWith("❌ **").contains("`body_too_large`");
    }
  }

  @Test
  void markdown_aChunkedBodyOverTheLimit_is413InMarkdown() throws Exception {
    try (RawHttp c = RawHttp.connect(evaluate)) {
      c.head(
          "POST",
          "/v1/evaluate?output=markdown",
          "Content-Type: text/plain",
          "Transfer-Encoding: chunked");
      String piece = "# " + "x".repeat(8 * 1024 - 3) + "\n";
      try {
        for (int i = 0; i < 200; i++) { // 1.6 MB, over the 1 MiB limit
          c.chunk(piece);
        }
        c.send("0\r\n\r\n");
      } catch (java.io.IOException e) {
        // the server answered and closed before the whole body was sent
      }
      RawHttp.Reply r = c.read();
      assertThat(r.status()).as(r.head()).isEqualTo(413);
      assertThat(r.head().toLowerCase(java.util.Locale.ROOT)).contains("content-type: text/markdown");
      assertThat(r.body()).contains("`body_too_large`");
    }
  }

  @Test
  void openApi_documentsMarkdownErrorsOfEvaluate() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/v1/evaluate'.post.responses.'400'.content", org.hamcrest.Matchers.hasKey("text/markdown"))
        .body("paths.'/v1/evaluate'.post.responses.'413'.content", org.hamcrest.Matchers.hasKey("text/markdown"))
        .body("paths.'/v1/fix'.post.responses.'400'.content", not(org.hamcrest.Matchers.hasKey("text/markdown")));
  }

  @Test
  void json_errorsStayProblemJson() {
    post("text/plain", "docker run nginx", "?ruleset=nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("not_found"))
        .body("detail", notNullValue());
  }
}
