package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world and KICS compose file parses, and every recorded location is consistent. */
class ComposeCorpusTest {
  private static final Path SHARED = Path.of(System.getProperty("keycard.shared", "../shared"));

  static Stream<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(SHARED.resolve("corpus/real-world/compose"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(SHARED.resolve("corpus/kics-compose"), 2)) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  static ParsedInput parse(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return new ComposeParser().parse(Source.of(text), ParseOptions.defaults());
  }

  @Test
  void corpus_hasAllFiles() throws IOException {
    assertThat(corpus().filter(p -> p.toString().contains("real-world")).count()).isEqualTo(150);
    assertThat(corpus().filter(p -> p.toString().contains("kics-compose")).count()).isEqualTo(111);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusFile_parsesWithContainersAndNoError(Path file) throws IOException {
    ParsedInput in = parse(file);
    assertThat(in.errors()).as(file.toString()).isEmpty();
    assertThat(in.containers()).as(file.toString()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusFile_everyLocationSpansItsTextAndPointerResolves(Path file) throws IOException {
    ParsedInput in = parse(file);
    String original = in.source().original();
    for (Container c : in.containers()) {
      assertThat(Pointers.resolves(in.document(), c.origin().path())).isTrue();
      for (Map.Entry<String, Origin> e : c.locations().entrySet()) {
        String what = file.getFileName() + " " + c.name() + " " + e.getKey();
        Origin o = e.getValue();
        assertThat(o.span()).as(what).isNotNull();
        String text = original.substring(o.span().start().offset(), o.span().end().offset());
        assertThat(text).as(what).isNotBlank();
        assertThat(Pointers.resolves(in.document(), o.path())).as(what + " " + o.path()).isTrue();
        Object node = Pointers.get(in.document(), o.path());
        String last = Pointers.lastToken(o.path());
        if (!last.chars().allMatch(Character::isDigit)) {
          assertThat(text).as(what).contains(last);
        } else if (node instanceof String || node instanceof Number) {
          assertThat(text).as(what).contains(String.valueOf(node));
        } else if (e.getKey().matches("mounts\\[\\d+]") && node instanceof Map<?, ?> m) {
          assertThat(text).as(what).contains(String.valueOf(m.get("target")));
        }
      }
    }
  }

  private static Container container(String file, String name) throws IOException {
    ParsedInput in = parse(SHARED.resolve("corpus/real-world/compose").resolve(file));
    return in.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void portainer_mountsDockerSocket() throws IOException {
    ParsedInput in =
        parse(SHARED.resolve("corpus/real-world/compose/awesome-compose-portainer.yaml"));
    assertThat(in.containers())
        .flatExtracting(Container::mounts)
        .anyMatch(m -> m.isBind() && "/var/run/docker.sock".equals(m.source()));
  }

  @Test
  void kicsPrivileged_isPrivilegedAtTheRightLine() throws IOException {
    Path dir = SHARED.resolve("corpus/kics-compose/privileged_containers_enabled");
    ParsedInput in = parse(dir.resolve("positive1.yaml"));
    assertThat(in.containers()).anyMatch(Container::privileged);
  }

  @Test
  void kasm_isPrivilegedAtLineSix() throws IOException {
    Container kasm = container("linuxserver-kasm.yaml", "kasm");
    assertThat(kasm.privileged()).isTrue();
    assertThat(kasm.image()).isEqualTo("lscr.io/linuxserver/kasm:latest");
    assertThat(kasm.locate("privileged").span().start().line()).isEqualTo(6);
    assertThat(kasm.locate("privileged").path()).isEqualTo("/services/kasm/privileged");
  }

  @Test
  void fail2ban_addsNetAdminAndUsesHostNetwork() throws IOException {
    Container f = container("linuxserver-fail2ban.yaml", "fail2ban");
    assertThat(f.capAdd()).containsExactly("NET_ADMIN", "NET_RAW");
    assertThat(f.networkMode()).isEqualTo("host");
    assertThat(f.locate("cap_add[0]").span().start().line()).isEqualTo(7);
  }

  @Test
  void traefikGolang_frontendMountsDockerSocketAtLineTen() throws IOException {
    Container f = container("awesome-compose-traefik-golang.yaml", "frontend");
    int i = 0;
    while (!"/var/run/docker.sock".equals(f.mounts().get(i).source())) {
      i++;
    }
    assertThat(f.mounts().get(i).isBind()).isTrue();
    assertThat(f.locate("mounts[" + i + "]").span().start().line()).isEqualTo(10);
  }

  @Test
  void piholeDoh_unsetVariablesAreUnknownWithWarnings() throws IOException {
    ParsedInput in =
        parse(
            SHARED.resolve(
                "corpus/real-world/compose/awesome-compose-pihole-cloudflared-DoH.yaml"));
    assertThat(in.errors()).isEmpty();
    assertThat(in.warnings()).anyMatch(d -> d.message().contains("TIMEZONE"));
    assertThat(in.containers()).anyMatch(c -> c.unknown().contains("environment.TZ"));
  }

  @Test
  void geonetwork_healthcheckListKeepsShellCommand() throws IOException {
    ParsedInput in =
        parse(SHARED.resolve("corpus/real-world/compose/docker-library-geonetwork.yaml"));
    assertThat(in.containers())
        .anyMatch(
            c ->
                c.healthcheck() != null
                    && c.healthcheck().test().size() == 2
                    && c.healthcheck().test().get(0).equals("CMD-SHELL"));
  }
}
