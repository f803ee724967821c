package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chat messages as users write them (src/test/resources/chat/, each after a real project's own
 * documentation): every snippet is found, every position points into the message.
 */
class ChatMessageTest {
  static final InputReader READER = Formats.reader();

  static ParsedInput read(String message) {
    return READER.read(message, false, null, ParseOptions.defaults());
  }

  static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/chat", name), StandardCharsets.UTF_8);
  }

  /** The message text a span covers. */
  static String at(ParsedInput p, Span s) {
    return p.source().original().substring(s.start().offset(), s.end().offset());
  }

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("portainer-install.md", "two sh blocks: a volume and the run", List.of("portainer")),
        Arguments.of("watchtower-sentence.md", "a docker run in a sentence", List.of("watchtower")),
        Arguments.of("cadvisor-indented.md", "an indented block", List.of("cadvisor")),
        Arguments.of(
            "jenkins-mixed.md", "an inline run and a compose block", List.of("jenkins", "jenkins", "dind")),
        Arguments.of("homeassistant-quoted.md", "a blockquoted fence", List.of("homeassistant")),
        Arguments.of("dind-console.md", "a console block with output", List.of("some-docker")),
        Arguments.of("gitlab-runner-line.md", "a command line among prose", List.of("gitlab-runner")),
        Arguments.of("minio-unfenced-compose.md", "compose without a fence", List.of("minio")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fixtures")
  void chatMessage_everySnippetIsRead(String file, String what, List<String> names)
      throws IOException {
    ParsedInput p = read(fixture(file));
    assertThat(p.errors()).as("errors").isEmpty();
    assertThat(p.containers()).extracting(Container::name).containsExactlyElementsOf(names);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fixtures")
  void chatMessage_everyLocationPointsIntoTheMessage(String file, String what, List<String> names)
      throws IOException {
    String message = fixture(file);
    ParsedInput p = read(message);
    assertThat(p.source().original()).isEqualTo(message);
    for (Container c : p.containers()) {
      c.locations()
          .forEach(
              (path, o) -> {
                if (o.span() != null && path.equals("image")) {
                  // the image word (docker run) or the whole "image: ..." entry (compose)
                  assertThat(at(p, o.span()).replace("\"", "")).as(path).endsWith(c.image());
                }
              });
    }
  }

  @Test
  void portainer_placeholderIsWarnedAtItsPlaceInTheMessage() throws IOException {
    ParsedInput p = read(fixture("portainer-install.md"));
    Diagnostic d = p.warnings().get(0);
    assertThat(d.code()).isEqualTo("input_placeholder");
    assertThat(d.span().start().line()).isEqualTo(12);
    assertThat(at(p, d.span())).isEqualTo("<data-dir>");
    Container c = p.containers().get(0);
    assertThat(c.unknown()).containsExactly("mounts[1].source");
    assertThat(c.mounts().get(0).source()).isEqualTo("/var/run/docker.sock");
  }

  @Test
  void blockquotedFence_positionsSkipTheMarkers() throws IOException {
    ParsedInput p = read(fixture("homeassistant-quoted.md"));
    Container c = p.containers().get(0);
    Span s = c.locate("privileged").span();
    assertThat(s.start().line()).isEqualTo(13);
    assertThat(at(p, s)).isEqualTo("privileged: true");
    assertThat(p.source().text()).startsWith("services:\n  homeassistant:\n");
  }

  @Test
  void indentedBlock_isTheCommandWithoutItsIndentation() throws IOException {
    ParsedInput p = read(fixture("cadvisor-indented.md"));
    Container c = p.containers().get(0);
    assertThat(c.privileged()).isTrue();
    Span s = c.locate("privileged").span();
    assertThat(s.start().line()).isEqualTo(12);
    assertThat(s.start().column()).isEqualTo(7);
    assertThat(p.snippet()).startsWith("sudo docker run \\\n  --volume=/:/rootfs:ro \\\n");
  }

  @Test
  void inlineCodeSpanAndComposeBlock_areReadSideBySide() throws IOException {
    ParsedInput p = read(fixture("jenkins-mixed.md"));
    assertThat(p.hasParts()).isTrue();
    assertThat(p.parts())
        .extracting(ParsedInput::format)
        .containsExactly(Formats.named("docker-run"), Formats.named("compose"));
    assertThat(p.document()).isNull();
    Container inline = p.containers().get(0);
    assertThat(inline.mounts()).anyMatch(m -> "/var/run/docker.sock".equals(m.source()));
    assertThat(inline.locate("image").span().start().line()).isEqualTo(1);
    Container dind = p.containers().get(2);
    assertThat(dind.privileged()).isTrue();
    assertThat(at(p, dind.locate("privileged").span())).isEqualTo("privileged: true");
    assertThat(p.locate(2).part().format()).isEqualTo(Formats.named("compose"));
    assertThat(p.locate(2).index()).isEqualTo(1);
  }

  @Test
  void sentence_commandEndsAtItsImage_beforeTheApostrophe() throws IOException {
    ParsedInput p = read(fixture("watchtower-sentence.md"));
    Container c = p.containers().get(0);
    assertThat(c.image()).isEqualTo("containrrr/watchtower");
    assertThat(c.command()).isNull();
    assertThat(p.snippet())
        .isEqualTo(
            "docker run -d --name watchtower -v /var/run/docker.sock:/var/run/docker.sock"
                + " containrrr/watchtower");
  }

  static Stream<Arguments> sentences() {
    return Stream.of(
        Arguments.of("backticks", "Try `docker run --privileged nginx` and see.", "nginx"),
        Arguments.of("no backticks", "Try docker run --privileged nginx and see.", "nginx"),
        Arguments.of("sentence end", "I just run sudo docker run -it --privileged ubuntu.", "ubuntu"),
        Arguments.of("in brackets", "(or docker run --rm --privileged alpine)", "alpine"),
        Arguments.of(
            "placeholder", "Then docker run -v <data-dir>:/data --privileged minio/minio.", "minio/minio"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sentences")
  void commandInASentence_isFound(String name, String message, String image) {
    ParsedInput p = read(message);
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).singleElement().satisfies(c -> {
      assertThat(c.image()).isEqualTo(image);
      assertThat(c.privileged()).isTrue();
    });
  }

  @Test
  void sentenceAboutDockerRun_withoutOptions_isProse() {
    ParsedInput p = read("Use docker run to start containers, it's easy.");
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("input_not_a_container_spec"));
  }

  @Test
  void consoleBlock_outputLinesAreNotCommands() throws IOException {
    ParsedInput p = read(fixture("dind-console.md"));
    assertThat(p.snippet()).doesNotContain("Unable to find image");
    assertThat(p.containers().get(0).privileged()).isTrue();
  }

  @Test
  void commandLineFollowedByAQuestion_theQuestionIsNotShell() throws IOException {
    ParsedInput p = read(fixture("gitlab-runner-line.md"));
    assertThat(p.containers().get(0).command()).isNull();
    assertThat(p.containers().get(0).locate("image").span().start().line()).isEqualTo(3);
  }

  @Test
  void composeAfterProse_withoutAFence_endsAtTheNextProse() throws IOException {
    ParsedInput p = read(fixture("minio-unfenced-compose.md"));
    assertThat(p.format()).isEqualTo(Formats.named("compose"));
    assertThat(p.source().text()).startsWith("services:\n").doesNotContain("Thanks");
  }

  @Test
  void otherLanguages_areNoContainerSpec() {
    ParsedInput p =
        read("Here:\n```python\nos.system('docker run --privileged nginx')\n```\n");
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("input_not_a_container_spec"));
  }

  @Test
  void severalCommandBlocks_eachCommandIsAContainer_inMessageOrder() {
    String message =
        "First:\n```sh\ndocker run -d --name a nginx\n```\nthen `docker run --name b --privileged alpine`\n";
    ParsedInput p = read(message);
    assertThat(p.hasParts()).isFalse();
    assertThat(p.containers()).extracting(Container::name).containsExactly("a", "b");
    assertThat(p.snippet())
        .isEqualTo("docker run -d --name a nginx\ndocker run --name b --privileged alpine");
  }

  @Test
  void dockerHostAssignment_isReadAsShDoes() {
    ParsedInput p = read("DOCKER_HOST=ssh://me@host docker run --privileged nginx");
    assertThat(p.format()).isEqualTo(Formats.named("docker-run"));
    assertThat(p.containers()).singleElement().satisfies(c -> assertThat(c.privileged()).isTrue());
    ParsedInput inChat = read("On the remote box:\n\nFOO=1 sudo docker run --privileged nginx\n");
    assertThat(inChat.containers()).singleElement().satisfies(c -> assertThat(c.privileged()).isTrue());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hostileMessages_areReadInLinearTime() {
    assertThat(read("`".repeat(200_000)).containers()).isEmpty();
    assertThat(read("a `b".repeat(50_000)).containers()).isEmpty();
    assertThat(read("> ".repeat(50_000) + "```yaml\nx").containers()).isEmpty();
    assertThat(read("see docker run ".repeat(20_000)).containers()).isNotNull();
    assertThat(read("\n    x".repeat(50_000)).containers()).isEmpty();
  }
}
