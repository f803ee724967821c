package dev.keycard.format.kubernetes;

import dev.keycard.engine.Finding;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class PsaSurveyScratchTest {
  @Test
  void survey() throws Exception {
    KubeFixHarness h = KubeFixHarness.SHIPPED;
    Map<String, int[]> counts = new TreeMap<>();
    try (var s = Files.list(Path.of("../shared/corpus/k8s-psa/restricted/fail"))) {
      for (Path p : s.sorted().toList()) {
        String text = Files.readString(p);
        Evaluation e = h.evaluate(text, "restricted");
        Remedies r = h.remedies(e, "restricted");
        for (Finding f : e.findings()) {
          if (!f.fix().isEmpty()) {
            int[] c = counts.computeIfAbsent(f.ruleId() + " " + f.fix().get(0).op() + " " + f.fix().get(0).field(), k -> new int[2]);
            c[0]++;
            if (r.of(f) != null) c[1]++;
            else if (!f.ruleId().equals("KC-042")) System.out.println("NOFIX " + p.getFileName() + " " + f.ruleId() + " " + f.message());
          }
        }
        if (p.getFileName().toString().startsWith("hostpathvolumes0") || p.getFileName().toString().startsWith("sysctls0") || p.getFileName().toString().startsWith("capabilities_baseline1")) {
          FixResult fr = h.fixAll(text, "restricted");
          System.out.println("FIXED " + p.getFileName() + "\n" + fr.fixed() + "\nREMAINING " + fr.after().findings().stream().map(Finding::ruleId).toList());
        }
      }
    }
    counts.forEach((k, v) -> System.out.println("SURVEY " + k + " " + v[0] + " fixed " + v[1]));
  }
}
