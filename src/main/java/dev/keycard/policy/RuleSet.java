package dev.keycard.policy;

import java.util.List;

/**
 * A rule-set version resolved to its rules (includes expanded, overrides applied), with the
 * digest of its canonical content and whether that digest is pinned in the release lock.
 */
public record RuleSet(
    String name, SemVer version, String description, List<RuleDefinition> rules, String digest,
    boolean released) {
  public RuleSet {
    rules = List.copyOf(rules);
  }

  public String key() {
    return name + "@" + version;
  }
}
