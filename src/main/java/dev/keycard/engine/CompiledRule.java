package dev.keycard.engine;

import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule whose expression, message and escalations passed the gate: immutable, shared by every
 * request. {@code fields} are the container fields the rule reads (its {@code for_each} list
 * included), so that a finding that rests on an unknown value becomes a warning instead.
 */
public record CompiledRule(
    RuleDefinition definition,
    Program when,
    Template message,
    Set<String> fields,
    List<Escalation> escalations,
    Set<String> reads) {
  public CompiledRule {
    fields = Set.copyOf(fields);
    escalations = List.copyOf(escalations);
    reads = java.util.Collections.unmodifiableSet(new TreeSet<>(reads));
  }

  public CompiledRule(
      RuleDefinition definition,
      Program when,
      Template message,
      Set<String> fields,
      List<Escalation> escalations) {
    this(definition, when, message, fields, escalations, reads(definition, when));
  }

  /**
   * A compiled {@code escalate} entry: the finding takes {@code severity} when {@code when} holds
   * (and {@code severity} is worse than the rule's). {@code fields} are the container fields it
   * reads.
   */
  public record Escalation(Severity severity, Program when, Set<String> fields) {
    public Escalation {
      fields = Set.copyOf(fields);
    }

    static Escalation of(Severity severity, Program when) {
      return new Escalation(severity, when, when.referencedFields());
    }
  }

  /**
   * Whether the rule's concept can be written in the format {@code c} was read from: a rule whose
   * companion file declares a format not expressible ({@code kubernetes} has no per-container PID
   * limit) does not run on that format's containers, where the field is absent rather than unset.
   * A container of unknown format (a caller's own model) is judged by every rule.
   */
  public boolean expressibleIn(dev.keycard.model.Container c) {
    if (c.format() == null || definition.notExpressible().isEmpty()) {
      return true; // most rules, on the evaluation's hot path: no stream, no allocation
    }
    // a loop, not notExpressibleIn's stream: this runs per rule and container
    for (dev.keycard.policy.NotExpressible n : definition.notExpressible()) {
      if (n.format().equals(c.format())) {
        return false;
      }
    }
    return true;
  }

  static CompiledRule of(
      RuleDefinition d, Program when, Template message, List<Escalation> escalations) {
    Set<String> f = new TreeSet<>(when.referencedFields());
    f.addAll(message.referencedFields());
    if (d.forEach() != null) {
      f.add(d.forEach());
    }
    return new CompiledRule(d, when, message, f, escalations);
  }

  /**
   * What deciding the rule reads of a container: its condition's reads, and for a for_each rule
   * its list's length (escalations and the message never decide whether the rule fires). Computed
   * once, when the rule is compiled: the engine asks for it per rule and container.
   */
  private static Set<String> reads(RuleDefinition definition, Program when) {
    Set<String> out = new TreeSet<>(when.reads());
    if (definition.forEach() != null) {
      out.add(definition.forEach() + "." + Reads.LIST);
    }
    return out;
  }

  /** The same compiled rule under another definition of it (a rule set's severity override). */
  public CompiledRule withDefinition(RuleDefinition d) {
    return new CompiledRule(d, when, message, fields, escalations, reads);
  }

  /**
   * An upper bound of this rule's work on one frozen container: its condition, message and
   * escalations, once per element of its for_each list (once without one).
   */
  public long cost(Map<String, Object> container) {
    long once = when.cost(container) + message.cost(container);
    for (Escalation x : escalations) {
      once += x.when().cost(container);
    }
    if (definition.forEach() == null) {
      return once;
    }
    long n = Math.max(1, Program.size(container.get(definition.forEach())));
    return n > Long.MAX_VALUE / Math.max(1, once) ? Long.MAX_VALUE : once * n;
  }

  public String id() {
    return definition.id();
  }
}
