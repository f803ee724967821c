package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, item 6: no caller can add a series to {@code /q/metrics}. Thousands of made-up methods,
 * paths, rule-set names, formats and caller rule ids leave the scrape with the same series it had
 * after one of each; health and metrics answer their own methods only.
 */
@QuarkusTest
class MetricsBoundsTest {
  private static final String DOCKER_RUN = "docker run --privileged nginx";

  @TestHTTPResource("/")
  URI base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private int send(String method, String path, String type, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (type != null) {
      b.header("Content-Type", type);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The caller-shaped requests of round {@code i}: each names something new. */
  private void hostileRound(int i) throws Exception {
    send("M" + i + "X", "/v1/evaluate", "text/plain", DOCKER_RUN); // 405
    send("GET", "/v1/nothing-" + i, null, null); // 404
    send("M" + i + "Y", "/v1/unknown-" + i, null, null); // 404 or 405
    send("POST", "/v1/evaluate?ruleset=made-up-" + i, "text/plain", DOCKER_RUN); // 404
    send("POST", "/v1/evaluate?format=fmt-" + i, "text/plain", DOCKER_RUN); // 400
    send("POST", "/v1/data/keycard/set-" + i, "application/json", "{\"input\":{}}");
    send(
        "POST",
        "/v1/evaluate",
        "application/json",
        "{\"input\":\"" + DOCKER_RUN + "\",\"rules\":[{\"id\":\"CALLER-" + i + "\",\"title\":\"t\","
            + "\"severity\":\"low\",\"message\":\"m\",\"when\":\"c.privileged\"}]}");
    send("Q" + i, "/q/health", null, null); // 405
  }

  /** Each series of the scrape (name and labels), without its value. */
  private static Set<String> series(String scrape) {
    return scrape
        .lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.substring(0, l.lastIndexOf(' ')))
        // a JVM's own meters come and go with threads and buffers, whatever callers send
        .filter(l -> l.startsWith("http_") || l.startsWith("keycard_"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void thousandsOfMadeUpMethodsPathsRuleSetsAndFormats_addNoSeries() throws Exception {
    send("POST", "/v1/evaluate", "text/plain", DOCKER_RUN);
    hostileRound(0);
    String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(before)
        .as("a caller rule's findings are counted, under one name")
        .containsPattern("keycard_findings_total\\{[^}]*rule=\"adhoc\"[^}]*\\} [1-9]")
        .containsPattern("http_server_requests_seconds_count\\{method=\"OTHER\"");

    for (int i = 1; i <= 300; i++) {
      hostileRound(i);
    }
    String after = given().get("/q/metrics").then().statusCode(200).extract().asString();

    Set<String> added = new TreeSet<>(series(after));
    added.removeAll(series(before));
    assertThat(added).as("series added by 2,400 caller-shaped requests").isEmpty();
    assertThat(after).doesNotContain("M17X").doesNotContain("nothing-17").doesNotContain("made-up");
    assertThat(after).doesNotContain("CALLER-17").doesNotContain("fmt-17");
    assertThat(after.length()).as("scrape size").isLessThan(before.length() * 11 / 10 + 2_000);
  }

  @Test
  void theLatencyHistogram_coversV1Endpoints_only() throws Exception {
    send("POST", "/v1/evaluate", "text/plain", DOCKER_RUN);
    send("GET", "/v1/nothing-here", null, null);
    String scrape = given().get("/q/metrics").asString();
    assertThat(scrape)
        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/v1/evaluate\"")
        .doesNotContainPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"NOT_FOUND\"")
        .doesNotContainPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"OTHER\"");
    long buckets =
        scrape
            .lines()
            .filter(l -> l.startsWith("http_server_requests_seconds_bucket{"))
            .filter(l -> l.contains("uri=\"/v1/evaluate\"") && l.contains("status=\"200\""))
            .count();
    assertThat(buckets).isEqualTo(MetricsSetup.LATENCY_BUCKETS.length + 1); // and +Inf
  }

  @Test
  void everyEndpoint_isNamedInTheUriTag_notFoldedIntoOther() throws Exception {
    send("POST", "/v1/evaluate", "text/plain", DOCKER_RUN);
    send("POST", "/v1/fix", "text/plain", DOCKER_RUN);
    send("POST", "/v1/parse", "text/plain", DOCKER_RUN);
    send("GET", "/v1/rulesets", null, null);
    send("GET", "/v1/rulesets/restricted", null, null);
    send("GET", "/v1/rulesets/restricted/1.0.0", null, null);
    send("GET", "/v1/rules/KC-001", null, null);
    send("POST", "/v1/rulesets/check", "application/yaml", "rules: []");
    send("POST", "/v1/data/keycard/restricted/allow", "application/json", "{\"input\":{}}");
    String scrape = given().get("/q/metrics").asString();
    Set<String> uris =
        scrape
            .lines()
            .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
            .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1"))
            .collect(Collectors.toCollection(TreeSet::new));
    for (String uri : MetricsSetup.URIS) {
      if (uri.startsWith("/")) {
        assertThat(uris).as("the uri tags seen").contains(uri);
      }
    }
  }

  @Test
  void everyResourcePath_isInTheClosedSet() {
    List<String> paths = new ArrayList<>();
    for (Class<?> c :
        List.of(
            EvaluateResource.class,
            FixResource.class,
            ParseResource.class,
            RuleSetsResource.class,
            OpaDataResource.class)) {
      String root = c.getAnnotation(Path.class).value();
      boolean any = false;
      for (var m : c.getDeclaredMethods()) {
        Path p = m.getAnnotation(Path.class);
        if (p != null) {
          String sub = p.value().startsWith("/") ? p.value() : "/" + p.value();
          paths.add(root + sub.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}"));
          any = true;
        }
      }
      if (!any) {
        paths.add(root);
      }
    }
    assertThat(MetricsSetup.URIS).containsAll(paths);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "ABCD"})
  void healthAndMetrics_answerGetAndHeadOnly(String method) throws Exception {
    for (String path : new String[] {"/q/health", "/q/health/live", "/q/metrics"}) {
      assertThat(send(method, path, "text/plain", "x")).as(method + " " + path).isEqualTo(405);
    }
    assertThat(send("GET", "/q/health/live", null, null)).isEqualTo(200);
    assertThat(send("HEAD", "/q/metrics", null, null)).isEqualTo(200);
  }

  @Test
  void aMethodRefusedByHealth_isAProblem() {
    given()
        .request("POST", "/q/health/ready")
        .then()
        .statusCode(405)
        .contentType(ProblemMappers.PROBLEM_JSON)
        .header("Allow", "GET, HEAD");
  }
}
