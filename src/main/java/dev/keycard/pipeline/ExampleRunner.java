package dev.keycard.pipeline;

import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.CompiledRuleSet;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.RuleEngine;
import dev.keycard.input.ParsedInput;
import dev.keycard.policy.NotExpressible;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleExample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs rules' own examples, as {@code opa test} runs a policy's tests: every {@code fail} input
 * must make the rule fire, every {@code pass} input must not. Each failure is a problem at the
 * example's place in the rule file.
 */
public final class ExampleRunner {
  private final ParseService parser;

  public ExampleRunner(ParseService parser) {
    this.parser = parser;
  }

  /** Runs the examples of every rule of every set once. */
  public List<PolicyProblem> run(Collection<CompiledRuleSet> sets) {
    List<PolicyProblem> problems = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (CompiledRuleSet s : sets) {
      for (CompiledRule r : s.rules()) {
        if (done.add(r.definition().key())) {
          problems.addAll(run(r));
        }
      }
    }
    return problems;
  }

  /**
   * Runs one rule's examples. A format the rule declares not expressible must be a known format,
   * and no fail example may be written in it (the rule must not fire there).
   */
  public List<PolicyProblem> run(CompiledRule rule) {
    List<PolicyProblem> problems = new ArrayList<>();
    for (NotExpressible n : rule.definition().notExpressible()) {
      try {
        ParseService.formatOf(n.format());
      } catch (IllegalArgumentException ex) {
        problems.add(new PolicyProblem(rule.id(), n.at(), "rule_example_failed", "not_expressible: " + ex.getMessage(), null));
      }
    }
    for (RuleExample e : rule.definition().failExamples()) {
      check(rule, e, true, problems);
    }
    for (RuleExample e : rule.definition().passExamples()) {
      check(rule, e, false, problems);
    }
    return problems;
  }

  private void check(CompiledRule rule, RuleExample e, boolean shouldFire, List<PolicyProblem> problems) {
    ParsedInput parsed;
    try {
      parsed = parser.parse(new InputRequest(e.input(), false, e.format(), e.files(), e.variables()));
    } catch (IllegalArgumentException ex) {
      problems.add(problem(rule, e, "example format: " + ex.getMessage()));
      return;
    }
    if (parsed.hasErrors()) {
      problems.add(problem(rule, e, "example input does not parse: " + parsed.errors().get(0).message()));
      return;
    }
    if (shouldFire && rule.definition().notExpressibleIn(parsed.format().apiName()).isPresent()) {
      problems.add(
          problem(
              rule, e,
              "fail example in " + parsed.format().apiName()
                  + ", which the rule declares not expressible (its not_expressible entry says why it cannot fire there)"));
      return;
    }
    parsed = Companions.apply(parsed, e.files());
    EngineResult result;
    try {
      result = RuleEngine.evaluateNow(List.of(rule), parsed.containers());
    } catch (BudgetExceeded | LimitExceeded ex) {
      throw ex; // the request's budget, not this example, ran out
    } catch (RuntimeException ex) {
      problems.add(problem(rule, e, "example could not be evaluated: " + ex.getMessage()));
      return;
    }
    boolean fired = !result.findings().isEmpty();
    if (fired != shouldFire) {
      problems.add(
          problem(
              rule, e,
              (shouldFire ? "fail example did not make the rule fire" : "pass example made the rule fire")
                  + " (" + parsed.format().apiName() + " input"
                  + (result.warnings().isEmpty() ? "" : "; " + result.warnings().get(0).message()) + ")"));
    }
  }

  private static PolicyProblem problem(CompiledRule r, RuleExample e, String message) {
    return new PolicyProblem(r.id(), e.at(), "rule_example_failed", message, null);
  }
}
