package dev.keycard.engine;

import dev.keycard.model.Diagnostic;
import java.util.List;

/**
 * What evaluating rules over containers produced: findings, the rules that could not be decided
 * because a value they read is unknown, and warnings (rules that failed to evaluate).
 */
public record EngineResult(
    List<Finding> findings, List<Undecided> undecided, List<Diagnostic> warnings) {
  public EngineResult {
    findings = List.copyOf(findings);
    undecided = List.copyOf(undecided);
    warnings = List.copyOf(warnings);
  }
}
