package dev.keycard.engine;

import dev.keycard.policy.RuleDefinition;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule whose expression and message passed the gate: immutable, shared by every request. {@code
 * fields} are the container fields the rule reads (its {@code for_each} list included), so that a
 * finding that rests on an unknown value becomes a warning instead.
 */
public record CompiledRule(RuleDefinition definition, Program when, Template message, Set<String> fields) {
  public CompiledRule {
    fields = Set.copyOf(fields);
  }

  static CompiledRule of(RuleDefinition d, Program when, Template message) {
    Set<String> f = new TreeSet<>(when.referencedFields());
    f.addAll(message.referencedFields());
    if (d.forEach() != null) {
      f.add(d.forEach());
    }
    return new CompiledRule(d, when, message, f);
  }

  public String id() {
    return definition.id();
  }
}
