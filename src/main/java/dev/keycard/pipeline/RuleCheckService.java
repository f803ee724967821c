package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleFileReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code opa check} plus {@code opa test} for Keycard rules: reads submitted rules, compiles each
 * through the same gate as ad-hoc rules, runs each rule's examples. Safe to expose: nothing is
 * kept, nothing runs outside the sandbox.
 */
@ApplicationScoped
public class RuleCheckService {
  private final PolicyService policies;
  private final ParseService parser;

  public RuleCheckService(PolicyService policies, ParseService parser) {
    this.policies = policies;
    this.parser = parser;
  }

  /** The outcome for one rule: its problems (empty = ok) and how many examples ran. */
  public record RuleOutcome(String id, List<PolicyProblem> problems, int examples) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** The outcome of a check: per rule, plus problems not tied to one rule. */
  public record CheckResult(List<RuleOutcome> rules, List<PolicyProblem> problems) {
    public boolean ok() {
      return problems.isEmpty() && rules.stream().allMatch(RuleOutcome::ok);
    }
  }

  /**
   * Checks the rules in {@code text} on the rule pool, within the request's budget (a check runs
   * every example, and examples are inputs of any size): never on an HTTP worker without a
   * deadline. A full pool is an immediate overload, not a wait.
   */
  public CheckResult check(String text) {
    return policies.evaluator().call(() -> checkNow(text));
  }

  private CheckResult checkNow(String text) {
    RuleFileReader reader = new RuleFileReader();
    List<RuleDefinition> defs =
        reader.readRules(
            text, "input", Budget.current().caps().maxAdhocRules(), "a check's rules");
    Map<String, List<PolicyProblem>> byRule = new LinkedHashMap<>();
    List<PolicyProblem> general = new ArrayList<>();
    for (PolicyProblem p : reader.problems()) {
      if (p.ruleId() == null) {
        general.add(p);
      } else {
        byRule.computeIfAbsent(p.ruleId(), k -> new ArrayList<>()).add(p);
      }
    }
    Caps caps = Budget.current().caps();
    if (defs.size() > caps.maxAdhocRules()) {
      throw LimitExceeded.of(
          "max-adhoc-rules",
          caps.maxAdhocRules(),
          "a check holds at most " + caps.maxAdhocRules() + " rules; this one holds "
              + defs.size());
    }
    for (RuleDefinition d : defs) {
      int n = d.failExamples().size() + d.passExamples().size();
      if (n > caps.maxExamples()) {
        throw LimitExceeded.of(
            "max-examples",
            caps.maxExamples(),
            "rule " + d.id() + " has " + n + " examples; at most " + caps.maxExamples()
                + " are run per rule");
      }
    }
    RuleSetCompiler compiler = new RuleSetCompiler(policies.adHocGate());
    ExampleRunner examples = new ExampleRunner(parser);
    List<RuleOutcome> out = new ArrayList<>();
    for (RuleDefinition d : defs) {
      List<PolicyProblem> problems = byRule.computeIfAbsent(d.id(), k -> new ArrayList<>());
      CompiledRule c = compiler.compile(d, problems);
      int count = d.failExamples().size() + d.passExamples().size();
      if (c != null) {
        problems.addAll(examples.run(c));
      }
      if (count == 0) {
        problems.add(new PolicyProblem(d.id(), d.at(), "rule_example_missing",
            "a rule needs examples: at least one fail and one pass input", null));
      }
      out.add(new RuleOutcome(d.id(), List.copyOf(problems), count));
    }
    for (var e : byRule.entrySet()) {
      if (out.stream().noneMatch(o -> o.id().equals(e.getKey()))) {
        out.add(new RuleOutcome(e.getKey(), List.copyOf(e.getValue()), 0));
      }
    }
    return new CheckResult(out, general);
  }
}
