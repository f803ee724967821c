package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.input.ParsedInput;
import dev.keycard.report.Evaluation;
import dev.keycard.testing.Work;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Attacks 3 and 4 of issue 16, rendering: every one of n repeated flags or list elements has a
 * finding, and rendering all n fixes is linear in n (no scan of the command line or the list per
 * fix): twice the elements, about twice the work, counted in bytes allocated.
 */
class RepeatedFixesRenderTest {
  private final Harness h = Harness.of("policies");
  private final Remediator remediator = Formats.remediator();

  private Runnable renderAll(String text) {
    Evaluation e = h.evaluate(Harness.request(text), "restricted");
    ParsedInput in = e.input();
    List<Finding> findings = e.findings();
    return () -> {
      for (Finding f : findings) {
        remediator.render(in, f);
      }
    };
  }

  private double growth(IntFunction<String> input, int n) {
    return Work.growth(renderAll(input.apply(n)), renderAll(input.apply(2 * n)));
  }

  private static String dockerRun(String flag, int n) {
    StringBuilder s = new StringBuilder("docker run");
    for (int i = 0; i < n; i++) {
      s.append(' ').append(flag.replace("{i}", Integer.toString(i)));
    }
    return s.append(" alpine").toString();
  }

  @Test
  void dockerSocketMountedAThousandTimes_rendersInLinearWork() {
    String text = dockerRun("-v /var/run/docker.sock:/s{i}", 1_000);
    Evaluation e = h.evaluate(Harness.request(text), "restricted");
    assertThat(
            e.findings().stream().filter(f -> f.path() != null && f.path().startsWith("mounts[")))
        .hasSizeGreaterThanOrEqualTo(1_000);
    assertThat(growth(n -> dockerRun("-v /var/run/docker.sock:/s{i}", n), 800)).isLessThan(3.0);
  }

  @Test
  void capAddRepeated_rendersInLinearWork() {
    assertThat(growth(n -> dockerRun("--cap-add SYS_ADMIN", n), 1_000)).isLessThan(3.0);
  }

  @Test
  void engineApiCapAddRepeated_rendersInLinearWork() {
    IntFunction<String> body =
        n ->
            "{\"Image\":\"alpine\",\"HostConfig\":{\"CapAdd\":["
                + String.join(",", java.util.Collections.nCopies(n, "\"SYS_ADMIN\""))
                + "]}}";
    assertThat(growth(body, 1_000)).isLessThan(3.0);
  }
}
