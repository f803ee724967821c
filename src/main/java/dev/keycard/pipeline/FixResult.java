package dev.keycard.pipeline;

import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Remedies;
import java.util.List;

/**
 * Every fix applied: the evaluation of the input as sent (with its verified fixes), the input text
 * before and after (for {@code docker run}, the command lines), every JSON Patch operation in the
 * order applied, how many fixes were applied, and the evaluation of the fixed input.
 */
public record FixResult(
    Evaluation evaluation,
    Remedies remedies,
    String before,
    String fixed,
    List<PatchOp> patch,
    int applied,
    Evaluation after,
    ParsedInput fixedInput) {
  public FixResult {
    patch = List.copyOf(patch);
  }
}
