package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule's fix on one Kubernetes manifest, verified by the pipeline (the fixed text parses, its
 * JSON Patch gives the same document, the finding is gone) and applied alone: the exact text.
 */
class KubernetesFixTest {
  private final KubeFixHarness h = KubeFixHarness.SHIPPED;

  static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        row("privileged removed from a block securityContext, its comment with it", "restricted", "KC-001",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      # needs the GPU\n      privileged: true\n      runAsUser: 1000\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      runAsUser: 1000\n"),
        row("privileged alone: the emptied securityContext goes too", "restricted", "KC-001",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\n    ports:\n    - containerPort: 80\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n"),
        row("flow securityContext {} gains allowPrivilegeEscalation in flow style", "restricted", "KC-004",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext: {}\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext: {allowPrivilegeEscalation: false}\n"),
        row("allowPrivilegeEscalation: true is replaced where written", "restricted", "KC-004",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      allowPrivilegeEscalation: true # legacy\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      allowPrivilegeEscalation: false # legacy\n"),
        row("absent securityContext is created in the file's indentation and dash style, comments kept", "restricted", "KC-005",
            POD + "    containers:\n      # the web server\n      - name: web   # main\n        image: nginx\n",
            POD + "    containers:\n      # the web server\n      - name: web   # main\n        image: nginx\n        securityContext:\n            capabilities:\n                drop:\n                  - ALL\n"),
        row("capabilities.drop gains ALL", "restricted", "KC-005",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        drop: [NET_RAW]\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        drop: [NET_RAW, ALL]\n"),
        row("an init container's added capability is removed", "restricted", "KC-008",
            POD + "  initContainers:\n  - name: setup\n    image: busybox\n    securityContext:\n      capabilities:\n        add:\n        - NET_RAW\n        - CHOWN\n  containers:\n  - name: app\n    image: nginx\n",
            POD + "  initContainers:\n  - name: setup\n    image: busybox\n    securityContext:\n      capabilities:\n        add:\n        - CHOWN\n  containers:\n  - name: app\n    image: nginx\n"),
        row("a Deployment's template loses hostNetwork", "restricted", "KC-010",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      hostNetwork: true  # for the metrics port\n      containers:\n      - name: web\n        image: nginx\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n"),
        row("a CronJob's pod-level runAsUser: 0 becomes 1000, the group beside it", "restricted", "KC-002",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext:\n            runAsUser: 0\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: restic\n",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext:\n            runAsUser: 1000\n            runAsGroup: 1000\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: restic\n"),
        // KC-003@1 (restricted 1.1.0) still asks a runAsNonRoot container for a user; @2 trusts it
        row("no user: runAsUser and runAsGroup in the container's securityContext", "restricted@1.1.0", "KC-003",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      runAsNonRoot: true\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      runAsNonRoot: true\n      runAsUser: 1000\n      runAsGroup: 1000\n"),
        row("no user: runAsUser and runAsGroup beside the container's other settings", "restricted", "KC-003",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      allowPrivilegeEscalation: false\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      allowPrivilegeEscalation: false\n      runAsUser: 1000\n      runAsGroup: 1000\n"),
        row("memory limit as a quantity, resources created", "restricted", "KC-040",
            POD + "  containers:\n  - name: app\n    image: nginx\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits:\n        memory: 512Mi\n"),
        row("memory limit never below the request", "restricted", "KC-040",
            POD + "  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        memory: 1Gi\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        memory: 1Gi\n      limits:\n        memory: 1Gi\n"),
        row("cpu limit beside a memory limit", "restricted", "KC-041",
            POD + "  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits:\n        memory: 256Mi\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits:\n        memory: 256Mi\n        cpu: \"1\"\n"),
        row("read-only root with an in-memory /tmp of the container's own", "restricted", "KC-032",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n    - name: app-tmp\n      mountPath: /tmp\n    securityContext:\n      readOnlyRootFilesystem: true\n  volumes:\n  - name: data\n    emptyDir: {}\n  - name: app-tmp\n    emptyDir:\n      medium: Memory\n"),
        row("read-only root; /tmp already mounted, so only the flag", "restricted", "KC-032",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - {name: scratch, mountPath: /tmp/}\n  volumes:\n  - {name: scratch, emptyDir: {}}\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - {name: scratch, mountPath: /tmp/}\n    securityContext:\n      readOnlyRootFilesystem: true\n  volumes:\n  - {name: scratch, emptyDir: {}}\n"),
        row("a non-namespaced sysctl leaves the pod's securityContext", "restricted", "KC-053",
            POD + "  securityContext:\n    runAsNonRoot: true\n    sysctls:\n    - name: kernel.core_pattern\n      value: /tmp/core\n  containers:\n  - name: app\n    image: nginx\n",
            POD + "  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: app\n    image: nginx\n"),
        row("the runtime socket mount and its volume go (no other mount uses it)", "restricted", "KC-030",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: sock\n      mountPath: /var/run/docker.sock\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n  - name: data\n    emptyDir: {}\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n"),
        row("the socket volume stays while another container mounts it", "restricted", "KC-030",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: sock\n      mountPath: /var/run/docker.sock\n  - name: agent\n    image: agent\n    volumeMounts:\n    - name: sock\n      mountPath: /var/run/docker.sock\n      readOnly: true\n  volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n  - name: agent\n    image: agent\n    volumeMounts:\n    - name: sock\n      mountPath: /var/run/docker.sock\n      readOnly: true\n  volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n"),
        row("mount propagation removed", "restricted", "KC-035",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n      mountPropagation: Bidirectional\n  volumes:\n  - name: data\n    hostPath:\n      path: /srv/data\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    hostPath:\n      path: /srv/data\n"),
        row("a host port gets hostIP", "cis-docker", "KC-051",
            POD + "  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n",
            POD + "  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n      hostIP: 127.0.0.1\n"),
        row("CRLF line endings are followed", "restricted", "KC-005",
            (POD + "  containers:\n  - name: app\n    image: nginx\n").replace("\n", "\r\n"),
            (POD + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        drop:\n        - ALL\n").replace("\n", "\r\n")),
        row("JSON (kubectl -o json): a member removed", "restricted", "KC-001",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"p\"},\n  \"spec\": {\n    \"containers\": [\n      {\n        \"name\": \"app\",\n        \"image\": \"nginx\",\n        \"securityContext\": {\"privileged\": true, \"runAsUser\": 1000}\n      }\n    ]\n  }\n}\n",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"p\"},\n  \"spec\": {\n    \"containers\": [\n      {\n        \"name\": \"app\",\n        \"image\": \"nginx\",\n        \"securityContext\": {\"runAsUser\": 1000}\n      }\n    ]\n  }\n}\n"),
        row("JSON (kubectl -o json): securityContext created", "restricted", "KC-003",
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": [{\"name\": \"app\", \"image\": \"nginx\"}]}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": [{\"name\": \"app\", \"image\": \"nginx\", \"securityContext\": {\"runAsUser\": 1000, \"runAsGroup\": 1000}}]}}"));
  }

  private static Arguments row(String name, String ruleset, String rule, String input, String expected) {
    return Arguments.of(name, ruleset, rule, input, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fix_isVerifiedAndExact(String name, String ruleset, String rule, String input, String expected) {
    assertThat(h.fixed(input, ruleset, rule)).isEqualTo(expected);
  }
}
