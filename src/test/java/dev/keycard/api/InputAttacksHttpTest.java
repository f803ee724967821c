package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The input-side attacks of issue 16 over HTTP, at sizes that prove the point in seconds (the full
 * sizes are measured against the packaged jar in docs/benchmarks.md): each is answered (a read
 * timeout of the 2 s deadline plus a margin guards against a hang; nothing is timed), with a 4xx
 * naming the limit or an answer far under {@code max-answer-size}, while a plain request sent at
 * the same time is served. Nothing a caller sends is logged with a stack trace or across lines.
 */
@QuarkusTest
class InputAttacksHttpTest {
  private static final int DEADLINE_PLUS_MARGIN_MS = 2_000 + 20_000;
  private static RestAssuredConfig previous;

  @BeforeAll
  static void answeredWithinTheDeadlinePlusAMargin() {
    previous = RestAssured.config;
    RestAssured.config =
        RestAssured.config()
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", DEADLINE_PLUS_MARGIN_MS)
                    .setParam("http.socket.timeout", DEADLINE_PLUS_MARGIN_MS));
  }

  @AfterAll
  static void restore() {
    RestAssured.config = previous;
  }

  private static Response post(String path, Object jsonBody) {
    return given().contentType("application/json").body(jsonBody).post(path);
  }

  private static Response postText(String path, String text) {
    return given().contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8)).post(path);
  }

  /** Runs the attack while a plain evaluation is asked for; the plain one is answered 200. */
  private static Response whileOthersAreServed(Supplier<Response> attack) {
    CompletableFuture<Response> hostile = CompletableFuture.supplyAsync(attack);
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(
          postText("/v1/evaluate", "docker run --privileged alpine").then().extract().statusCode());
    }
    Response r = hostile.join();
    assertThat(others).as("plain requests sent meanwhile").containsOnly(200);
    return r;
  }

  private static void refused(Response r, int status, String limit) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.jsonPath().getString("limit")).isEqualTo(limit);
  }

  private static String dockerRun(String flag, int n) {
    StringBuilder s = new StringBuilder("docker run");
    for (int i = 0; i < n; i++) {
      s.append(' ').append(flag.replace("{i}", Integer.toString(i)));
    }
    return s.append(" alpine").toString();
  }

  @Test
  void attack1_dockerfileDoublingItsArg_is413NamingTheLimit() {
    StringBuilder d = new StringBuilder("FROM x\nARG A=aaaaaaaa\n");
    d.append("ARG A=${A}${A}\n".repeat(24)).append("USER ${A}\n");
    Response r =
        whileOthersAreServed(
            () ->
                post(
                    "/v1/evaluate",
                    Map.of(
                        "input",
                        "docker run alpine",
                        "files",
                        Map.of("Dockerfile", d.toString()))));
    refused(r, 413, "max-expanded-value");
  }

  @Test
  void attack2_anchoredListInManyServices_is413InParse_andBoundedInEvaluate() {
    String big = anchoredList(800, 99);
    refused(whileOthersAreServed(() -> postText("/v1/parse", big)), 413, "max-model-elements");

    Response r = whileOthersAreServed(() -> postText("/v1/evaluate", anchoredList(20, 10)));
    assertThat(r.statusCode()).as(r.asString()).isIn(200, 422);
    assertThat(r.asByteArray().length).isLessThan(32 << 20);
  }

  private static String anchoredList(int entries, int services) {
    StringBuilder y = new StringBuilder("x-v: &v\n");
    for (int i = 0; i < entries; i++) {
      y.append("  - /var/run/docker.sock:/s").append(i).append('\n');
    }
    y.append("services:\n");
    for (int i = 0; i < services; i++) {
      y.append("  s").append(i).append(":\n    image: alpine\n    volumes: *v\n");
    }
    return y.toString();
  }

  @Test
  void attack3_perItemFindings_growTheAnswerLinearly() {
    Response small = postText("/v1/evaluate", dockerRun("-v /var/run/docker.sock:/s{i}", 200));
    Response r =
        whileOthersAreServed(
            () -> postText("/v1/evaluate", dockerRun("-v /var/run/docker.sock:/s{i}", 400)));
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(small.statusCode()).isEqualTo(200);
    double growth = (double) r.asByteArray().length / small.asByteArray().length;
    assertThat(growth).as("answer bytes for 400 mounts over 200").isLessThan(2.5);
    List<Object> commands = r.jsonPath().getList("findings.remediation.command");
    assertThat(commands).as("no copy of the 11 KB command per finding").containsOnlyNulls();

    Response caps =
        whileOthersAreServed(() -> postText("/v1/fix?apply=all", dockerRun("--cap-add SYS_ADMIN", 1_000)));
    assertThat(caps.statusCode()).as(caps.asString()).isEqualTo(200);
    assertThat(caps.jsonPath().getString("fixed")).doesNotContain("SYS_ADMIN");
  }

  @Test
  void attack4_repeatsParseAndFixInLinearWork() {
    Response p =
        whileOthersAreServed(() -> postText("/v1/parse", dockerRun("--privileged", 5_000)));
    assertThat(p.statusCode()).as(p.asString()).isEqualTo(200);
    Response e = whileOthersAreServed(() -> postText("/v1/fix?apply=all", dockerRun("--privileged", 5_000)));
    assertThat(e.statusCode()).as(e.asString()).isEqualTo(200);
    assertThat(e.jsonPath().getString("fixed")).doesNotContain("--privileged");

    String body =
        "{\"Image\":\"alpine\",\"HostConfig\":{\"CapAdd\":["
            + String.join(",", Collections.nCopies(1_024, "\"SYS_ADMIN\""))
            + "]}}";
    Response api = whileOthersAreServed(() -> postText("/v1/fix?apply=all", body));
    assertThat(api.statusCode()).as(api.asString()).isEqualTo(200);
    assertThat(api.jsonPath().getString("fixed")).doesNotContain("SYS_ADMIN");

    String compose =
        "services:\n  app:\n    image: alpine\n    cap_add:\n"
            + "      - SYS_ADMIN\n".repeat(2_048);
    Response c = whileOthersAreServed(() -> postText("/v1/fix?apply=all", compose));
    assertThat(c.statusCode()).as(c.asString()).isEqualTo(200);
    assertThat(c.jsonPath().getString("fixed")).doesNotContain("SYS_ADMIN");
  }

  @Test
  void attack8_callerTextIsNeverLoggedWithAStackTraceOrAcrossLines() {
    Captured log = Captured.install();
    try {
      Response host =
          whileOthersAreServed(
              () -> postText("/v1/evaluate", "docker" + " --host x".repeat(2_048) + " run alpine"));
      assertThat(host.statusCode()).as(host.asString()).isLessThan(500);

      String forged = "{\"decision_id\":\"FORGED\",\"allow\":true}";
      String nearTheWordLimit =
          "docker run --name 'x\n" + forged + "\n'" + " -e A=b".repeat(9_997) + " alpine";
      Response named = whileOthersAreServed(() -> postText("/v1/evaluate", nearTheWordLimit));
      assertThat(named.statusCode()).as(named.asString()).isLessThan(500);
    } finally {
      log.uninstall();
    }
    assertThat(log.messages())
        .as("the fixes that no longer parse were logged as defects")
        .anySatisfy(m -> assertThat(m).contains("remediation defect").contains("'x\\n{"));
    assertThat(log.records).allSatisfy(r -> assertThat(r.getThrown()).isNull());
    assertThat(log.messages())
        .allSatisfy(m -> assertThat(m).doesNotContain("\n{\"decision_id\":\"FORGED\""));
  }

  /** Every record logged under {@code dev.keycard} while installed. */
  private static final class Captured extends Handler {
    final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = Logger.getLogger("dev.keycard");

    static Captured install() {
      Captured c = new Captured();
      c.logger.addHandler(c);
      return c;
    }

    void uninstall() {
      logger.removeHandler(this);
    }

    @SuppressWarnings("deprecation") // the printf-formatted message, as the console shows it
    List<String> messages() {
      synchronized (records) {
        return records.stream()
            .map(
                r ->
                    r instanceof org.jboss.logmanager.ExtLogRecord x
                        ? x.getFormattedMessage()
                        : r.getMessage())
            .toList();
      }
    }

    @Override
    public void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
