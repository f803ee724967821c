package dev.keycard.engine;

import dev.keycard.policy.RuleSet;
import java.util.List;

/** A rule-set version with every rule compiled: what the request path evaluates. */
public record CompiledRuleSet(RuleSet ruleSet, List<CompiledRule> rules) {
  public CompiledRuleSet {
    rules = List.copyOf(rules);
  }
}
