package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keycard.format.FieldSource;
import dev.keycard.format.FieldValues;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes path a row names sets the row's field: a pod whose one container (or whose
 * spec, or metadata) writes only that path comes out with the field set.
 */
class KubernetesFieldRowsTest {
  private static final JsonMapper JSON = new JsonMapper();

  /** A value for each key a row's path ends in. */
  private static final Map<String, Object> SAMPLES =
      Map.ofEntries(
          Map.entry("name", "app"),
          Map.entry("image", "nginx"),
          Map.entry("runAsUser", 1000),
          Map.entry("runAsGroup", 1000),
          Map.entry("runAsNonRoot", true),
          Map.entry("privileged", true),
          Map.entry("hostProcess", true),
          Map.entry("add", List.of("NET_ADMIN")),
          Map.entry("drop", List.of("ALL")),
          Map.entry("readOnlyRootFilesystem", true),
          Map.entry("allowPrivilegeEscalation", false),
          Map.entry("seccompProfile", Map.of("type", "Unconfined")),
          Map.entry("appArmorProfile", Map.of("type", "Unconfined")),
          Map.entry("seLinuxOptions", Map.of("type", "spc_t")),
          Map.entry("procMount", "Unmasked"),
          Map.entry("memory", "512Mi"),
          Map.entry("cpu", "500m"),
          Map.entry("hostNetwork", true),
          Map.entry("hostPID", true),
          Map.entry("hostIPC", true),
          Map.entry("hostUsers", false),
          Map.entry("sysctls", List.of(Map.of("name", "net.ipv4.ip_forward", "value", "1"))),
          Map.entry("env", List.of(Map.of("name", "A", "value", "1"))),
          Map.entry("restartPolicy", "OnFailure"),
          Map.entry("livenessProbe", Map.of("exec", Map.of("command", List.of("true")))),
          Map.entry("readinessProbe", Map.of("exec", Map.of("command", List.of("true")))),
          Map.entry("host", "10.0.0.1"),
          Map.entry("args", List.of("sleep", "1")),
          Map.entry("command", List.of("/bin/sh")));

  /** Paths that set their field only with a companion setting: the whole pod spec to use. */
  private static final Map<String, Map<String, Object>> SPECIAL =
      Map.of(
          "networks spec.hostNetwork", spec(Map.of(), Map.of("hostNetwork", false)),
          "os spec.os.name", spec(Map.of(), Map.of("os", Map.of("name", "linux"))),
          "mounts volumeMounts", hostPathPod(),
          "mounts spec.volumes", hostPathPod(),
          "volumes spec.volumes",
              spec(Map.of(), Map.of("volumes", List.of(Map.of("name", "v", "emptyDir", Map.of())))),
          "ports ports[].hostPort",
              spec(Map.of("ports", List.of(Map.of("containerPort", 80, "hostPort", 8080))), Map.of()),
          "ports ports[].hostIP",
              spec(
                  Map.of(
                      "ports",
                      List.of(Map.of("containerPort", 80, "hostPort", 8080, "hostIP", "127.0.0.1"))),
                  Map.of()));

  private static Map<String, Object> hostPathPod() {
    return spec(
        Map.of("volumeMounts", List.of(Map.of("name", "h", "mountPath", "/data"))),
        Map.of("volumes", List.of(Map.of("name", "h", "hostPath", Map.of("path", "/srv")))));
  }

  /** A pod spec with {@code container}'s settings on its one container and {@code pod}'s own. */
  private static Map<String, Object> spec(Map<String, Object> container, Map<String, Object> pod) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "app");
    c.put("image", "nginx");
    c.putAll(container);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("containers", List.of(c));
    s.putAll(pod);
    return s;
  }

  private static String pod(Map<String, Object> spec, Map<String, Object> annotations) throws Exception {
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", annotations.isEmpty() ? Map.of("name", "p") : Map.of("name", "p", "annotations", annotations));
    pod.put("spec", spec);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pod);
  }

  /** {@code value} at the dotted {@code path} (a segment ending {@code []} is a one-item list). */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> into, String path, Object value) {
    String[] keys = path.split("\\.");
    Map<String, Object> at = into;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = at.get(keys[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        at.put(keys[i], next);
      }
      at = (Map<String, Object>) next;
    }
    at.put(keys[keys.length - 1], value);
  }

  private static Object sample(String path) {
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    Object v = SAMPLES.get(leaf);
    assertThat(v).as("a sample value for " + path).isNotNull();
    return v;
  }

  private static String manifest(String field, String path) throws Exception {
    Map<String, Object> special = SPECIAL.get(field + " " + path);
    if (special != null) {
      return pod(special, Map.of());
    }
    if (path.startsWith("metadata.annotations[")) {
      String key = path.substring("metadata.annotations[".length(), path.length() - 1).replace("<name>", "app");
      Object value = field.equals("seccomp") ? "unconfined" : "unconfined";
      return pod(spec(Map.of(), Map.of()), Map.of(key, value));
    }
    if (path.startsWith("spec.")) {
      Map<String, Object> pod = new LinkedHashMap<>();
      put(pod, path.substring("spec.".length()), sample(path));
      return pod(spec(Map.of(), pod), Map.of());
    }
    Map<String, Object> container = new LinkedHashMap<>();
    Object value = sample(path);
    if (path.endsWith(".host")) {
      // an httpGet needs a port
      put(container, path.substring(0, path.length() - ".host".length()), Map.of("host", value, "port", 80));
    } else {
      put(container, path, value);
    }
    return pod(spec(container, Map.of()), Map.of());
  }

  @Test
  void everyPathARowNamesSetsItsField() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, FieldSource> e : KubernetesFields.sources().entrySet()) {
      if (e.getValue().kind() != FieldSource.Kind.READ) {
        continue;
      }
      Field field = Field.named(e.getKey());
      for (String path : e.getValue().readFrom()) {
        String text = manifest(field.name(), path);
        ParsedInput in = new KubernetesParser().parse(Source.of(text), ParseOptions.defaults());
        assertThat(in.errors()).as(text).isEmpty();
        assertThat(in.containers()).as(text).hasSize(1);
        Container c = in.containers().get(0);
        assertThat(FieldValues.isSet(c, field)).as(field + " from " + path + "\n" + text).isTrue();
        checked.add(path);
      }
    }
    assertThat(checked).hasSizeGreaterThan(40);
  }

  @Test
  void theRendererRendersOnlyTheFieldsARowGivesAFix() {
    KubernetesFields.sources()
        .forEach(
            (field, s) -> assertThat(KubernetesFields.notRendered(field)).as(field).isEqualTo(!s.fixable()));
    assertThat(KubernetesFields.notRendered("host_ip")).as("an item's field is the renderer's").isFalse();
    assertThat(KubernetesFields.notRendered("pids_limit")).isTrue();
  }
}
