package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMessageTest {

  @Test
  void javaClassNames_areScrubbed() {
    assertThat(Program.message(new IllegalStateException("java.lang.String cannot be cast")))
        .isEqualTo("a value cannot be cast");
  }

  /**
   * An evaluation error quoting a long input value ({@code bytes(c.user)} on a user of 20,000
   * {@code "a."}): java.util.regex's scrubber recursed once per dotted word and overflowed the
   * stack, so the whole request was refused instead of the rule getting a warning.
   */
  @Test
  void longDottedValue_isScrubbedWithoutOverflowingTheStack() {
    String m = Program.message(new IllegalArgumentException("not a size: " + "a.".repeat(20_000) + "B"));
    assertThat(m).startsWith("not a size: a value").hasSizeLessThanOrEqualTo(200);
  }
}
