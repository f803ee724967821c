package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every body is read on the event loop ({@link Bodies}) and gives the same answer whatever its size
 * (around the size allocated up front), framing (chunked) or handshake ({@code Expect:
 * 100-continue}), whether the client asks for HTTP/1.1 or tries HTTP/2 (h2c, which the JDK client
 * tries first and which is answered over HTTP/1.1); a chunked body over the limit and a declared
 * one expecting 100-continue are refused with 413 before the rest is read.
 */
@QuarkusTest
class BodiesTest {
  private static final String COMPOSE =
      "services:\n  web:\n    image: nginx\n    privileged: true\n";

  @TestHTTPResource("/v1/evaluate?ruleset=restricted")
  URI evaluate;

  @TestHTTPResource("/v1/data/keycard/restricted/allow")
  URI opa;

  private HttpClient http;

  /** The compose document followed by comment lines, {@code size} bytes in all. */
  private static byte[] padded(int size) {
    StringBuilder b = new StringBuilder(COMPOSE);
    while (b.length() < size) {
      b.append("# ")
          .append("x".repeat(Math.max(0, Math.min(70, size - b.length() - 3))))
          .append('\n');
    }
    b.setLength(size);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode post(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r =
        http.send(
            request
                .header("Content-Type", "application/yaml")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  private static String ruleIds(JsonNode answer) {
    StringBuilder b = new StringBuilder();
    answer.get("findings").forEach(f -> b.append(f.get("rule_id").asText()).append(' '));
    return b.toString();
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void bodiesAroundTheSizeReadEarly_chunked_andExpectingContinue_getTheSameAnswer(
      HttpClient.Version version) throws Exception {
    http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
    String expected =
        ruleIds(
            post(
                HttpRequest.newBuilder(evaluate)
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            COMPOSE.getBytes(StandardCharsets.UTF_8)))));
    assertThat(expected).contains("KC-001");
    int max = Bodies.PREALLOCATE;
    for (int size : new int[] {max - 1, max, max + 1, 3 * max}) {
      JsonNode a =
          post(
              HttpRequest.newBuilder(evaluate)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(padded(size))));
      assertThat(ruleIds(a)).as("a body of %d bytes", size).isEqualTo(expected);
    }
    byte[] body = padded(2_000);
    JsonNode chunked =
        post(
            HttpRequest.newBuilder(evaluate)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));
    assertThat(ruleIds(chunked)).as("chunked").isEqualTo(expected);
    JsonNode continued =
        post(
            HttpRequest.newBuilder(evaluate)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(ruleIds(continued)).as("Expect: 100-continue").isEqualTo(expected);
  }

  @Test
  void aFormBody_reachesTheEndpointAsSent_notDecodedAsAForm() throws Exception {
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String type :
        new String[] {"multipart/form-data; boundary=x", "application/x-www-form-urlencoded"}) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(opa)
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString("--x\r\nhello\r\n--x--\r\n"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // not valid JSON, as sent: 400 (decoded as a form, the body looked empty and answered {})
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(400);
    }
  }

  @Test
  void declaredLength_isAPlainDecimalNumber() {
    assertThat(Bodies.declaredLength("1")).isEqualTo(1);
    assertThat(Bodies.declaredLength("100000")).isEqualTo(100_000);
    assertThat(Bodies.declaredLength("0")).isZero();
    assertThat(Bodies.declaredLength(null)).isEqualTo(Bodies.NONE);
    assertThat(Bodies.declaredLength("")).isEqualTo(Bodies.INVALID);
    assertThat(Bodies.declaredLength(" 5")).isEqualTo(Bodies.INVALID);
    assertThat(Bodies.declaredLength("-5")).isEqualTo(Bodies.INVALID);
    assertThat(Bodies.declaredLength("0x10")).isEqualTo(Bodies.INVALID);
    assertThat(Bodies.declaredLength("99999999999999999999")).isEqualTo(Bodies.INVALID);
  }

  @Test
  void aChunkedBodyOverTheLimit_is413Problem_andTheConnectionCloses() throws Exception {
    try (RawHttp c = RawHttp.connect(evaluate)) {
      c.head(
          "POST",
          "/v1/evaluate",
          "Content-Type: text/plain",
          "Transfer-Encoding: chunked");
      String piece = "# " + "x".repeat(8 * 1024 - 3) + "\n";
      RawHttp.Reply r = null;
      try {
        for (int i = 0; i < 200; i++) { // 1.6 MB, over the 1 MiB limit
          c.chunk(piece);
        }
        c.send("0\r\n\r\n");
      } catch (java.io.IOException e) {
        // the server answered and closed before the whole body was sent
      }
      r = c.read();
      assertThat(r.status()).as(r.head()).isEqualTo(413);
      assertThat(r.isProblem()).isTrue();
      assertThat(r.body()).contains("\"code\":\"body_too_large\"");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void expectContinue_withALengthOverTheLimit_is413_withoutTheBodySent() throws Exception {
    try (RawHttp c = RawHttp.connect(evaluate)) {
      c.head(
          "POST",
          "/v1/evaluate",
          "Content-Type: text/plain",
          "Content-Length: 2000000",
          "Expect: 100-continue");
      RawHttp.Reply r = c.read();
      assertThat(r.status()).as(r.head()).isEqualTo(413);
      assertThat(r.isProblem()).isTrue();
    }
  }

  @Test
  void expectContinue_isAnsweredOnce_andTheBodyIsRead() throws Exception {
    byte[] body = "docker run --privileged nginx".getBytes(StandardCharsets.UTF_8);
    try (RawHttp c = RawHttp.connect(evaluate)) {
      c.head(
          "POST",
          "/v1/evaluate",
          "Content-Type: text/plain",
          "Content-Length: " + body.length,
          "Expect: 100-continue");
      Thread.sleep(200); // as curl does, wait a moment for the 100 before sending
      c.send(body);
      RawHttp.Reply r = c.read();
      assertThat(r.status()).as(r.head()).isEqualTo(200);
      assertThat(r.body()).contains("KC-001");
      assertThat(r.interim()).as("100 Continue responses").isEqualTo(1);
    }
  }
}
