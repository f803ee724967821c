package dev.keycard.engine;

import dev.keycard.model.Origin;
import dev.keycard.policy.FixOperation;
import dev.keycard.policy.Severity;
import java.util.List;

/**
 * A rule that fired for a container: what, how bad, where (the setting's origin, or the
 * container's own node when the setting is absent), the canonical fix, and a fingerprint that stays
 * the same when lines move (rule, container, setting).
 *
 * @param path the model path of the setting ({@code privileged}, {@code mounts[2]}); null when the
 *     finding is about an absent setting
 * @param itemIndex the index in the rule's {@code for_each} list, or -1
 */
public record Finding(
    String ruleId,
    String title,
    Severity severity,
    String message,
    String container,
    int containerIndex,
    String path,
    Origin location,
    List<String> references,
    String remediation,
    List<FixOperation> fix,
    int itemIndex,
    String fingerprint) {
  public Finding {
    references = List.copyOf(references);
    fix = List.copyOf(fix);
  }
}
