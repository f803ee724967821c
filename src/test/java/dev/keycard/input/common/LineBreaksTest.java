package dev.keycard.input.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineBreaksTest {
  /** Text with its breaks written as \n and \r escapes; offsets into the unescaped text. */
  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    // text,        offset, lineStart, lineEnd, afterBreak
    "'a\\nbc\\nd',  3,      2,         4,       5",
    "'a\\r\\nbc',   4,      3,         5,       5",
    "'a\\r\\nbc',   0,      0,         1,       3",
    "'a\\rbc',      0,      0,         1,       2",
    "'a\\rbc',      3,      2,         4,       4",
    "'',            0,      0,         0,       0",
    "'ab\\n',       3,      3,         3,       3",
    "'\\r\\r',      1,      1,         1,       2",
  })
  void crLfAndCrlf_areEachOneBreak(
      String escaped, int offset, int lineStart, int lineEnd, int afterBreak) {
    String text = escaped.replace("\\n", "\n").replace("\\r", "\r");
    assertThat(LineBreaks.lineStart(text, offset)).isEqualTo(lineStart);
    int end = LineBreaks.lineEnd(text, offset);
    assertThat(end).isEqualTo(lineEnd);
    assertThat(LineBreaks.afterBreak(text, end)).isEqualTo(afterBreak);
  }
}
