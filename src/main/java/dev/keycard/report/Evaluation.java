package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import dev.keycard.policy.RuleSet;
import dev.keycard.policy.Severity;
import dev.keycard.policy.Waiver;
import dev.keycard.engine.Undecided;
import java.util.List;

/**
 * One decision: the input as parsed, the rule set used, findings that count, findings waived (with
 * the waiver), every warning, the rules that could not be decided (a value they read is unknown)
 * and whether those deny ({@code on_unknown=deny}), the lowest severity that denies ({@code
 * fail_on}, which shapes every view) and the verdict.
 */
public record Evaluation(
    String decisionId,
    boolean allow,
    RuleSet ruleSet,
    ParsedInput input,
    List<Finding> findings,
    List<Suppressed> suppressed,
    List<Diagnostic> warnings,
    long nanos,
    List<Undecided> undecided,
    boolean unknownDenies,
    Severity failOn) {

  public Evaluation {
    undecided = undecided == null ? List.of() : List.copyOf(undecided);
    failOn = failOn == null ? Severity.LOW : failOn;
  }

  /** A waived finding and the waiver that covers it. */
  public record Suppressed(Finding finding, Waiver waiver) {}
}
