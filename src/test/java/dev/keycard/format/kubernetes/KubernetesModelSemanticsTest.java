package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Port;
import org.junit.jupiter.api.Test;

/**
 * What the Kubernetes reader puts into the model beyond the agreed contract: the pod's OS,
 * capability names as written, the pod's own SELinux options, only host-published ports, and the
 * runtime's security options in Docker's vocabulary, each located at its Kubernetes field.
 */
class KubernetesModelSemanticsTest {
  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          container.apparmor.security.beta.kubernetes.io/legacy: unconfined
      spec:
        os:
          name: linux
        securityContext:
          seLinuxOptions: {type: spc_t, level: "s0:c1,c2"}
        containers:
        - name: app
          image: nginx
          ports:
          - {containerPort: 80}
          - {containerPort: 443, hostPort: 0}
          - {containerPort: 8443, hostPort: 9443}
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              add: [chown, CAP_NET_ADMIN, NET_BIND_SERVICE]
              drop: [all]
            seccompProfile: {type: Unconfined}
            appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
            seLinuxOptions: {type: container_t}
            procMount: Unmasked
        - name: legacy
          image: nginx
          securityContext:
            seccompProfile: {type: RuntimeDefault}
      """;

  static Container container(ParsedInput p, String name) {
    return p.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  static ParsedInput parse(String yaml) {
    return KubernetesParserTest.ok(yaml);
  }

  @Test
  void os_isThePodsAsWritten_nullWhenUnset() {
    ParsedInput p = parse(POD);
    for (Container c : p.containers()) {
      assertThat(c.os()).isEqualTo("linux");
      assertThat(c.locations().get("os").path()).isEqualTo("/spec/os/name");
    }
    assertThat(KubernetesParserTest.only(KubernetesParserTest.DEPLOYMENT).os()).isNull();
  }

  @Test
  void capabilities_areKeptAsWritten_besideTheNormalisedNames() {
    Container c = container(parse(POD), "pod/p/app");
    assertThat(c.capAdd()).containsExactly("CHOWN", "NET_ADMIN", "NET_BIND_SERVICE");
    assertThat(c.capAddAsWritten()).containsExactly("chown", "CAP_NET_ADMIN", "NET_BIND_SERVICE");
    assertThat(c.capDrop()).containsExactly("ALL");
    assertThat(c.capDropAsWritten()).containsExactly("all");
    assertThat(c.locations().get("cap_add_as_written[1]").path())
        .isEqualTo("/spec/containers/0/securityContext/capabilities/add/1")
        .isEqualTo(c.locations().get("cap_add[1]").path());
    Container legacy = container(parse(POD), "pod/p/legacy");
    assertThat(legacy.capAddAsWritten()).isEmpty();
    assertThat(legacy.capDropAsWritten()).isEmpty();
  }

  @Test
  void podSelinux_isThePodsOptions_onEveryContainer_overriddenOrNot() {
    ParsedInput p = parse(POD);
    Container app = container(p, "pod/p/app");
    Container legacy = container(p, "pod/p/legacy");
    assertThat(app.selinux()).containsExactly("type:container_t");
    assertThat(app.podSelinux()).containsExactly("type:spc_t", "level:s0:c1,c2");
    assertThat(legacy.selinux()).containsExactly("type:spc_t", "level:s0:c1,c2");
    assertThat(legacy.podSelinux()).isEqualTo(legacy.selinux());
    assertThat(app.locations().get("pod_selinux[0]").path())
        .isEqualTo("/spec/securityContext/seLinuxOptions/type");
    assertThat(KubernetesParserTest.only(KubernetesParserTest.DEPLOYMENT).podSelinux()).isEmpty();
  }

  @Test
  void ports_areOnlyThoseWithANonZeroHostPort() {
    Container c = container(parse(POD), "pod/p/app");
    assertThat(c.ports()).containsExactly(new Port(null, 9443, 9443, 8443, 8443, "tcp"));
    assertThat(c.locations().get("ports[0]").path()).isEqualTo("/spec/containers/0/ports/2");
    assertThat(c.locations().get("ports").path()).isEqualTo("/spec/containers/0/ports");
    Container none = KubernetesParserTest.only(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          containers:
          - name: web
            image: nginx
            ports:
            - {containerPort: 80}
        """);
    assertThat(none.ports()).isEmpty();
    assertThat(none.locations()).doesNotContainKey("ports");
  }

  @Test
  void securityOpt_isTheRuntimesOptionsInDockerVocabulary_locatedAtTheKubernetesField() {
    ParsedInput p = parse(POD);
    Container app = container(p, "pod/p/app");
    assertThat(app.securityOpt())
        .containsExactly(
            "no-new-privileges=true",
            "seccomp=unconfined",
            "apparmor=k8s-nginx",
            "label=type:container_t",
            "systempaths=unconfined");
    String sc = "/spec/containers/0/securityContext/";
    assertThat(app.locations().get("security_opt[0]").path()).isEqualTo(sc + "allowPrivilegeEscalation");
    assertThat(app.locations().get("security_opt[1]").path()).isEqualTo(sc + "seccompProfile/type");
    assertThat(app.locations().get("security_opt[2]").path()).isEqualTo(sc + "appArmorProfile/type");
    assertThat(app.locations().get("security_opt[3]").path()).isEqualTo(sc + "seLinuxOptions/type");
    assertThat(app.locations().get("security_opt[4]").path()).isEqualTo(sc + "procMount");
    Container legacy = container(p, "pod/p/legacy");
    // RuntimeDefault has no Docker spelling; the legacy AppArmor annotation does
    assertThat(legacy.securityOpt())
        .containsExactly("apparmor=unconfined", "label=type:spc_t", "label=level:s0:c1,c2");
    assertThat(legacy.locations().get("security_opt[0]").path())
        .isEqualTo("/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1legacy");
    assertThat(legacy.locations().get("security_opt[1]").path())
        .isEqualTo("/spec/securityContext/seLinuxOptions/type");
  }

  @Test
  void refusedSysctl_isRefusedByTheKubelet_notByDocker() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: s}
        spec:
          securityContext:
            sysctls:
            - {name: kernel.core_pattern, value: /x}
          containers:
          - {name: app, image: nginx}
        """;
    ParsedInput p = Formats.reader().read(pod, false, null, ParseOptions.defaults());
    assertThat(p.warnings())
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains("sysctl 'kernel.core_pattern=/x' is refused by the kubelet (it is not namespaced")
                    .endsWith("the kubelet will not start the container")
                    .doesNotContain("Docker"));
  }
}
