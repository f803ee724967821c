package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Remedies;
import java.util.List;

/**
 * The fixes applied: the evaluation of the input as sent (with its verified fixes), the input text
 * before and after (for {@code docker run}, the command lines), every JSON Patch operation in the
 * order applied, how many fixes were applied, the evaluation of the fixed input, which fixes were
 * applied ({@code apply}), and the findings of the input as sent whose verified fix needs a review
 * and was therefore not applied (still open in the fixed input; empty with {@link Apply#ALL}).
 */
public record FixResult(
    Evaluation evaluation,
    Remedies remedies,
    String before,
    String fixed,
    List<PatchOp> patch,
    int applied,
    Evaluation after,
    ParsedInput fixedInput,
    Apply apply,
    List<Finding> notApplied) {
  public FixResult {
    patch = List.copyOf(patch);
    notApplied = List.copyOf(notApplied);
  }
}
