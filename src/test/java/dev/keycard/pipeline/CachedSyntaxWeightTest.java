package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cached answer weighs the parser trees its input keeps for the fix renderers: once its fixes
 * are proven, a Kubernetes answer holds the stream composed by SnakeYAML (a node and two marks for
 * every scalar), which the weigher counted as 32 bytes. Forty distinct 40 KB streams, each sent
 * twice, filled the 32 MiB cache with 206 MB of heap, four fifths of the production 256 MiB.
 */
class CachedSyntaxWeightTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final PolicyService POLICIES =
      new PolicyService(TestPolicyConfig.of("policies"), PARSER);

  private static String stream(int scalars) {
    StringBuilder sb =
        new StringBuilder(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n"
                + "    image: x\n    securityContext: {privileged: true}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: [");
    for (int i = 0; i < scalars; i++) {
      sb.append(i == 0 ? "" : ",").append('a');
    }
    return sb.append("]\n").toString();
  }

  @Test
  void aCachedAnswer_weighsTheComposedStreamItsFixesWereRenderedFrom() {
    AnswerCache cache = new AnswerCache(AnswerCacheFill.config(32L << 20), new SimpleMeterRegistry());
    EvaluationService ev = new EvaluationService(PARSER, POLICIES);
    Keycard keycard =
        new Keycard(
            PARSER, ev, new RemediationService(PARSER, ev), new RuleCheckService(POLICIES, PARSER),
            POLICIES, cache);
    Keycard.Request request =
        new Keycard.Request(
            new InputRequest(stream(20_000), false, null, Map.of(), Map.of()),
            new EvaluationOptions("restricted", List.of(), List.of(), null),
            new Keycard.Sent("restricted", null, null, null, null));
    keycard.decide(request);
    Answer kept = keycard.decide(request); // seen twice: kept
    assertThat(cache.weightedSize()).as("kept before its fixes are proven").isPositive();
    assertThat(kept.remedies().size()).isPositive(); // composes the stream for the renderer

    // 20,000 scalar nodes with two marks each: far over an entry's share (a sixteenth of 32 MiB),
    // so the answer is no longer kept; before, it stayed, weighed at about 1 MB
    assertThat(cache.weightedSize()).isZero();
  }
}
