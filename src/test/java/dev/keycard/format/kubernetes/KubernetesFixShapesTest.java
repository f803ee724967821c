package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Streams, fixes Kubernetes cannot express, and confinement findings of a caller's rules. */
class KubernetesFixShapesTest {
  private final KubeFixHarness h = KubeFixHarness.SHIPPED;

  static final String STREAM =
      "# Source: app/templates/config.yaml\n"
          + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n"
          + "---\n"
          + "# Source: app/templates/pod.yaml\n"
          + "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n"
          + "  - name: web\n    image: nginx\n    securityContext:\n      privileged: true # why?\n"
          + "      runAsUser: 1000\n"
          + "---\n"
          + "apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  containers:\n"
          + "  - name: other\n    image: nginx\n    securityContext:\n      runAsUser: 1000\n";

  @Test
  void stream_onlyTheSecondDocumentIsEdited_andThePatchNamesIt() {
    Evaluation e = h.evaluate(STREAM, "restricted");
    Finding f = h.findings(e, "KC-001").get(0);
    Remedy r = h.remedies(e, "restricted").of(f);
    assertThat(r).as("a verified fix").isNotNull();
    assertThat(r.patch()).containsExactly(PatchOp.remove("/1/spec/containers/0/securityContext/privileged"));
    assertThat(TextEdit.apply(STREAM, r.edits()))
        .isEqualTo(STREAM.replace("      privileged: true # why?\n", ""));
  }

  @Test
  void stream_everyDocumentIsFixedInItsOwnPlace() {
    String stream =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: x\n"
            + "---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n    containers:\n    -   name: b\n        image: y\n";
    Evaluation e = h.evaluate(stream, "restricted");
    Remedies remedies = h.remedies(e, "restricted");
    for (Finding f : h.findings(e, "KC-005")) {
      Remedy r = remedies.of(f);
      assertThat(r).as(f.container()).isNotNull();
      assertThat(r.patch().get(0).path()).startsWith("/" + f.containerIndex() + "/spec/containers/0/");
    }
    var result = h.fixAll(stream, "restricted");
    String[] docs = result.fixed().split("---\n");
    assertThat(docs[0]).contains("  - name: a\n    image: x\n    securityContext:\n").contains("      allowPrivilegeEscalation: false\n").contains("\n  volumes:\n  - name: a-tmp\n    emptyDir:\n      medium: Memory\n");
    assertThat(docs[1]).contains("    -   name: b\n        image: y\n        securityContext:\n").contains("            allowPrivilegeEscalation: false\n").contains("\n    volumes:\n      - name: b-tmp\n");
    // KC-042 (no PID limit) does not run on Kubernetes containers: nothing is left
    assertThat(result.after().findings()).extracting(Finding::ruleId).isEmpty();
  }

  /** Findings whose fix Kubernetes cannot express, or only wrongly: no fix, never a wrong one. */
  static Stream<Arguments> noFix() {
    String pod = KubernetesFixTest.POD;
    return Stream.of(
        Arguments.of("a Windows pod takes no Linux settings", "restricted", "KC-003",
            pod + "  os:\n    name: windows\n  containers:\n  - name: app\n    image: iis\n"),
        Arguments.of("allowPrivilegeEscalation: false is refused beside CAP_SYS_ADMIN", "restricted", "KC-004",
            pod + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        add: [CAP_SYS_ADMIN]\n"),
        Arguments.of("an ephemeral container takes no resources", "restricted", "KC-040",
            pod + "  containers:\n  - name: app\n    image: nginx\n    resources: {limits: {memory: 1Gi}}\n"
                + "  ephemeralContainers:\n  - name: debug\n    image: busybox\n"),
        Arguments.of("securityContext written as an empty value has no place to write into", "restricted", "KC-005",
            pod + "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noFix")
  void notExpressible_noFix(String name, String ruleset, String rule, String input) {
    Evaluation e = h.evaluate(input, ruleset);
    Finding f = h.findings(e, rule).stream().reduce((a, b) -> b).orElseThrow();
    assertThat(Formats.remediator().render(e.input(), f)).as("the renderer declines").isEmpty();
    assertThat(h.remedies(e, ruleset).of(f)).isNull();
  }
}
