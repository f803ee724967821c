package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.pipeline.DecisionRecorder;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics and the decision log after an evaluation; Swagger UI is served; the worker pool is
 * sized for CPU-bound work.
 */
@QuarkusTest
class OperationsTest {
  static final String COMPOSE = "services:\n  web:\n    image: nginx\n    privileged: true\n";

  private static void evaluate() {
    given()
        .contentType("application/yaml")
        .queryParam("ruleset", "baseline")
        .body(COMPOSE.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200);
  }

  @Test
  void metrics_afterAnEvaluation_showCountersAndTheLatencyHistogram() {
    evaluate();
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "keycard_evaluations_total\\{[^}]*ruleset=\"baseline\"[^}]*version=\"1\\.1\\.0\"[^}]*\\}"
                + " [1-9]")
        .containsPattern(
            "keycard_findings_total\\{[^}]*rule=\"KC-001\"[^}]*severity=\"critical\"[^}]*\\} [1-9]")
        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/v1/evaluate\"")
        .containsPattern("keycard_answer_cache_weight_bytes [0-9]");
  }

  @Test
  void decisionLog_oneJsonLinePerEvaluation_withoutTheInput() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            lines.add(r.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(DecisionRecorder.CATEGORY);
    logger.addHandler(capture);
    try {
      evaluate();
    } finally {
      logger.removeHandler(capture);
    }
    assertThat(lines).hasSize(1);
    JsonNode j = new ObjectMapper().readTree(lines.get(0));
    assertThat(j.path("ruleset").path("name").asText()).isEqualTo("baseline");
    assertThat(j.path("format").asText()).isEqualTo("compose");
    assertThat(j.path("allow").asBoolean()).isFalse();
    assertThat(j.path("counts").path("critical").asInt()).isEqualTo(1);
    assertThat(j.has("input")).isFalse();
  }

  @Test
  void consoleLines_goThroughTheLogGuard_decisionLinesDoNot() {
    assertThat(escapedBy(org.jboss.logmanager.LogContext.getLogContext().getLogger("")))
        .as("a console handler escapes a forged line")
        .isTrue();
    assertThat(
            escapedBy(
                org.jboss.logmanager.LogContext.getLogContext()
                    .getLogger(DecisionRecorder.CATEGORY)))
        .as("the decision log's handler writes its JSON as it is")
        .isFalse();
  }

  /** Whether a filter of one of the logger's handlers escapes a line break in a message. */
  @SuppressWarnings("deprecation") // the console shows the formatted message
  private static boolean escapedBy(org.jboss.logmanager.Logger logger) {
    List<java.util.logging.Filter> filters = new ArrayList<>();
    filters(logger.getHandlers(), filters);
    for (java.util.logging.Filter f : filters) {
      org.jboss.logmanager.ExtLogRecord r =
          new org.jboss.logmanager.ExtLogRecord(
              java.util.logging.Level.WARNING,
              "name %s",
              org.jboss.logmanager.ExtLogRecord.FormatStyle.PRINTF,
              OperationsTest.class.getName());
      r.setLoggerName("dev.keycard.test");
      r.setParameters(new Object[] {"web\n{\"decision_id\":\"forged\"}"});
      if (f.isLoggable(r) && r.getFormattedMessage().contains("web\\n{")) {
        return true;
      }
    }
    return false;
  }

  private static void filters(Handler[] handlers, List<java.util.logging.Filter> out) {
    for (Handler h : handlers) {
      if (h.getFilter() != null) {
        out.add(h.getFilter());
      }
      if (h instanceof org.jboss.logmanager.ExtHandler ext) {
        filters(ext.getHandlers(), out);
      }
    }
  }

  @Test
  void workerThreads_areAFewPerCore_notQuarkusDefaultOf200() {
    // every /v1 endpoint is CPU-bound: more threads than this only contend (docs/benchmarks.md)
    assertThat(
            ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class))
        .isEqualTo(4);
  }

  @Test
  void swaggerUi_isServed() {
    given().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
  }
}
