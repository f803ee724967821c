package dev.keycard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.RuleSetSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kubernetes manifests express the same intent as deploy/docker-compose.yml: non-root, no
 * capabilities, read-only root filesystem, no privilege escalation, RuntimeDefault seccomp, limits,
 * probes on the health endpoints, and extra rule sets from a ConfigMap that actually load.
 */
class KubernetesManifestsTest {
  private static final Path DIR = Path.of("deploy/kubernetes");
  private static Map<String, Object> deployment;
  private static Map<String, Object> pod;
  private static Map<String, Object> container;

  @BeforeAll
  static void load() throws IOException {
    deployment = yaml("deployment.yaml");
    pod = map(map(map(deployment, "spec"), "template"), "spec");
    container = list(pod, "containers").get(0);
  }

  @Test
  void deployment_runsAtLeastTwoReplicas() {
    assertThat(map(deployment, "spec").get("replicas")).isInstanceOf(Integer.class);
    assertThat((Integer) map(deployment, "spec").get("replicas")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void container_securityContext_isLeastPrivilege() {
    Map<String, Object> sc = map(container, "securityContext");
    assertThat(sc)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("runAsUser", 10001)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("privileged", false);
    assertThat(map(sc, "capabilities"))
        .containsEntry("drop", List.of("ALL"))
        .doesNotContainKey("add");
    assertThat(map(sc, "seccompProfile")).containsEntry("type", "RuntimeDefault");
    Map<String, Object> podSc = map(pod, "securityContext");
    assertThat(podSc).containsEntry("runAsNonRoot", true);
    assertThat(map(podSc, "seccompProfile")).containsEntry("type", "RuntimeDefault");
    assertThat(pod).containsEntry("automountServiceAccountToken", false);
    assertThat(pod).doesNotContainKeys("hostNetwork", "hostPID", "hostIPC");
  }

  @Test
  void container_resources_matchTheComposeLimits() {
    Map<String, Object> res = map(container, "resources");
    assertThat(map(res, "limits")).containsEntry("memory", "512Mi").containsKey("cpu");
    assertThat(map(res, "requests")).containsKeys("memory", "cpu");
    assertThat(env("JAVA_OPTS")).contains("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch");
  }

  @Test
  @SuppressWarnings("unchecked")
  void javaOptions_areTheSameInTheDeploymentTheComposeFileAndTheDockerfile() throws IOException {
    Map<String, Object> compose =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("deploy/docker-compose.yml")));
    Map<String, Object> keycard = map(map(compose, "services"), "keycard");
    String composeOptions = (String) map(keycard, "environment").get("JAVA_OPTS");
    String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));

    assertThat(env("JAVA_OPTS")).isEqualTo(composeOptions);
    assertThat(dockerfile).contains("JAVA_OPTS=\"" + composeOptions + "\"");
  }

  @Test
  void probes_useTheHealthEndpoints() {
    assertThat(map(map(container, "livenessProbe"), "httpGet"))
        .containsEntry("path", "/q/health/live");
    assertThat(map(map(container, "readinessProbe"), "httpGet"))
        .containsEntry("path", "/q/health/ready");
  }

  @Test
  void onlyTmp_isWritable() {
    List<Map<String, Object>> mounts = list(container, "volumeMounts");
    assertThat(mounts)
        .allSatisfy(
            m ->
                assertThat(
                        m.get("mountPath").equals("/tmp") || Boolean.TRUE.equals(m.get("readOnly")))
                    .as("mount %s is /tmp or read-only", m.get("mountPath"))
                    .isTrue());
    Map<String, Object> tmp =
        list(pod, "volumes").stream()
            .filter(v -> "tmp".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(tmp).containsKey("emptyDir");
  }

  @Test
  void extraPolicies_areMountedWhereKeycardPoliciesDirsPoints() {
    String dir = env("KEYCARD_POLICIES_DIRS");
    assertThat(list(container, "volumeMounts"))
        .anySatisfy(
            m -> {
              assertThat(m.get("name")).isEqualTo("extra-policies");
              assertThat((String) m.get("mountPath")).startsWith(dir + "/rulesets/");
            });
    Map<String, Object> vol =
        list(pod, "volumes").stream()
            .filter(v -> "extra-policies".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(map(vol, "configMap")).containsEntry("name", "keycard-policies");
  }

  @Test
  void configMapRuleSet_loadsNextToTheBundledPolicies(@TempDir Path tmp) throws Exception {
    Map<String, Object> data = map(yaml("configmap.yaml"), "data");
    Path rulesets = Files.createDirectories(tmp.resolve("rulesets"));
    for (var e : data.entrySet()) {
      Files.writeString(rulesets.resolve(e.getKey()), (String) e.getValue());
    }
    PolicyCatalog c = PolicyLoader.load(List.of(Path.of("policies"), tmp));
    var team = c.select(RuleSetSelector.parse("team-baseline@1").orElseThrow()).orElseThrow();
    assertThat(team.rules()).extracting(r -> r.id()).contains("KC-001", "KC-002", "KC-003");
  }

  @Test
  void hpa_scalesOnCpu_withAtLeastTwoReplicas() throws IOException {
    Map<String, Object> hpa = yaml("hpa.yaml");
    assertThat(hpa).containsEntry("apiVersion", "autoscaling/v2");
    Map<String, Object> spec = map(hpa, "spec");
    assertThat((Integer) spec.get("minReplicas")).isGreaterThanOrEqualTo(2);
    assertThat(map(map(list(spec, "metrics").get(0), "resource"), "target"))
        .containsEntry("type", "Utilization");
    assertThat(map(list(spec, "metrics").get(0), "resource")).containsEntry("name", "cpu");
  }

  @ParameterizedTest(name = "{0} selects the keycard pods")
  @ValueSource(strings = {"service.yaml", "pdb.yaml", "networkpolicy.yaml"})
  void manifests_selectTheKeycardPods(String file) throws IOException {
    Map<String, Object> spec = map(yaml(file), "spec");
    Object selector =
        spec.containsKey("podSelector") ? spec.get("podSelector") : spec.get("selector");
    assertThat(selector.toString()).contains("app.kubernetes.io/name=keycard");
  }

  @Test
  void networkPolicy_allowsOnlyHttpIn_andNothingOut() throws IOException {
    Map<String, Object> spec = map(yaml("networkpolicy.yaml"), "spec");
    assertThat(spec.get("policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
    assertThat(list(spec, "egress")).isEmpty();
    assertThat(list(list(spec, "ingress").get(0), "ports").get(0)).containsEntry("port", 8080);
  }

  private static String env(String name) {
    return list(container, "env").stream()
        .filter(e -> name.equals(e.get("name")))
        .map(e -> (String) e.get("value"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws IOException {
    return (Map<String, Object>)
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(DIR.resolve(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertThat(v).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertThat(v).as(key).isInstanceOf(List.class);
    return (List<Map<String, Object>>) v;
  }
}
