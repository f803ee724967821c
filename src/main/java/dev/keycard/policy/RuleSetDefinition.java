package dev.keycard.policy;

import java.util.List;
import java.util.Map;

/**
 * A rule-set version as written: its name and version, the rule sets it includes ({@code
 * baseline@1.0.0}), the rules it adds by reference ({@code KC-002}, {@code KC-002@2}), and severity
 * overrides by rule id.
 */
public record RuleSetDefinition(
    String name,
    SemVer version,
    String description,
    List<String> includes,
    List<String> rules,
    Map<String, Severity> overrides,
    SourceRef at) {
  public RuleSetDefinition {
    includes = List.copyOf(includes);
    rules = List.copyOf(rules);
    overrides = Map.copyOf(overrides);
  }

  /** {@code restricted@1.0.0}. */
  public String key() {
    return name + "@" + version;
  }
}
