package dev.keycard.pipeline;

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

  public CheckResult check(String text) {
    RuleFileReader reader = new RuleFileReader();
    List<RuleDefinition> defs = reader.readRules(text, "input");
    Map<String, List<PolicyProblem>> byRule = new LinkedHashMap<>();
    List<PolicyProblem> general = new ArrayList<>();
    for (PolicyProblem p : reader.problems()) {
      if (p.ruleId() == null) {
        general.add(p);
      } else {
        byRule.computeIfAbsent(p.ruleId(), k -> new ArrayList<>()).add(p);
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
