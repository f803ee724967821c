package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Volume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Kubernetes' own Pod Security Admission fixtures (../shared/corpus/k8s-psa, 148 Pods): every one
 * is detected as Kubernetes and parses without an error, and every container's security settings
 * equal what the fixture's YAML says, read here with a plain YAML load and the kubelet's rules
 * written out again (container over pod), never with the parser under test.
 */
class PsaFixturesParseTest {
  static final Path ROOT =
      Path.of(System.getProperty("keycard.shared", "../shared"), "corpus", "k8s-psa");
  static final InputReader READER = Formats.reader();

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHoldsThe148Pods() throws IOException {
    assertThat(fixtures().count()).isEqualTo(148);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFixture_parsesWithTheFieldsItsYamlSays(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    ParsedInput parsed = READER.read(text, false, null, ParseOptions.defaults());
    assertThat(parsed.format()).isEqualTo(Formats.named("kubernetes"));
    assertThat(parsed.errors()).as("errors").isEmpty();
    // the one warning: a sysctl no runtime sets for one container (runc refuses it, and the
    // kubelet refuses a pod with a sysctl it does not know as namespaced)
    assertThat(parsed.warnings())
        .as("warnings")
        .allSatisfy(w -> assertThat(w.message()).contains("sysctl 'othersysctl=other'"));

    Map<String, Object> pod = map(new Load(LoadSettings.builder().build()).loadFromString(text));
    String podName = (String) map(pod.get("metadata")).get("name");
    Map<String, Object> spec = map(pod.get("spec"));
    Map<String, Object> podSc = map(spec.get("securityContext"));
    Map<String, Object> annotations = map(map(pod.get("metadata")).get("annotations"));

    List<String[]> expected = new ArrayList<>();
    for (String[] kind : new String[][] {{"containers", ""}, {"initContainers", "init:"}, {"ephemeralContainers", "ephemeral:"}}) {
      for (Object o : list(spec.get(kind[0]))) {
        expected.add(new String[] {kind[0], kind[1], (String) map(o).get("name")});
      }
    }
    assertThat(parsed.containers()).hasSize(expected.size());
    int i = 0;
    for (String[] e : expected) {
      Map<String, Object> written = map(list(spec.get(e[0])).get(indexIn(spec, e)));
      Container c = parsed.containers().get(i++);
      String where = file.getFileName() + " " + c.name();
      assertThat(c.name()).isEqualTo("pod/" + podName + "/" + e[1] + e[2]);
      Map<String, Object> sc = map(written.get("securityContext"));

      assertThat(c.privileged()).as(where).isEqualTo(Boolean.TRUE.equals(sc.get("privileged")));
      Map<String, Object> caps = map(sc.get("capabilities"));
      assertThat(c.capAdd()).as(where).isEqualTo(upper(list(caps.get("add"))));
      assertThat(c.capDrop()).as(where).isEqualTo(upper(list(caps.get("drop"))));
      assertThat(c.capAddAsWritten()).as(where).isEqualTo(list(caps.get("add")));
      assertThat(c.capDropAsWritten()).as(where).isEqualTo(list(caps.get("drop")));
      assertThat(c.os()).as(where).isEqualTo(map(spec.get("os")).get("name"));
      assertThat(c.noNewPrivileges())
          .as(where)
          .isEqualTo(sc.get("allowPrivilegeEscalation") == null ? null : !(Boolean) sc.get("allowPrivilegeEscalation"));
      assertThat(c.networkMode()).as(where).isEqualTo(Boolean.TRUE.equals(spec.get("hostNetwork")) ? "host" : null);
      assertThat(c.pid()).as(where).isEqualTo(Boolean.TRUE.equals(spec.get("hostPID")) ? "host" : null);
      assertThat(c.ipc()).as(where).isEqualTo(Boolean.TRUE.equals(spec.get("hostIPC")) ? "host" : null);
      assertThat(c.userns()).as(where).isEqualTo(Boolean.FALSE.equals(spec.get("hostUsers")) ? "auto" : null);
      assertThat(c.runAsNonRoot())
          .as(where)
          .isEqualTo(Boolean.TRUE.equals(either(sc.get("runAsNonRoot"), podSc.get("runAsNonRoot"))));
      assertThat(c.uid()).as(where).isEqualTo(number(either(sc.get("runAsUser"), podSc.get("runAsUser"))));
      assertThat(c.seccomp())
          .as(where)
          .isEqualTo(profile(map(either(sc.get("seccompProfile"), podSc.get("seccompProfile")))));
      Object aaField = either(sc.get("appArmorProfile"), null);
      Object aaAnnotation = annotations.get("container.apparmor.security.beta.kubernetes.io/" + e[2]);
      String aa =
          aaField != null
              ? profile(map(aaField))
              : aaAnnotation != null ? (String) aaAnnotation : profile(map(podSc.get("appArmorProfile")));
      assertThat(c.apparmor()).as(where).isEqualTo(aa);
      assertThat(c.systempaths())
          .as(where)
          .isEqualTo("Unmasked".equals(sc.get("procMount")) ? "unconfined" : null);
      Object hp =
          either(map(sc.get("windowsOptions")).get("hostProcess"), map(podSc.get("windowsOptions")).get("hostProcess"));
      assertThat(c.hostProcess()).as(where).isEqualTo(hp);
      Map<String, Object> selinux = map(either(sc.get("seLinuxOptions"), podSc.get("seLinuxOptions")));
      List<String> labels = new ArrayList<>();
      for (String k : new String[] {"user", "role", "type", "level"}) {
        if (selinux.get(k) != null && !selinux.get(k).toString().isEmpty()) {
          labels.add(k + ":" + selinux.get(k));
        }
      }
      assertThat(c.selinux()).as(where).isEqualTo(labels);
      Map<String, Object> podSelinux = map(podSc.get("seLinuxOptions"));
      List<String> podLabels = new ArrayList<>();
      for (String k : new String[] {"user", "role", "type", "level"}) {
        if (podSelinux.get(k) != null && !podSelinux.get(k).toString().isEmpty()) {
          podLabels.add(k + ":" + podSelinux.get(k));
        }
      }
      assertThat(c.podSelinux()).as(where).isEqualTo(podLabels);
      // only host-published ports are ports of the model
      assertThat(c.ports()).as(where).allSatisfy(p -> assertThat(p.hostPort()).isNotNull());
      assertThat(c.ports().stream().map(Port::hostPort).toList())
          .as(where)
          .isEqualTo(list(written.get("ports")).stream()
              .map(p -> number(map(p).get("hostPort")))
              .filter(x -> x != null && x != 0)
              .map(Long::intValue)
              .toList());
      List<String> hosts = new ArrayList<>();
      for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
        addHosts(hosts, map(written.get(probe)));
      }
      Map<String, Object> lifecycle = map(written.get("lifecycle"));
      addHosts(hosts, map(lifecycle.get("postStart")));
      addHosts(hosts, map(lifecycle.get("preStop")));
      assertThat(c.probeHosts()).as(where).isEqualTo(hosts);
      assertThat(c.sysctls())
          .as(where)
          .isEqualTo(list(podSc.get("sysctls")).stream()
              .map(s -> new Sysctl((String) map(s).get("name"), (String) map(s).get("value")))
              .toList());
      List<Object> vols = list(spec.get("volumes"));
      assertThat(c.volumes()).as(where).hasSize(vols.size());
      for (int v = 0; v < vols.size(); v++) {
        Map<String, Object> vol = map(vols.get(v));
        String type = vol.keySet().stream().filter(k -> !k.equals("name")).findFirst().orElse("emptyDir");
        Object path = "hostPath".equals(type) ? map(vol.get("hostPath")).get("path") : null;
        assertThat(c.volumes().get(v)).as(where).isEqualTo(new Volume((String) vol.get("name"), type, (String) path));
      }
      assertThat(c.seccompDefault()).isEqualTo("unconfined");
    }
  }

