package dev.keycard.format.dockerrun;

import static dev.keycard.format.dockerrun.Runs.one;
import static dev.keycard.format.dockerrun.Runs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Mount;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documentation placeholders ({@code <data-dir>}, {@code <your-token>}) are opaque values only the
 * client knows, where sh would read a redirection; real redirections keep their sh meaning.
 */
class PlaceholdersTest {

  @Test
  void portainerDocs_placeholderSource_isUnknownAndTheSocketMountIsKept() {
    Container c =
        one(
            "docker run -d -v <data-dir>:/data -v /var/run/docker.sock:/var/run/docker.sock"
                + " portainer/portainer-ce");
    assertThat(c.image()).isEqualTo("portainer/portainer-ce");
    assertThat(c.mounts())
        .extracting(Mount::source, Mount::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("<data-dir>", "/data"),
            org.assertj.core.groups.Tuple.tuple("/var/run/docker.sock", "/var/run/docker.sock"));
    assertThat(c.mounts().get(0).type()).isEqualTo(Mount.BIND);
    assertThat(c.unknown()).containsExactly("mounts[0].source");
  }

  @Test
  void placeholderValue_keepsTheFlagsAroundIt() {
    Container c = one("docker run -e TOKEN=<your-token> --privileged nginx");
    assertThat(c.privileged()).isTrue();
    assertThat(c.image()).isEqualTo("nginx");
    assertThat(c.environment())
        .singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo("<your-token>"));
    assertThat(c.unknown()).containsExactly("environment.TOKEN");
  }

  @Test
  void placeholder_isWarnedAboutOnceAtItsPosition() {
    ParsedInput p = parse("docker run -e TOKEN=<your-token> --privileged nginx");
    assertThat(p.errors()).isEmpty();
    assertThat(p.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_placeholder");
              assertThat(d.message()).contains("'<your-token>'").contains("placeholder");
              assertThat(d.span().toString()).isEqualTo("1:21-1:33");
            });
  }

  static Stream<Arguments> unknownPaths() {
    return Stream.of(
        Arguments.of("image", "docker run -d --privileged <image>", "image"),
        Arguments.of("command", "docker run --rm composer <command>", "command"),
        Arguments.of("user", "docker run --user <uid> nginx", "user"),
        Arguments.of("security option", "docker run --security-opt <opt> nginx", "security_opt[0]"),
        Arguments.of("capability", "docker run --cap-add <cap> nginx", "cap_add[0]"),
        Arguments.of("mount target", "docker run -v /srv:<path> nginx", "mounts[0].target"),
        Arguments.of(
            "--mount source", "docker run --mount type=bind,src=<dir>,dst=/d nginx", "mounts[0].source"),
        Arguments.of("memory", "docker run --memory <size> nginx", "memory"),
        Arguments.of("path placeholder", "docker run -v <path/to/config>:/config nginx", "mounts[0].source"),
        Arguments.of(
            "inside a url",
            "docker run -e MASTER_URL=http://<master-host-ip>:80/smokeping/ nginx",
            "environment.MASTER_URL"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownPaths")
  void placeholder_makesOnlyItsPartUnknown(String name, String command, String path) {
    ParsedInput p = parse(command);
    assertThat(p.errors()).as("errors").isEmpty();
    Container c = p.containers().get(0);
    assertThat(c.unknown()).containsExactly(path);
    assertThat(p.warnings()).extracting(Diagnostic::code).containsOnly("input_placeholder");
  }

  @Test
  void placeholderInsideAUrl_isOneWord() {
    Container c = one("docker run -e MASTER_URL=http://<master-host-ip>:80/smokeping/ nginx");
    assertThat(c.environment())
        .singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo("http://<master-host-ip>:80/smokeping/"));
  }

  @Test
  void expansionAndPlaceholder_theExpansionIsStillNamed() {
    ParsedInput p = parse("docker run -v $HOME/<dir>:/data nginx");
    assertThat(p.containers().get(0).unknown()).containsExactly("mounts[0].source");
    assertThat(p.warnings())
        .extracting(Diagnostic::code)
        .containsExactlyInAnyOrder("input_placeholder", "input_unresolved_value");
  }

  static Stream<Arguments> redirections() {
    return Stream.of(
        Arguments.of("output to a file", "docker run nginx > out.txt", List.of()),
        Arguments.of("stderr to stdout", "docker run nginx 2>&1", List.of()),
        Arguments.of("input from a file", "docker run -i nginx < in.txt", List.of()),
        Arguments.of("input without a blank", "docker run -i nginx <in.txt", List.of()),
        Arguments.of("append", "docker run nginx <in >>log", List.of()),
        Arguments.of("here-string", "docker run -i nginx <<<word", List.of()),
        Arguments.of("duplicate descriptor", "docker run -i nginx <&3", List.of()),
        Arguments.of("then append", "docker run -i nginx <in>>log", List.of()),
        Arguments.of("then duplicate", "docker run -i nginx <in>&2", List.of()),
        Arguments.of("io number", "docker run -i nginx 0<in>out", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("redirections")
  void realRedirection_keepsItsShMeaning(String name, String command, List<String> args) {
    ParsedInput p = parse(command);
    assertThat(p.errors()).as("errors").isEmpty();
    assertThat(p.warnings()).extracting(Diagnostic::code).doesNotContain("input_placeholder");
    Container c = p.containers().get(0);
    assertThat(c.image()).isEqualTo("nginx");
    assertThat(c.command() == null ? List.of() : c.command()).isEqualTo(args);
    assertThat(c.unknown()).isEmpty();
  }

  @Test
  void heredoc_isStillAHeredoc() {
    ParsedInput p = parse("cat <<EOF > x\n<not-a-placeholder>\nEOF\ndocker run nginx");
    assertThat(p.errors()).isEmpty();
    assertThat(p.warnings()).isEmpty();
    assertThat(p.containers()).singleElement().satisfies(c -> assertThat(c.unknown()).isEmpty());
  }

  @Test
  void blankInsideAngleBrackets_isNoPlaceholder_shSaysTheRedirectionHasNoTarget() {
    ParsedInput p = parse("docker run nginx <host ip>");
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("redirection"));
  }

  @Test
  void quotedAngleBrackets_areLiteralText() {
    Container c = one("docker run -e 'URL=<x>' nginx");
    assertThat(c.unknown()).isEmpty();
    assertThat(c.environment().get(0).value()).isEqualTo("<x>");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void manyOpenAngleBrackets_areReadInLinearTime() {
    String text = "docker run nginx x" + "a<".repeat(100_000);
    assertThat(parse(text).diagnostics()).isNotNull();
    String many = "docker run nginx " + "<a".repeat(100_000) + "b";
    assertThat(parse(many).diagnostics()).isNotNull();
  }
}
