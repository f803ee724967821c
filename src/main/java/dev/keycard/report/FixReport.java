package dev.keycard.report;

import dev.keycard.input.InputFormat;
import dev.keycard.report.FixResult;
import dev.keycard.remediation.ComposeExport;

/** Builds the {@code /v1/fix} response from a fix result. */
public final class FixReport {
  private FixReport() {}

  /** The response; {@code toCompose} adds the fixed containers as a compose document. */
  public static FixResponse of(FixResult r, boolean toCompose) {
    EvaluationResponse e = JsonReport.of(r.evaluation(), r.remedies());
    String name =
        switch (r.evaluation().input().format()) {
          case COMPOSE -> "docker-compose.yml";
          case ENGINE_API -> "container.json";
          case DOCKER_RUN -> "command.sh";
          case KUBERNETES -> "manifest.yaml";
        };
    boolean compose = toCompose && r.fixedInput().format() != InputFormat.COMPOSE;
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
        toCompose ? (compose ? ComposeExport.of(r.fixedInput().containers()) : r.fixed()) : null,
        r.apply().apiName(),
        r.notApplied().stream().map(f -> JsonReport.finding(f, r.remedies().of(f))).toList());
  }
}
