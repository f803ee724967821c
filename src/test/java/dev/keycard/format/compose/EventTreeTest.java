package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The event-built tree equals the composed one, node for node, with the same diagnostics. */
class EventTreeTest {
  private static final ParseLimits LIMITS = ParseOptions.defaults().limits();

  static Stream<Path> corpus() throws IOException {
    return ComposeCorpusTest.corpus();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusFile_readsTheSameTreeAsComposing(Path file) throws IOException {
    assertSameAsComposing(Files.readString(file, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "# only a comment\n",
        "a: 1\n",
        "services:\n  web:\n    image: nginx\n    command: |\n      run\n      it\n\n",
        "services:\n  web: {image: nginx, ports: [\"80:80\", 443]}\n",
        "x: ~\ny: null\nz: Null\nt: True\nf: FALSE\ni: 0x1F\no: 0o17\nd: -1.5e3\nn: .NaN\n",
        "inf: -.inf\nbig: 123456789012345678901234567890\nq: '1'\ne: !!str 5\nb: !!bool yes\n",
        "i: !!int ''\nj: !!int '-'\nk: !!int 0x1F\nl: !!int '+12'\nm: !!int 99999999999999999999\n",
        "env: ${HOME}\nm: <<\n<<: {a: 1}\nk/~x: 1\n",
        "é: ünïcode 😀\nafter: 😀😀 x\n",
        "a: &x {b: 1}\nc: *x\n",
        "a: 1\na: 2\n",
        "a: [1\n",
        "---\na: 1\n---\nb: 2\n",
        "? [a, b]\n: c\n",
        "- a\n- >\n  folded\n  text\n\n- [x, {y: z}]\n",
        "services:\n  a: {image: x}\n  b: {image: y}\n  c: {image: z}\n",
      })
  void snippet_readsTheSameTreeAsComposing(String text) {
    assertSameAsComposing(text);
  }

  private static void assertSameAsComposing(String text) {
    Diagnostics fast = new Diagnostics(Source.of(text), 100);
    Diagnostics composed = new Diagnostics(Source.of(text), 100);
    YNode a = YamlReader.read(text, LIMITS, fast);
    YNode b = YamlReader.readComposing(text, LIMITS, composed);
    assertThat(a).isEqualTo(b);
    assertThat(fast.list()).isEqualTo(composed.list());
  }
}
