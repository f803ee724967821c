package dev.keycard.engine;

import dev.keycard.policy.Escalation;
import dev.keycard.policy.Located;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles rule definitions (condition, message and every escalation condition) through the gate,
 * turning every refusal into a problem positioned in the rule file ({@code file:line:col} plus the
 * offending line with a caret).
 */
public final class RuleSetCompiler {
  private final RuleCompiler gate;

  public RuleSetCompiler(RuleCompiler gate) {
    this.gate = gate;
  }

  /** Compiles every rule; problems are added to {@code problems}, failed rules left out. */
  public List<CompiledRule> compileAll(List<RuleDefinition> rules, List<PolicyProblem> problems) {
    List<CompiledRule> out = new ArrayList<>();
    for (RuleDefinition d : rules) {
      CompiledRule c = compile(d, problems);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** Compiles one rule, or adds its problems and returns null. */
  public CompiledRule compile(RuleDefinition d, List<PolicyProblem> problems) {
    Program when = null;
    Template message = null;
    try {
      when = gate.compileExpression(d.when().text(), d.forEach());
    } catch (RuleCompileException e) {
      report(d, d.when(), e, "when", problems);
    }
    try {
      message = gate.compileTemplate(d.message().text(), d.forEach());
    } catch (RuleCompileException e) {
      report(d, d.message(), e, "message", problems);
    }
    List<CompiledRule.Escalation> escalations = new ArrayList<>();
    boolean escalationsOk = true;
    for (int i = 0; i < d.escalations().size(); i++) {
      Escalation x = d.escalations().get(i);
      try {
        Program p = gate.compileExpression(x.when().text(), d.forEach());
        escalations.add(CompiledRule.Escalation.of(x.severity(), p));
      } catch (RuleCompileException e) {
        report(d, x.when(), e, "escalate[" + i + "].when", problems);
        escalationsOk = false;
      }
    }
    return when == null || message == null || !escalationsOk
        ? null
        : CompiledRule.of(d, when, message, escalations);
  }

  private static void report(
      RuleDefinition d, Located text, RuleCompileException e, String field, List<PolicyProblem> problems) {
    for (GateError g : e.errors()) {
      SourceRef at = text.position(g.offset());
      problems.add(
          new PolicyProblem(
              d.id(), at, g.code().code(), field + ": " + g.message(), g.formatWithCaret(text.text()),
              field, g.line(), g.column()));
    }
  }
}
