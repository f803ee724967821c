package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.pipeline.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fix that may break the program offers its alternatives in the input's own shape: a Pod's
 * reader gets {@code securityContext} snippets, not compose keys or {@code docker run} flags.
 */
class KubernetesImpactSnippetsTest {
  private final Harness h = Harness.of("policies");

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        hostNetwork: true
        containers:
          - name: app
            image: registry.example/app:1.0
            securityContext:
              privileged: true
      """;

  private List<Alternative> alternatives(String input, String rule) {
    Answer answer = h.answer(Harness.request(input), "restricted@1.2.0");
    Finding f =
        answer.evaluation().findings().stream()
            .filter(x -> x.ruleId().equals(rule))
            .findFirst()
            .orElseThrow();
    Remedy remedy = answer.remedies().of(f);
    assertThat(remedy).as("a verified fix for " + rule).isNotNull();
    return remedy.impact().alternatives();
  }

  @Test
  void privilegedPod_alternativeAddsCapabilitiesInASecurityContext() {
    assertThat(alternatives(POD, "KC-001"))
        .anySatisfy(
            a ->
                assertThat(a.snippet())
                    .contains("securityContext:", "capabilities:", "add: [NET_ADMIN]")
                    .doesNotContain("cap_add", "--cap-add"));
  }

  @Test
  void rootPod_alternativeIsRunAsNonRootOrAUid() {
    assertThat(alternatives(POD, "KC-003"))
        .anySatisfy(a -> assertThat(a.snippet()).contains("runAsNonRoot: true", "runAsUser: 1000"));
  }

  @Test
  void hostNetworkPod_alternativeDeclaresAContainerPort() {
    assertThat(alternatives(POD, "KC-010"))
        .anySatisfy(a -> assertThat(a.snippet()).contains("containerPort: 8080"));
  }
}