  private static int indexIn(Map<String, Object> spec, String[] e) {
    List<Object> l = list(spec.get(e[0]));
    for (int k = 0; k < l.size(); k++) {
      if (Objects.equals(map(l.get(k)).get("name"), e[2])) {
        return k;
      }
    }
    throw new AssertionError("no " + e[2]);
  }

  private static void addHosts(List<String> hosts, Map<String, Object> handler) {
    for (String kind : new String[] {"httpGet", "tcpSocket"}) {
      Object h = map(handler.get(kind)).get("host");
      if (h != null) {
        hosts.add(h.toString());
      }
    }
  }

  /** The pod security profile notation (the contract's, written out again here). */
  private static String profile(Map<String, Object> p) {
    if (p.isEmpty()) {
      return null;
    }
    Object type = p.get("type");
    if ("RuntimeDefault".equals(type)) {
      return "runtime/default";
    }
    if ("Unconfined".equals(type)) {
      return "unconfined";
    }
    if ("Localhost".equals(type)) {
      return "localhost/" + Objects.toString(p.get("localhostProfile"), "");
    }
    return type == null ? "" : type.toString();
  }

  private static Object either(Object own, Object inherited) {
    return own != null ? own : inherited;
  }

  private static Long number(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }

  private static List<String> upper(List<Object> l) {
    return l.stream().map(x -> x.toString().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
