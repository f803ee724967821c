package dev.keycard.report;

import dev.keycard.remediation.PatchOp;
import dev.keycard.report.EvaluationResponse.FindingView;
import dev.keycard.report.EvaluationResponse.InputSummary;
import dev.keycard.report.EvaluationResponse.RuleSetRef;
import dev.keycard.report.EvaluationResponse.Summary;
import dev.keycard.report.EvaluationResponse.SuppressedView;
import dev.keycard.report.EvaluationResponse.UndecidedView;
import dev.keycard.report.EvaluationResponse.WarningItem;
import java.util.List;

/**
 * The response of {@code /v1/fix}: the evaluation of the input as sent (as {@code /v1/evaluate}
 * answers it, {@code undecided} included), then {@code fixed} (the
 * input with the verified fixes {@code apply} selects applied: {@code safe} ones by default, every
 * one with {@code all}; for {@code docker run} the fixed command), {@code diff} (unified, input →
 * fixed), {@code patch} (every RFC 6902 operation, in order), how many fixes were applied, the
 * findings left after fixing, {@code compose} when asked, and {@code not_applied}: the findings
 * whose verified fix needs a review and was not applied, each with its remediation ({@code
 * breaks}, {@code alternatives}; patch and edits against the input as sent).
 */
public record FixResponse(
    String decisionId,
    boolean allow,
    RuleSetRef ruleset,
    InputSummary input,
    Summary summary,
    List<FindingView> findings,
    List<SuppressedView> suppressed,
    List<UndecidedView> undecided,
    List<WarningItem> warnings,
    String fixed,
    String diff,
    List<PatchOp> patch,
    int applied,
    List<FindingView> remaining,
    String compose,
    String apply,
    List<FindingView> notApplied) {}
