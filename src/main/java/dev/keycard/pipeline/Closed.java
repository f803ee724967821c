package dev.keycard.pipeline;

import dev.keycard.engine.Finding;
import dev.keycard.report.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether re-evaluation no longer shows a finding of the fixes applied: for a list item, as many
 * fewer of it as fixes of it were applied (4,096 {@code --cap-add SYS_ADMIN} findings share one
 * fingerprint, and each fix removes one); for a whole-container finding, none of its rule on its
 * container. Both lists hold every finding, waived or not, and are counted once.
 */
final class Closed {
  private final Map<String, Integer> before = new HashMap<>();
  private final Map<String, Integer> after = new HashMap<>();
  private final Map<String, Integer> applied = new HashMap<>();
  private final Set<String> open = new HashSet<>();

  Closed(List<Finding> before, List<Finding> after, List<RemediationService.Fix> fixes) {
    before.forEach(x -> this.before.merge(x.fingerprint(), 1, Integer::sum));
    for (Finding x : after) {
      this.after.merge(x.fingerprint(), 1, Integer::sum);
      open.add(x.containerIndex() + "\u0000" + x.ruleId());
    }
    for (RemediationService.Fix x : fixes) {
      if (x.finding().itemIndex() >= 0) {
        applied.merge(x.finding().fingerprint(), 1, Integer::sum);
      }
    }
  }

  boolean test(Finding f) {
    if (f.itemIndex() >= 0) {
      String fp = f.fingerprint();
      return after.getOrDefault(fp, 0) <= before.getOrDefault(fp, 0) - applied.getOrDefault(fp, 1);
    }
    return !open.contains(f.containerIndex() + "\u0000" + f.ruleId());
  }

  /** Every finding of an evaluation, waived or not. */
  static List<Finding> all(Evaluation e) {
    List<Finding> out = new ArrayList<>(e.findings());
    e.suppressed().forEach(s -> out.add(s.finding()));
    return out;
  }
}
