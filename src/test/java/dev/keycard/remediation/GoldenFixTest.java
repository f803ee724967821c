package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.report.FixResult;
import dev.keycard.testing.Goldens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixes hand-picked inputs (comments, anchors, flow lists, CRLF, tabs in continuations, chat
 * snippets) and compares the fixed text with a golden file. {@code -Dgolden.update=true} writes
 * the golden files; a missing one fails.
 */
class GoldenFixTest {
  static final Path DIR = Path.of("src/test/resources/remediation/golden");
  private final Harness h = Harness.of(Harness.TEST_POLICIES);

  static Stream<String> inputs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.contains(".fixed."))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void fixedText_matchesGolden(String name) throws IOException {
    String input = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    FixResult r = h.fix(input, "fixtest");
    int dot = name.lastIndexOf('.');
    Path golden = DIR.resolve(name.substring(0, dot) + ".fixed" + name.substring(dot));
    Goldens.assertMatches(golden, r.fixed());
    assertThat(r.applied()).as("fixes applied").isPositive();
    assertThat(r.after().findings())
        .as("fixable findings left")
        .allSatisfy(f -> assertThat(f.fix()).isEmpty());
  }
}
