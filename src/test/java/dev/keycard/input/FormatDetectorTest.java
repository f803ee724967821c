package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatDetectorTest {
  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("plain docker run", "docker run --privileged nginx", Formats.named("docker-run")),
        Arguments.of("prompt", "$ docker run -d nginx", Formats.named("docker-run")),
        Arguments.of("sudo", "sudo docker container run nginx", Formats.named("docker-run")),
        Arguments.of("podman", "podman run alpine", Formats.named("docker-run")),
        Arguments.of("global option", "docker -H tcp://h:2376 run alpine", Formats.named("docker-run")),
        Arguments.of("compose", "services:\n  web:\n    image: nginx\n", Formats.named("compose")),
        Arguments.of("compose with comment", "# my app\nservices: {}\n", Formats.named("compose")),
        Arguments.of("yaml doc start", "---\nservices: {}\n", Formats.named("compose")),
        Arguments.of("bare service", "image: nginx\nprivileged: true\n", Formats.named("compose")),
        Arguments.of("json compose", "{\"services\": {}}", Formats.named("compose")),
        Arguments.of("create body", "{\"Image\": \"nginx\"}", Formats.named("engine-api")),
        Arguments.of("inspect array", "[{\"Id\": \"x\"}]", Formats.named("engine-api")),
        Arguments.of(
            "fenced yaml", "Is this ok?\n```yaml\nservices:\n  a: {image: x}\n```\n",
            Formats.named("compose")),
        Arguments.of(
            "fenced console", "Run:\n```console\n$ docker run -it ubuntu\n```", Formats.named("docker-run")),
        Arguments.of(
            "unlabelled fence", "see\n```\ndocker run nginx\n```", Formats.named("docker-run")),
        Arguments.of(
            "prose then command", "Is this safe?\ndocker run --privileged nginx\n",
            Formats.named("docker-run")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void detect_findsTheFormat(String name, String text, InputFormat expected) {
    assertThat(Formats.detector().detect(text, null).format()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void detect_requestedFormatWins(String name, String text, InputFormat ignored) {
    assertThat(Formats.detector().detect(text, Formats.named("engine-api")).format())
        .isEqualTo(Formats.named("engine-api"));
  }

  @org.junit.jupiter.api.Test
  void detect_fencedBlock_positionsPointIntoTheMessage() {
    String message = "Hi!\n\n```yaml\nservices:\n  web:\n    privileged: true\n```\n";
    Detection d = Formats.detector().detect(message, null);
    Source s = d.snippet().source();
    int at = s.text().indexOf("privileged");
    assertThat(s.position(at).line()).isEqualTo(6);
    assertThat(s.position(at).column()).isEqualTo(5);
  }

  @org.junit.jupiter.api.Test
  void detect_indentedFence_stripsTheIndentation() {
    String message = "1. run this:\n   ```sh\n   docker run nginx\n   ```\n";
    Detection d = Formats.detector().detect(message, null);
    assertThat(d.snippet().source().text()).isEqualTo("docker run nginx\n");
    assertThat(d.snippet().source().position(0).column()).isEqualTo(4);
  }

  @org.junit.jupiter.api.Test
  void detect_proseBeforeCommand_startsAtTheCommandLine() {
    Detection d = Formats.detector().detect("Is this safe?\n$ docker run nginx", null);
    assertThat(d.snippet().source().text()).isEqualTo("$ docker run nginx");
    assertThat(d.snippet().source().position(0).line()).isEqualTo(2);
  }
}
