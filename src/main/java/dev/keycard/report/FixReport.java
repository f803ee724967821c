package dev.keycard.report;

import dev.keycard.format.Format;
import dev.keycard.format.Formats;
import dev.keycard.report.FixResult;

/** Builds the {@code /v1/fix} response from a fix result. */
public final class FixReport {
  private FixReport() {}

  /** The response; {@code toCompose} adds the fixed containers as a compose document. */
  public static FixResponse of(FixResult r, boolean toCompose) {
    EvaluationResponse e = JsonReport.of(r.evaluation(), r.remedies());
    String name = r.evaluation().input().format().fixFileName();
    Format compose = Formats.named("compose");
    boolean export = toCompose && r.fixedInput().format() != compose;
    return new FixResponse(
        e.decisionId(),
        e.allow(),
        e.ruleset(),
        e.input(),
        e.summary(),
        e.findings(),
        e.suppressed(),
        e.undecided(),
        e.warnings(),
        r.fixed(),
        UnifiedDiff.of(name, r.before(), r.fixed()),
        r.patch(),
        r.applied(),
        r.after().findings().stream().map(JsonReport::finding).toList(),
        toCompose
            ? (export ? compose.export(r.fixedInput().containers()).orElseThrow() : r.fixed())
            : null,
        r.apply().apiName(),
        r.notApplied().stream().map(f -> JsonReport.finding(f, r.remedies().of(f))).toList());
  }
}
