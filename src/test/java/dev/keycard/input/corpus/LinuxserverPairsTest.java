package dev.keycard.input.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 85 linuxserver pairs describe the same container as compose and as docker run: both must
 * parse to the same security-relevant model. The corpus README names the two pairs whose sources
 * disagree; they are checked for the disagreement it describes.
 */
class LinuxserverPairsTest {
  /** Pairs whose two snippets really describe different containers (corpus README). */
  static final Set<String> KNOWN_MISMATCHES = Set.of("airsonic-advanced", "diskover");

  static Stream<Arguments> pairs() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(Corpus.ROOT.resolve("real-world/manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : manifest) {
      String file = f.path("file").asText();
      if (file.startsWith("compose/linuxserver-") && f.hasNonNull("pair")) {
        String name = file.substring("compose/linuxserver-".length(), file.length() - ".yaml".length());
        out.add(Arguments.of(name, file, f.path("pair").asText()));
      }
    }
    assertThat(out).hasSize(85);
    return out.stream();
  }

  /** The settings a security rule can see, in a form where order and spelling do not matter. */
  record Security(
      String image, String user, boolean privileged, Set<String> capAdd, Set<String> capDrop,
      boolean readOnly, Boolean noNewPrivileges, String seccomp, String apparmor, Set<String> selinux,
      String networkMode, String pid, String ipc, Set<String> mounts, Set<String> devices,
      Set<String> ports, Map<String, String> sysctls, Map<String, String> env, String restart,
      Long memory, Set<String> tmpfs) {
    static Security of(Container c) {
      return new Security(
          c.image(), c.user(), c.privileged(), Set.copyOf(c.capAdd()), Set.copyOf(c.capDrop()),
          c.readOnly(), c.noNewPrivileges(), c.seccomp(), c.apparmor(), Set.copyOf(c.selinux()),
          c.networkMode(), c.pid(), c.ipc(),
          c.mounts().stream().map(Security::mount).collect(Collectors.toSet()),
          c.devices().stream().map(Security::device).collect(Collectors.toSet()),
          c.ports().stream().map(Security::port).collect(Collectors.toSet()),
          new TreeMap<>(c.sysctls().stream().collect(Collectors.toMap(Sysctl::name, s -> String.valueOf(s.value()), (a, b) -> b))),
          new TreeMap<>(c.environment().stream().collect(Collectors.toMap(EnvVar::name, e -> String.valueOf(e.value()), (a, b) -> b))),
          c.restartPolicy(), c.memory(),
          c.tmpfs().stream().map(t -> t.target()).collect(Collectors.toSet()));
    }

    static String mount(Mount m) {
      return m.type() + ":" + m.source() + ":" + m.target() + ":" + (m.readOnly() ? "ro" : "rw");
    }

    static String device(Device d) {
      return d.source() + ":" + d.target() + ":" + d.permissions();
    }

    static String port(Port p) {
      return p.hostIp() + ":" + p.hostPort() + "-" + p.hostPortEnd() + ":" + p.containerPort() + "-"
          + p.containerPortEnd() + "/" + p.protocol();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void linuxserverPair_composeAndDockerRun_haveTheSameSecurityModel(String name, String compose, String run) {
    ParsedInput c = Corpus.parse(Corpus.read(Corpus.ROOT.resolve("real-world").resolve(compose)), Formats.named("compose"));
    ParsedInput d = Corpus.parse(Corpus.read(Corpus.ROOT.resolve("real-world").resolve(run)), Formats.named("docker-run"));
    assertThat(c.errors()).as("compose errors").isEmpty();
    assertThat(d.errors()).as("docker run errors").isEmpty();
    if (name.equals("airsonic-advanced")) {
      // an unquoted space in '-v /path/to/other media:/media' makes 'media:/media' the image
      assertThat(d.containers().get(0).image()).isEqualTo("media:/media");
      assertThat(c.containers().get(0).mounts()).anyMatch(m -> "/path/to/other media".equals(m.source()));
      return;
    }
    if (name.equals("diskover")) {
      // three services in compose against one docker run
      assertThat(c.containers()).hasSize(3);
      assertThat(d.containers()).hasSize(1);
      return;
    }
    assertThat(KNOWN_MISMATCHES).doesNotContain(name);
    assertThat(c.containers()).hasSize(1);
    assertThat(d.containers()).hasSize(1);
    assertThat(Security.of(d.containers().get(0))).isEqualTo(Security.of(c.containers().get(0)));
  }
}
