package dev.keycard.input.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * composerize's own test cases: our parse of each command must agree with composerize's expected
 * compose on the security-relevant settings, except where its README lists the expectation as a
 * composerize quirk rather than Docker's behaviour (index → reason below).
 */
class ComposerizeCasesTest {
  /** Cases the composerize README calls quirks, by index in cases.json. */
  static final Map<Integer, String> QUIRKS =
      Map.ofEntries(
          Map.entry(9, "docker service create is not docker run"),
          Map.entry(15, "unknown flags: Docker rejects them, composerize keeps going"),
          Map.entry(16, "malformed command: --bool swallows the image"),
          Map.entry(23, "keeps the backslash of \\$ inside double quotes"),
          Map.entry(30, "joins lines a shell would not join"),
          Map.entry(31, "keeps $(...) literally where a shell expands it"),
          Map.entry(40, "--ulimit as=1024 is rejected by Docker"),
          Map.entry(60, "--ip6=xxxxx is not an IP"),
          Map.entry(63, "--cap-drop XXX is a placeholder"),
          Map.entry(64, "-P/--publish-all dropped"),
          Map.entry(71, "placeholder values Docker rejects (--oom-score-adj xxx, --uts uuu, --stop-timeout 2s)"),
          Map.entry(73, "placeholder values Docker rejects (--memory-swap yyy, --cpu-period xxx, ...)"),
          Map.entry(74, "placeholder values (--runtime xxx, --isolation yyy)"),
          Map.entry(87, "joins lines a shell would not join"),
          // found here, beyond the README's list:
          Map.entry(28, "'<CONFIG_FILE_PATH>' is a shell redirection, not a volume source"),
          Map.entry(38, "'<path/to/...>' placeholders are shell redirections"),
          Map.entry(89, "drops ports under --network host; Keycard keeps what was written"),
          Map.entry(88, "joins lines a shell would not join"));

  static Stream<Arguments> cases() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(Corpus.ROOT.resolve("composerize/cases.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      if (c.path("expected_compose").isNull() || c.hasNonNull("existing_compose") || QUIRKS.containsKey(i)) {
        continue;
      }
      out.add(Arguments.of(i, c.path("name").asText(), c.path("command").asText(), c.path("expected_compose").asText()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "#{0} {1}")
  @MethodSource("cases")
  void composerizeCase_dockerRunAndExpectedCompose_agreeOnSecurity(int index, String name, String command, String compose) {
    ParsedInput run = Corpus.parse(command, Formats.named("docker-run"));
    ParsedInput expected = Corpus.parse(compose, Formats.named("compose"));
    assertThat(run.errors()).as("docker run errors").isEmpty();
    assertThat(expected.errors()).as("compose errors").isEmpty();
    assertThat(run.containers()).hasSameSizeAs(expected.containers());
    for (int i = 0; i < run.containers().size(); i++) {
      assertThat(LinuxserverPairsTest.Security.of(run.containers().get(i)))
          .as("container %d", i)
          .isEqualTo(LinuxserverPairsTest.Security.of(expected.containers().get(i)));
    }
  }
}
