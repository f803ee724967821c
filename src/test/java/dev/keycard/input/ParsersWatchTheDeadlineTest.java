package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.Caps;
import dev.keycard.format.Formats;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing watches the request's deadline ({@code --privileged} given 19,990 times parsed for 9 s
 * past a 2 s deadline): with the deadline already passed, every format stops within a few hundred
 * words, values or lines, whatever the input's size.
 */
class ParsersWatchTheDeadlineTest {
  private static final InputReader READER = Formats.reader();

  @SuppressWarnings("try") // the binding is the point: it is in force inside
  private static void stopped(String text) {
    Budget late = Budget.start(Duration.ofNanos(1), Caps.DEFAULTS);
    try (Budget.Binding b = late.bind()) {
      assertThatThrownBy(() -> READER.read(text, false, null, ParseOptions.defaults()))
          .isInstanceOf(BudgetExceeded.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"docker run", "compose", "compose flow", "engine-api"})
  void anExpiredDeadline_stopsTheParser(String format) {
    stopped(
        switch (format) {
          case "docker run" -> "docker run" + " --privileged".repeat(5_000) + " alpine";
          case "compose" ->
              "services:\n  app:\n    image: a\n    cap_add:\n" + "      - X\n".repeat(5_000);
          case "compose flow" ->
              "services: {app: {image: a, cap_add: ["
                  + String.join(", ", Collections.nCopies(5_000, "X"))
                  + "]}}";
          default ->
              "{\"Image\":\"a\",\"HostConfig\":{\"CapAdd\":["
                  + String.join(",", Collections.nCopies(5_000, "\"X\""))
                  + "]}}";
        });
  }

  @Test
  void aChatMessageOfManyLines_isScannedUnderTheDeadlineToo() {
    stopped("hello\n".repeat(5_000) + "docker run alpine\n");
  }
}
