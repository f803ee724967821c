package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.budget.LimitExceeded;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 8: a log line a caller cannot shape. Caller text with line breaks, escape
 * sequences and Unicode line separators stays on its line; floods are cut; exceptions from caller
 * input are one line.
 */
class LogGuardTest {
  private static final String FORGED =
      "web\n{\"decision_id\":\"forged\",\"allow\":true}\r\n\u001b[2J\u2028x\u202e";

  private static ExtLogRecord record(Level level, String logger, String format, Object... params) {
    ExtLogRecord r =
        new ExtLogRecord(level, format, ExtLogRecord.FormatStyle.PRINTF, LogGuardTest.class.getName());
    r.setLoggerName(logger);
    r.setParameters(params);
    return r;
  }

  @SuppressWarnings("deprecation") // the console shows the formatted message
  private static String written(LogGuard guard, ExtLogRecord r) {
    assertThat(guard.isLoggable(r)).isTrue();
    return r.getFormattedMessage();
  }

  @Test
  void callerTextInAMessage_staysOnOneLine_withItsControlCharactersEscaped() {
    String line =
        written(
            new LogGuard(),
            record(Level.WARNING, "dev.keycard.x", "fix for container '%s' not offered", FORGED));
    assertThat(line)
        .doesNotContain("\n")
        .doesNotContain("\r")
        .doesNotContain("\u001b")
        .doesNotContain("\u2028")
        .doesNotContain("\u202e")
        .contains("web\\n{\"decision_id\":\"forged\"")
        .contains("\\r\\n\\u001b[2J\\u2028x\\u202e");
  }

  @Test
  void aLongMessage_isCut_andSaysHowMuchWasLeftOut() {
    String line =
        written(new LogGuard(), record(Level.INFO, "x", "%s", "y".repeat(LogGuard.MAX_MESSAGE + 500)));
    assertThat(line).hasSizeLessThan(LogGuard.MAX_MESSAGE + 100).endsWith("(500 more characters)");
  }

  @Test
  void aStackOverflowFromCallerInput_isOneLine_withoutItsTrace() {
    ExtLogRecord r = record(Level.SEVERE, "dev.keycard.api.ProblemMappers", "runaway input");
    r.setThrown(new StackOverflowError("deep\nnested"));
    String line = written(new LogGuard(), r);
    assertThat(r.getThrown()).isNull();
    assertThat(line).isEqualTo("runaway input [java.lang.StackOverflowError: deep\\nnested]");
  }

  @Test
  void aRefusedLimit_orAWarning_isOneLine() {
    LogGuard guard = new LogGuard();
    ExtLogRecord limit = record(Level.SEVERE, "x", "refused");
    limit.setThrown(new IllegalStateException("wrapped", LimitExceeded.of("max-findings", 1, "m")));
    written(guard, limit);
    assertThat(limit.getThrown()).isNull();
    ExtLogRecord warning = record(Level.WARNING, "x", "odd");
    warning.setThrown(new IllegalArgumentException("bad\nvalue"));
    assertThat(written(guard, warning)).endsWith("[java.lang.IllegalArgumentException: bad\\nvalue]");
    assertThat(warning.getThrown()).isNull();
  }

  @Test
  void anUnexpectedError_keepsItsTraceOnceAMinute_withEscapedMessages() {
    LogGuard guard = new LogGuard();
    ExtLogRecord first = record(Level.SEVERE, "x", "unexpected failure");
    RuntimeException bug = new RuntimeException("top\nline", new IllegalStateException("cause\rx"));
    first.setThrown(bug);
    written(guard, first);
    Throwable kept = first.getThrown();
    assertThat(kept).isInstanceOf(LogGuard.Escaped.class);
    assertThat(kept.toString()).isEqualTo("java.lang.RuntimeException: top\\nline");
    assertThat(kept.getCause().toString()).isEqualTo("java.lang.IllegalStateException: cause\\rx");
    assertThat(kept.getStackTrace()).isEqualTo(bug.getStackTrace());

    ExtLogRecord second = record(Level.SEVERE, "x", "unexpected failure");
    second.setThrown(new RuntimeException("again"));
    assertThat(written(guard, second)).endsWith("[java.lang.RuntimeException: again]");
    assertThat(second.getThrown()).isNull();
  }

  @Test
  void aFlood_isCutToTheBurst_andTheNextLineSaysHowManyWereDropped() throws Exception {
    LogGuard guard = new LogGuard();
    int written = 0;
    for (int i = 0; i < 10_000; i++) {
      if (guard.isLoggable(record(Level.WARNING, "flood", "line %d", i))) {
        written++;
      }
    }
    assertThat(written).isBetween(LogGuard.BURST, LogGuard.BURST + LogGuard.PER_SECOND * 5);
    assertThat(guard.isLoggable(record(Level.WARNING, "other", "another logger"))).isTrue();
    Thread.sleep(1_100 / LogGuard.PER_SECOND * 2);
    ExtLogRecord next = record(Level.WARNING, "flood", "after");
    assertThat(written(guard, next)).matches("after \\(\\d+ earlier lines of this logger were dropped\\)");
  }
}
