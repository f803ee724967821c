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
 * Bodies read on the event loop ({@link SmallBodies}) and bodies streamed to the worker give the
 * same answers: just under and just over the size read early, chunked, and expecting 100-continue,
 * over HTTP/1.1 and HTTP/2 (h2c, which the JDK client tries first).
 */
@QuarkusTest
class SmallBodiesTest {
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
    int max = (int) SmallBodies.MAX_BYTES;
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
    assertThat(SmallBodies.isForm("Multipart/Form-Data; boundary=x")).isTrue();
    assertThat(SmallBodies.isForm("application/x-www-form-urlencoded")).isTrue();
    assertThat(SmallBodies.isForm("application/yaml")).isFalse();
    assertThat(SmallBodies.isForm(null)).isFalse();
  }

  @Test
  void isSmall_onlyForADeclaredLengthWithinTheBound_withoutExpect() {
    assertThat(SmallBodies.isSmall("1", null, 10)).isTrue();
    assertThat(SmallBodies.isSmall("10", null, 10)).isTrue();
    assertThat(SmallBodies.isSmall("11", null, 10)).isFalse();
    assertThat(SmallBodies.isSmall("0", null, 10)).isFalse();
    assertThat(SmallBodies.isSmall(null, null, 10)).isFalse();
    assertThat(SmallBodies.isSmall("5", "100-continue", 10)).isFalse();
    assertThat(SmallBodies.isSmall("", null, 10)).isFalse();
    assertThat(SmallBodies.isSmall(" 5", null, 10)).isFalse();
    assertThat(SmallBodies.isSmall("-5", null, 10)).isFalse();
    assertThat(SmallBodies.isSmall("99999999999999999999", null, 10)).isFalse();
  }
}
