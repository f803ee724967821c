package dev.keycard.engine;

import dev.keycard.model.Diagnostic;
import java.util.List;

/** What evaluating rules over containers produced: findings, and warnings for undecided rules. */
public record EngineResult(List<Finding> findings, List<Diagnostic> warnings) {
  public EngineResult {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }
}
