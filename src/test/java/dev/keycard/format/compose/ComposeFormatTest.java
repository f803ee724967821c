package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection's YAML-key test, read in one pass, agrees with the pattern it replaced. */
class ComposeFormatTest {
  private static final String ALPHABET = "ab9_.<-\"': #\t\r\n\u000B\f\u0085\u2028\u2029x/{[";

  @Test
  void yamlKeyLine_agreesWithThePattern_onGeneratedLines() {
    Random r = new Random(20261207);
    int keys = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(9); k > 0; k--) {
        sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      String s = sb.toString().strip();
      boolean expected = ComposeFormat.YAML_KEY.matcher(s).find();
      keys += expected ? 1 : 0;
      assertThat(ComposeFormat.yamlKeyLine(s)).as("[%s]", s.replace("\n", "\\n")).isEqualTo(expected);
    }
    assertThat(keys).as("lines that are keys, among the generated").isGreaterThan(1_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"services:", "services: {}", "\"x-y\": 1", "'a.b':", "<<: *x", "-key:", "a:\u2028"})
  void keys(String line) {
    assertThat(ComposeFormat.yamlKeyLine(line)).isTrue();
    assertThat(ComposeFormat.YAML_KEY.matcher(line).find()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker run -p 8080:80 nginx", "http://x", "#c:", ":x", "a :", "- a:b"})
  void notKeys(String line) {
    assertThat(ComposeFormat.yamlKeyLine(line)).isFalse();
    assertThat(ComposeFormat.YAML_KEY.matcher(line).find()).isFalse();
  }
}
