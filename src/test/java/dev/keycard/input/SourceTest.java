package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Position;
import org.junit.jupiter.api.Test;

class SourceTest {
  @Test
  void position_countsLinesAndUtf16Columns() {
    Source s = Source.of("ab\n\uD83D\uDE00x\r\ny");
    assertThat(s.position(0)).isEqualTo(new Position(1, 1, 0));
    assertThat(s.position(3)).isEqualTo(new Position(2, 1, 3));
    // the emoji is two UTF-16 code units, so 'x' is column 3
    assertThat(s.position(5)).isEqualTo(new Position(2, 3, 5));
    assertThat(s.position(8)).isEqualTo(new Position(3, 1, 8));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"a: 1\n\nbb: 22\r\nccc\rd\n", "a: 1\n\nbb: 22\nccc\nd\n", "x", "\n\n", ""})
  void position_isTheSameInAnyOrderOfAsking(String text) {
    java.util.Random r = new java.util.Random(3);
    Source warm = Source.of(text);
    for (int i = 0; i < 2_000; i++) {
      int offset = r.nextInt(text.length() + 3) - 1;
      Position p = warm.positionInOriginal(offset);
      assertThat(p).as("offset %d", offset).isEqualTo(Source.of(text).positionInOriginal(offset));
      int breaks = 0; // \n, or \r not followed by \n, before the offset
      for (int k = 0; k < p.offset(); k++) {
        char c = text.charAt(k);
        if (c == '\n' || (c == '\r' && (k + 1 == text.length() || text.charAt(k + 1) != '\n'))) {
          breaks++;
        }
      }
      assertThat(p.line()).isEqualTo(breaks + 1);
    }
  }

  @Test
  void position_isTheSameInAnyOrderOfAsking_overManyLines() {
    StringBuilder b = new StringBuilder();
    java.util.Random r = new java.util.Random(11);
    for (int i = 0; i < 300; i++) {
      b.append("x".repeat(r.nextInt(4))).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    String text = b.toString();
    Source warm = Source.of(text);
    int offset = 0;
    for (int i = 0; i < 5_000; i++) {
      // mostly small steps forwards, as parsers ask, sometimes a jump either way
      offset =
          r.nextInt(10) == 0
              ? r.nextInt(text.length() + 1)
              : Math.min(text.length(), offset + r.nextInt(40));
      assertThat(warm.positionInOriginal(offset))
          .as("offset %d", offset)
          .isEqualTo(counted(text, offset));
    }
  }

  /** The position of {@code offset}, by counting line breaks from the start. */
  private static Position counted(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < offset; k++) {
      char c = text.charAt(k);
      if (c == '\n' || (c == '\r' && (k + 1 == text.length() || text.charAt(k + 1) != '\n'))) {
        line++;
        lineStart = k + 1;
      }
    }
    return new Position(line, offset - lineStart + 1, offset);
  }

  @Test
  void position_treatsLoneCarriageReturnAsLineBreak() {
    Source s = Source.of("a\rb");
    assertThat(s.position(2).line()).isEqualTo(2);
  }

  @Test
  void extracted_mapsOffsetsBackToTheMessage() {
    String message = "look:\n```\n  x: 1\n```\n";
    String text = "x: 1\n";
    int[] map = {12, 13, 14, 15, 16, 17};
    Source s = Source.extracted(message, text, map);
    assertThat(s.span(0, 1).start()).isEqualTo(new Position(3, 3, 12));
    assertThat(s.span(0, 4).end()).isEqualTo(new Position(3, 7, 16));
  }

  @Test
  void withoutSpans_hasNoSpans() {
    assertThat(Source.withoutSpans("{}").span(0, 1)).isNull();
  }

  @Test
  void span_ofEmptyRange_isAPoint() {
    Source s = Source.of("abc");
    assertThat(s.span(1, 1).start()).isEqualTo(s.span(1, 1).end());
  }
}
