package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import dev.keycard.policy.RuleSet;
import dev.keycard.policy.Waiver;
import java.util.List;

/**
 * One decision: the input as parsed, the rule set used, findings that count, findings waived (with
 * the waiver), every warning, and the verdict.
 */
public record Evaluation(
    String decisionId,
    boolean allow,
    RuleSet ruleSet,
    ParsedInput input,
    List<Finding> findings,
    List<Suppressed> suppressed,
    List<Diagnostic> warnings,
    long nanos) {

  /** A waived finding and the waiver that covers it. */
  public record Suppressed(Finding finding, Waiver waiver) {}
}
