package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' own Pod Security Admission fixtures ({@code ../shared/corpus/k8s-psa}): on every Pod
 * the {@code restricted} level rejects, every finding of Keycard's {@code restricted} rule set that
 * has a fix gets a verified one, unless Kubernetes cannot express it (said here, rule by rule), and
 * fixing everything leaves no finding a fix could close.
 */
class PsaFixturesFixTest {
  private static final Path FAIL = Path.of("../shared/corpus/k8s-psa/restricted/fail");

  /** Rules whose fix Kubernetes cannot express, and why. */
  private static final Map<String, String> NOT_EXPRESSIBLE =
      Map.of("KC-042", "pids_limit: a Pod has no per-container PID limit (the kubelet's podPidsLimit is node-wide)");

  private static final Map<String, int[]> COUNTS = new TreeMap<>();

  private final KubeFixHarness h = KubeFixHarness.SHIPPED;

  static Stream<Path> pods() throws IOException {
    try (Stream<Path> s = Files.list(FAIL)) {
      List<Path> all = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(all).hasSizeGreaterThan(70);
      return all.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void everyFixableFinding_hasAVerifiedFix(Path pod) throws IOException {
    String text = Files.readString(pod);
    Evaluation e = h.evaluate(text, "restricted");
    assertThat(e.input().format().apiName()).isEqualTo("kubernetes");
    Remedies remedies = h.remedies(e, "restricted");
    for (Finding f : e.findings()) {
      if (f.fix().isEmpty()) {
        continue;
      }
      int[] n = COUNTS.computeIfAbsent(f.ruleId(), k -> new int[2]);
      n[0]++;
      if (NOT_EXPRESSIBLE.containsKey(f.ruleId())) {
        assertThat(Formats.remediator().render(e.input(), f)).as(f.ruleId() + " renders nothing").isEmpty();
        continue;
      }
      assertThat(remedies.of(f)).as(f.ruleId() + " on " + f.container() + ": " + f.message()).isNotNull();
      n[1]++;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void fixingEverything_leavesNoFixableFinding(Path pod) throws IOException {
    FixResult r = h.fixAll(Files.readString(pod), "restricted");
    assertThat(r.applied()).isPositive();
    assertThat(r.after().input().errors()).isEmpty();
    for (Finding f : r.after().findings()) {
      assertThat(f.fix().isEmpty() || NOT_EXPRESSIBLE.containsKey(f.ruleId()))
          .as("left open with a fix: " + f.ruleId() + " " + f.message())
          .isTrue();
    }
  }

  @Test
  void theCorpusIsThere() throws IOException {
    assertThat(pods().count()).isEqualTo(76);
  }

  @AfterAll
  static void report() {
    COUNTS.forEach((rule, n) -> System.out.println("PSA fixes " + rule + ": " + n[1] + "/" + n[0] + " verified"));
  }
}
