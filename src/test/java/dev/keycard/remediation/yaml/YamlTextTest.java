package dev.keycard.remediation.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Whatever value a fix writes reads back as exactly that value, in a block and inside a flow
 * collection, and a value is quoted only when it has to be.
 */
class YamlTextTest {
  private static Object load(String yaml) {
    return new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  private static void assertReadsBack(Object value) {
    assertThat(load("k: " + YamlText.flow(value)))
        .as(String.valueOf(value))
        .isEqualTo(Map.of("k", value));
    assertThat(load("k: [" + YamlText.flow(value) + ", x]"))
        .as("in a flow list: " + value)
        .isEqualTo(Map.of("k", List.of(value, "x")));
    assertThat(load("k: {a: " + YamlText.flow(value) + "}"))
        .as("in a flow map: " + value)
        .isEqualTo(Map.of("k", Map.of("a", value)));
    assertThat(load("k:\n- " + YamlText.flow(value) + "\n"))
        .as("in a block list: " + value)
        .isEqualTo(Map.of("k", List.of(value)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ALL",
        "/tmp",
        "1000:1000",
        "no-new-privileges:true",
        "seccomp=default.json",
        "512m",
        "a,b",
        "a]b",
        "]a",
        "[a",
        "{a}",
        "a:",
        "x: y",
        "a #b",
        "true",
        "no",
        "on",
        "Y",
        "null",
        "~",
        "1",
        "1.5",
        "0x1F",
        "0o17",
        ".inf",
        "-.5",
        "12:30",
        "1_000",
        "",
        " a",
        "a ",
        "-a",
        "@a",
        "%a",
        "a%b",
        "a'b",
        "a\"b",
        "a\\b",
        "é",
        "a\nb",
        "*a",
        "&a",
        "!a",
        "|",
        ">"
      })
  void stringsReadBack(String s) {
    assertReadsBack(s);
  }

  @Test
  void randomStrings_readBack() {
    Random r = new Random(42);
    String alphabet = "aZ09_./:=,@%+-[]{}#&*!|>'\"? \\ntfyoNTFYO~xe";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(8);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertReadsBack(b.toString());
    }
  }

  @Test
  void commonFixValues_stayPlain() {
    for (String s :
        List.of("ALL", "/tmp", "1000:1000", "no-new-privileges:true", "512m", "NET_ADMIN")) {
      assertThat(YamlText.scalar(s)).isEqualTo(s);
    }
    assertThat(YamlText.scalar("true")).isEqualTo("\"true\"");
    assertThat(YamlText.scalar(true)).isEqualTo("true");
    assertThat(YamlText.scalar(100)).isEqualTo("100");
    assertThat(YamlText.flow(List.of("ALL", "a,b"))).isEqualTo("[ALL, \"a,b\"]");
  }
}
