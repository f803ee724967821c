package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first block gives a newcomer the two commands: one starts the service with the
 * bundled rule sets, one runs the tests — and that one is exactly what CI's {@code .ci/run} runs,
 * after installing what the tests need.
 */
class ReadmeCommandsTest {

  private static List<String> firstBlock() throws Exception {
    Readme.Block first = Readme.blocks(Readme.README).get(0);
    return first.text().lines().map(l -> l.replaceAll("\\s+#.*$", "").strip()).toList();
  }

  @Test
  void readmeTestCommand_isWhatCiRuns() throws Exception {
    List<String> ci =
        Files.readAllLines(Path.of(".ci/run"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(firstBlock()).hasSize(2);
    assertThat(firstBlock().get(1)).isEqualTo(ci.get(ci.size() - 1));
  }

  @Test
  void readmeStartCommand_buildsAndRunsTheJarThatServesTheBundledRuleSets() throws Exception {
    String start = firstBlock().get(0);
    assertThat(start).startsWith("./mvnw ").contains(" package && java -jar target/quarkus-app/quarkus-run.jar");
    assertThat(start).doesNotContain("KEYCARD_POLICIES_BUNDLED"); // the default: policies/ in the repository
    assertThat(Path.of("policies/rulesets")).isDirectory();
  }
}
