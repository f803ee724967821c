package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 7: bodies that arrive a byte at a time (declared, chunked, after {@code Expect:
 * 100-continue}) no longer hold the four request workers. More slow bodies than workers are open
 * while other callers are answered; each slow one ends with 408 at the body-read timeout, one over
 * {@code max-slow-uploads} with 503, and bodies over {@code max-body-buffer} with 503. Timeouts are
 * short here (3 s) so that the point is made within seconds; nothing asserts on speed, only on
 * order (the other callers are answered before the slow bodies time out).
 */
@QuarkusTest
@TestProfile(SlowBodiesTest.ShortTimeouts.class)
class SlowBodiesTest {
  static final int SLOW = 5; // one more than the request workers

  /** A 3 s body-read timeout, five slow uploads, 256 KiB of bodies held at once. */
  public static final class ShortTimeouts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "keycard.limits.body-read-timeout", "3s",
          "keycard.limits.max-slow-uploads", String.valueOf(SLOW),
          "keycard.limits.max-body-buffer", "256K");
    }
  }

  @TestHTTPResource("/v1/evaluate")
  URI evaluate;

  @Inject BodyBudget budget;

  private final List<RawHttp> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (RawHttp c : open) {
      c.close();
    }
    open.clear();
    // every body's memory and slow-upload slot comes back
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((budget.heldBytes() != 0 || budget.slowUploads() != 0) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(budget.heldBytes()).as("bytes held after the test").isZero();
    assertThat(budget.slowUploads()).as("slow uploads after the test").isZero();
  }

  /** A connection sending a body one byte (or one one-byte chunk) every 100 ms. */
  private CompletableFuture<RawHttp.Reply> slow(String kind) throws Exception {
    RawHttp c = RawHttp.connect(evaluate);
    open.add(c);
    byte[] body = ("docker run " + "x".repeat(99_989)).getBytes(StandardCharsets.UTF_8);
    switch (kind) {
      case "declared" ->
          c.head("POST", "/v1/evaluate", "Content-Type: text/plain", "Content-Length: 100000");
      case "expect" ->
          c.head(
              "POST",
              "/v1/evaluate",
              "Content-Type: text/plain",
              "Content-Length: 100000",
              "Expect: 100-continue");
      case "chunked" -> {
        c.head("POST", "/v1/evaluate", "Content-Type: text/plain", "Transfer-Encoding: chunked");
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 1000; i++) {
                  c.chunk("x");
                  Thread.sleep(100);
                }
              } catch (Exception e) {
                // answered and closed
              }
            },
            RawHttp.THREADS);
        return replyOf(c);
      }
      default -> throw new IllegalArgumentException(kind);
    }
    c.trickle(body, Duration.ofMillis(100));
    return replyOf(c);
  }

  private static CompletableFuture<RawHttp.Reply> replyOf(RawHttp c) {
    return c.reply();
  }

  private HttpResponse<String> normalEvaluate(HttpClient http) throws Exception {
    return http.send(
        HttpRequest.newBuilder(evaluate)
            .header("Content-Type", "text/plain")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString("docker run --privileged nginx"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void moreSlowBodiesThanWorkers_othersAreServedMeanwhile_andTheSlowOnesGet408() throws Exception {
    List<CompletableFuture<RawHttp.Reply>> slow = new ArrayList<>();
    for (String kind : new String[] {"declared", "declared", "chunked", "chunked", "expect"}) {
      slow.add(slow(kind));
    }
    Thread.sleep(300); // every slow body has started
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = normalEvaluate(http);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("KC-001");
    }
    assertThat(slow).as("no slow body was answered before the other callers were").noneMatch(
        CompletableFuture::isDone);
    for (CompletableFuture<RawHttp.Reply> f : slow) {
      RawHttp.Reply r = f.get(30, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.head()).isEqualTo(408);
      assertThat(r.isProblem()).isTrue();
      assertThat(r.body())
          .contains("\"code\":\"request_timeout\"")
          .contains("\"limit\":\"body-read-timeout\"");
    }
    for (RawHttp c : open) {
      assertThat(c.closedByServer()).as("a timed-out body's connection is closed").isTrue();
    }
  }

  @Test
  void oneSlowBodyMoreThanAllowed_is503_theOthersRunToTheirTimeout() throws Exception {
    List<CompletableFuture<RawHttp.Reply>> counted = new ArrayList<>();
    for (int i = 0; i < SLOW; i++) {
      counted.add(slow("declared"));
    }
    Thread.sleep(1_500); // each is a slow upload now
    CompletableFuture<RawHttp.Reply> extra = slow("chunked");
    RawHttp.Reply refused = extra.get(30, TimeUnit.SECONDS);
    assertThat(refused.status()).as(refused.head()).isEqualTo(503);
    assertThat(refused.head().toLowerCase(java.util.Locale.ROOT)).contains("retry-after: 1");
    assertThat(refused.body())
        .contains("\"code\":\"overloaded\"")
        .contains("\"limit\":\"max-slow-uploads\"")
        .contains("\"max\":" + SLOW);
    // The 503 itself shows the others were still counted as slow uploads when the extra one
    // came (a finished upload frees its place). Whether this client has already seen their 408s
    // is a race with the machine's load, so it is not asserted.
    for (CompletableFuture<RawHttp.Reply> f : counted) {
      assertThat(f.get(30, TimeUnit.SECONDS).status()).isEqualTo(408);
    }
  }

  @Test
  void bodiesHeldOverTheBuffer_are503_andTheBufferComesBack() throws Exception {
    RawHttp first = RawHttp.connect(evaluate);
    open.add(first);
    first.head("POST", "/v1/evaluate", "Content-Type: text/plain", "Content-Length: 300000");
    first.send("docker run " + "x".repeat(200_000)); // then nothing more
    CompletableFuture<RawHttp.Reply> firstReply = replyOf(first);
    Thread.sleep(300);

    RawHttp second = RawHttp.connect(evaluate);
    open.add(second);
    second.head("POST", "/v1/evaluate", "Content-Type: text/plain", "Content-Length: 100000");
    try {
      second.send("docker run " + "y".repeat(99_989));
    } catch (java.io.IOException e) {
      // refused and closed before the whole body was written
    }
    RawHttp.Reply refused = second.read();
    assertThat(refused.status()).as(refused.head()).isEqualTo(503);
    assertThat(refused.body()).contains("\"limit\":\"max-body-buffer\"");

    assertThat(firstReply.get(30, TimeUnit.SECONDS).status()).isEqualTo(408);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> after =
        http.send(
            HttpRequest.newBuilder(evaluate)
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "docker run --privileged nginx\n# " + "z".repeat(150_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).as("the buffer is free again: " + after.body()).isEqualTo(200);
  }
}
