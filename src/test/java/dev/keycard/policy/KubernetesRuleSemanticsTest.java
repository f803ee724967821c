package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.ShippedCatalogue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The released Docker catalogue (KC-0xx) and the Pod Security Standards rules judging Kubernetes
 * containers as the kubelet runs them: security options in Docker's vocabulary located at their
 * Kubernetes field, host ports only where a hostPort publishes one, capability names compared as
 * Pod Security Admission compares them, the pod's own SELinux options, and Windows pods.
 */
class KubernetesRuleSemanticsTest {
  static ShippedCatalogue catalogue;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
  }

  static List<CompiledRule> rules(String... ids) {
    return Arrays.stream(ids).map(id -> catalogue.rulesById().get(id)).toList();
  }

  static EngineResult evaluate(List<CompiledRule> rules, String input) {
    ParsedInput p = catalogue.parse(input, Map.of());
    assertThat(p.errors()).as(input).isEmpty();
    EngineResult r = ShippedCatalogue.evaluate(rules, p);
    assertThat(r.undecided()).isEmpty();
    assertThat(r.warnings()).isEmpty();
    return r;
  }

  static List<String> ids(EngineResult r) {
    return r.findings().stream().map(Finding::ruleId).toList();
  }

  /** A pod with one container {@code app} whose lines (indented under it) are {@code body}. */
  static String pod(String podSpec, String container) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
        + "  annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}\n"
        + "spec:\n"
        + podSpec.indent(2)
        + "  containers:\n  - name: app\n    image: nginx\n"
        + container.indent(4);
  }

  @Test
  void kc003_restricted120_trustsRunAsNonRoot_restricted110_stillAsksForAUser() {
    String enforced =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
            + "  securityContext:\n    runAsNonRoot: true\n"
            + "  containers:\n  - name: app\n    image: registry.example/app:1\n";
    String overridden =
        enforced.replace(
            "image: registry.example/app:1\n",
            "image: registry.example/app:1\n    securityContext:\n      runAsNonRoot: false\n");
    List<CompiledRule> current = catalogue.ruleSetVersion("restricted@1.2.0");
    List<CompiledRule> previous = catalogue.ruleSetVersion("restricted@1.1.0");
    assertThat(ids(evaluate(current, enforced))).doesNotContain("KC-003");
    assertThat(ids(evaluate(previous, enforced))).contains("KC-003");
    assertThat(ids(evaluate(current, overridden))).contains("KC-003");
    // Docker inputs have no runAsNonRoot: the revision judges them as before.
    assertThat(ids(evaluate(current, "docker run nginx"))).contains("KC-003");
    assertThat(ids(evaluate(current, "docker run -u 1000 nginx"))).doesNotContain("KC-003");
  }

  @Test
  void kc051_firesOnAHostPort_notOnAContainerPortAlone() {
    List<CompiledRule> kc051 = rules("KC-051");
    String unpublished = pod("", "ports:\n- {containerPort: 80}\n- {containerPort: 443, hostPort: 0}\n");
    assertThat(ids(evaluate(kc051, unpublished))).isEmpty();
    String published = pod("", "ports:\n- {containerPort: 80}\n- {containerPort: 443, hostPort: 8443}\n");
    EngineResult r = evaluate(kc051, published);
    assertThat(r.findings()).singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("KC-051");
          assertThat(f.location().path()).isEqualTo("/spec/containers/0/ports/1");
          assertThat(f.message()).contains("container port 443/tcp on every host interface");
        });
    String onOneAddress =
        pod("", "ports:\n- {containerPort: 443, hostPort: 8443, hostIP: 127.0.0.1}\n");
    assertThat(ids(evaluate(kc051, onOneAddress))).isEmpty();
  }

  @Test
  void kc204_judgesEveryHostPublishedPort_aRandomDockerHostPortToo() {
    List<CompiledRule> kc204 = rules("KC-204");
    assertThat(ids(evaluate(kc204, "docker run -p 80 nginx"))).containsExactly("KC-204");
    assertThat(evaluate(kc204, "docker run -p 80 nginx").findings().get(0).message())
        .contains("binds a random host port (to container port 80)");
    assertThat(ids(evaluate(kc204, "docker run -p 8080:80 nginx"))).containsExactly("KC-204");
    assertThat(ids(evaluate(kc204, "docker run --expose 80 nginx"))).isEmpty();
    assertThat(ids(evaluate(kc204, pod("", "ports:\n- {containerPort: 80}\n")))).isEmpty();
    assertThat(evaluate(kc204, pod("", "ports:\n- {containerPort: 80, hostPort: 8080}\n")).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("binds host port 8080 (to container port 80)"));
  }

  /** A Kubernetes setting, the KC rule that must fire on it, and where the finding points. */
  @ParameterizedTest(name = "{1} on {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          seccompProfile: {type: Unconfined}    | KC-020 | /spec/containers/0/securityContext/seccompProfile/type | seccomp=unconfined
          appArmorProfile: {type: Unconfined}   | KC-021 | /spec/containers/0/securityContext/appArmorProfile/type | apparmor=unconfined
          procMount: Unmasked                   | KC-023 | /spec/containers/0/securityContext/procMount | systempaths=unconfined
          """)
  void securityOptionRules_fireOnTheKubernetesSetting_locatedThere(
      String setting, String id, String path, String option) {
    EngineResult r =
        evaluate(rules("KC-020", "KC-021", "KC-022", "KC-023", "KC-024"), plain("securityContext:\n  " + setting + "\n"));
    assertThat(r.findings()).singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo(id);
          assertThat(f.location().path()).isEqualTo(path);
          assertThat(f.message()).contains("'" + option + "'");
        });
  }

  /** A pod without annotations, with one container {@code app}. */
  static String plain(String container) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n"
        + container.indent(4);
  }

  @Test
  void kc021_firesOnTheLegacyAppArmorAnnotation_andThePodLevelProfile() {
    EngineResult legacy = evaluate(rules("KC-021"), pod("", ""));
    assertThat(legacy.findings()).singleElement()
        .satisfies(f -> assertThat(f.location().path())
            .isEqualTo("/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1app"));
    String podLevel =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n"
            + "    appArmorProfile: {type: Unconfined}\n    seccompProfile: {type: Unconfined}\n"
            + "  containers:\n  - {name: app, image: nginx}\n";
    EngineResult r = evaluate(rules("KC-020", "KC-021"), podLevel);
    assertThat(r.findings())
        .extracting(f -> f.ruleId() + " " + f.location().path())
        .containsExactlyInAnyOrder(
            "KC-020 /spec/securityContext/seccompProfile/type",
            "KC-021 /spec/securityContext/appArmorProfile/type");
  }

  @Test
  void aHardenedPod_passesTheSecurityOptionRules() {
    String hardened =
        plain(
            "securityContext:\n  allowPrivilegeEscalation: false\n  seccompProfile: {type: RuntimeDefault}\n"
                + "  appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}\n"
                + "  seLinuxOptions: {level: \"s0:c1,c2\"}\n");
    assertThat(ids(evaluate(rules("KC-004", "KC-020", "KC-021", "KC-022", "KC-023", "KC-024"), hardened))).isEmpty();
  }

  @Test
  void pssRules_stillGiveOneFindingPerSetting() {
    String unconfined =
        pod(
            "",
            "securityContext:\n  seccompProfile: {type: Unconfined}\n  procMount: Unmasked\n"
                + "  seLinuxOptions: {type: spc_t}\n");
    assertThat(ids(evaluate(catalogue.ruleSet("pss-baseline"), unconfined)))
        .containsExactlyInAnyOrder("KC-206", "KC-207", "KC-208", "KC-209");
  }

  @ParameterizedTest(name = "add {0}: {1}")
  @CsvSource({
    "CHOWN, ''",
    "NET_BIND_SERVICE, ''",
    "chown, KC-201",
    "CAP_CHOWN, KC-201",
    "' CHOWN', KC-201",
    "net_bind_service, KC-201",
    "NET_RAW, KC-201",
    "cap_sys_admin, KC-201",
  })
  void capabilityNames_areComparedAsWritten_atBaseline(String cap, String expected) {
    String p = plain("securityContext:\n  capabilities:\n    add: ['" + cap + "']\n");
    EngineResult r = evaluate(catalogue.ruleSet("pss-baseline"), p);
    assertThat(ids(r)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    if (!expected.isEmpty()) {
      assertThat(r.findings().get(0).location().path())
          .isEqualTo("/spec/containers/0/securityContext/capabilities/add/0");
    }
  }

  @Test
  void aMisspelledAllowedCapability_isOneFinding_sayingHowItIsWritten() {
    String p =
        plain(
            "securityContext:\n  allowPrivilegeEscalation: false\n  runAsNonRoot: true\n"
                + "  seccompProfile: {type: RuntimeDefault}\n"
                + "  capabilities:\n    drop: [ALL]\n    add: [CAP_CHOWN, SETUID]\n");
    EngineResult r = evaluate(catalogue.ruleSet("pss-restricted"), p);
    // CAP_CHOWN: baseline's KC-201 (naming restricted too), not also KC-226; SETUID: KC-226
    assertThat(r.findings())
        .extracting(f -> f.ruleId() + " " + f.location().path())
        .containsExactlyInAnyOrder(
            "KC-201 /spec/containers/0/securityContext/capabilities/add/0",
            "KC-226 /spec/containers/0/securityContext/capabilities/add/1");
    assertThat(r.findings().stream().filter(f -> f.ruleId().equals("KC-201")).findFirst().orElseThrow().message())
        .contains("adds the capability CAP_CHOWN")
        .contains("write CHOWN");
    // docker normalises the names itself: --cap-add chown is CHOWN there
    assertThat(ids(evaluate(catalogue.ruleSet("pss-baseline"), "docker run --cap-add chown nginx"))).isEmpty();
  }

  @ParameterizedTest(name = "drop {0}: {1}")
  @CsvSource({"'[ALL]', ''", "'[all]', KC-225", "'[all, ALL]', ''", "'[]', KC-225", "'[NET_RAW]', KC-225"})
  void dropAll_mustBeWrittenAll_atRestricted(String drop, String expected) {
    String p =
        plain(
            "securityContext:\n  allowPrivilegeEscalation: false\n  runAsNonRoot: true\n"
                + "  seccompProfile: {type: RuntimeDefault}\n  capabilities:\n    drop: " + drop + "\n");
    assertThat(ids(evaluate(catalogue.ruleSet("pss-restricted"), p)))
        .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
  }

  @Test
  void windowsPods_areExemptFromTheLinuxOnlyRestrictedControls_notFromTheOthers() {
    String windows =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n"
            + "  containers:\n  - {name: app, image: mcr.microsoft.com/windows/nanoserver:ltsc2022}\n";
    // privilege escalation, seccomp and capabilities are exempt; running as non-root is not
    assertThat(ids(evaluate(catalogue.ruleSet("pss-restricted"), windows))).containsExactly("KC-222");
    String linux = windows.replace("windows}", "linux}");
    assertThat(ids(evaluate(catalogue.ruleSet("pss-restricted"), linux)))
        .containsExactlyInAnyOrder("KC-221", "KC-222", "KC-224", "KC-225");
  }

  @Test
  void podSelinux_isJudgedWhereTheContainersOverrideIt_once() {
    String overridden =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: s}\nspec:\n  securityContext:\n"
            + "    seLinuxOptions: {user: system_u, level: \"s0:c1,c2\"}\n  containers:\n"
            + "  - {name: a, image: nginx, securityContext: {seLinuxOptions: {}}}\n"
            + "  - {name: b, image: nginx, securityContext: {seLinuxOptions: {type: container_t}}}\n";
    EngineResult r = evaluate(catalogue.ruleSet("pss-baseline"), overridden);
    assertThat(r.findings())
        .extracting(f -> f.ruleId() + " " + f.container() + " " + f.location().path())
        .containsExactlyInAnyOrder(
            "KC-211 pod/s/a /spec/securityContext/seLinuxOptions/user",
            "KC-211 pod/s/b /spec/securityContext/seLinuxOptions/user");
    // inherited, the options are the container's own: KC-207 judges them, KC-211 stays quiet
    String inherited =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: s}\nspec:\n  securityContext:\n"
            + "    seLinuxOptions: {type: spc_t}\n  containers:\n  - {name: a, image: nginx}\n";
    assertThat(ids(evaluate(catalogue.ruleSet("pss-baseline"), inherited))).containsExactly("KC-207");
  }
}
