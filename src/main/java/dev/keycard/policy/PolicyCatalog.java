package dev.keycard.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every loaded rule and rule-set version; immutable, shared by all requests. */
public final class PolicyCatalog {
  private final Map<String, List<RuleSet>> ruleSets;
  private final Map<String, List<RuleDefinition>> rules;

  PolicyCatalog(List<RuleSet> sets, List<RuleDefinition> ruleDefs) {
    Map<String, List<RuleSet>> s = new TreeMap<>();
    for (RuleSet r : sets) {
      s.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
    }
    s.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(RuleSet::version).reversed()).toList());
    this.ruleSets = Map.copyOf(s);
    Map<String, List<RuleDefinition>> r = new LinkedHashMap<>();
    ruleDefs.stream()
        .sorted(Comparator.comparing(RuleDefinition::id).thenComparing(RuleDefinition::revision, Comparator.reverseOrder()))
        .forEach(d -> r.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d));
    r.replaceAll((k, v) -> List.copyOf(v));
    this.rules = Map.copyOf(r);
  }

  /** Rule-set names, sorted. */
  public List<String> names() {
    return ruleSets.keySet().stream().sorted().toList();
  }

  /** Every version of a rule set, newest first (empty when unknown). */
  public List<RuleSet> versions(String name) {
    return ruleSets.getOrDefault(name, List.of());
  }

  /** The newest version matching the selector. */
  public Optional<RuleSet> select(RuleSetSelector selector) {
    return versions(selector.name()).stream().filter(r -> selector.matches(r.version())).findFirst();
  }

  /** Every rule set version, by name then newest first. */
  public List<RuleSet> all() {
    return names().stream().flatMap(n -> versions(n).stream()).toList();
  }

  /** The newest revision of a rule. */
  public Optional<RuleDefinition> rule(String id) {
    List<RuleDefinition> revs = rules.get(id);
    return revs == null ? Optional.empty() : Optional.of(revs.get(0));
  }

  /** Every rule id, sorted. */
  public List<String> ruleIds() {
    return rules.keySet().stream().sorted().toList();
  }

  /** Every rule revision. */
  public List<RuleDefinition> rules() {
    return rules.values().stream().flatMap(List::stream).toList();
  }
}
