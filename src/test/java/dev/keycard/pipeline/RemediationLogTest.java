package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.report.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Attack 8 of issue 16, the remediation half: a {@code docker run} one word under the word limit,
 * so that every fix adding a flag no longer parses, named with a line break and a decision-log line
 * of its own. Each failed fix is a renderer defect that is logged: one line each, the caller's name
 * escaped, no stack trace, and a handful of lines a request however many fixes fail.
 */
class RemediationLogTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final EvaluationService EVALUATIONS =
      new EvaluationService(PARSER, new PolicyService(TestPolicyConfig.of("policies"), PARSER));
  private static final RemediationService REMEDIATION = new RemediationService(PARSER, EVALUATIONS);
  private static final EvaluationOptions RESTRICTED =
      new EvaluationOptions("restricted", List.of(), List.of(), null);
  private static final String FORGED = "{\"decision_id\":\"FORGED\",\"allow\":true}";

  private static final class Captured extends Handler {
    final List<LogRecord> records = new ArrayList<>();

    @Override
    public void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @SuppressWarnings("deprecation") // the printf-formatted message, as the console shows it
    List<String> messages() {
      return records.stream()
          .map(r -> r instanceof ExtLogRecord x ? x.getFormattedMessage() : r.getMessage())
          .toList();
    }
  }

  @Test
  void aNameHoldingALogLine_isLoggedEscapedOnOneLine() {
    // docker run --name NAME, 9,997 times -e A=b, the image: 19,999 words, one under the limit
    String text = "docker run --name 'x\n" + FORGED + "\n'" + " -e A=b".repeat(9_997) + " alpine";
    InputRequest request = new InputRequest(text, false, null, Map.of(), Map.of());
    Evaluation e = EVALUATIONS.evaluate(PARSER.parse(request), request, RESTRICTED);
    assertThat(e.input().hasErrors()).isFalse();
    Captured log = new Captured();
    Logger logger = Logger.getLogger(RemediationService.class.getName());
    logger.addHandler(log);
    try {
      REMEDIATION.remedies(e, request, RESTRICTED);
    } finally {
      logger.removeHandler(log);
    }

    assertThat(log.messages()).as("defects were logged").isNotEmpty();
    assertThat(log.messages())
        .hasSizeLessThanOrEqualTo(ProofWork.MAX_DEFECT_LINES + 2)
        .allSatisfy(
            m -> {
              assertThat(m).doesNotContain("\n").doesNotContain("\r");
              assertThat(m.length()).isLessThan(2_000);
            });
    assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("'x\\n" + FORGED + "\\n'"));
    assertThat(log.records).allSatisfy(r -> assertThat(r.getThrown()).isNull());
  }

  @Test
  void logText_escapesControlCharacters_andCutsLongValues() {
    assertThat(LogText.of("a\nb\r\tc\u0000d\u2028e\\"))
        .isEqualTo("a\\nb\\r\\tc\\u0000d\\u2028e\\\\");
    assertThat(LogText.of("x".repeat(1_000)))
        .startsWith("x".repeat(LogText.MAX))
        .endsWith("(800 more characters)");
    assertThat(LogText.of(null)).isEqualTo("null");
  }
}
