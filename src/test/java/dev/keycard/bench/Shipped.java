package dev.keycard.bench;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.Limits;
import dev.keycard.engine.RuleCompiler;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.Keycard;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleSetSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline benchmarks set up alike: the bundled rules of a set, and the service's entry
 * point.
 */
final class Shipped {
  private Shipped() {}

  /** The compiled rules of the bundled rule set {@code selector} ({@code restricted}). */
  static List<CompiledRule> rules(String selector) throws dev.keycard.policy.PolicyException {
    PolicyCatalog catalog = PolicyLoader.load(List.of(Path.of("policies")));
    List<PolicyProblem> problems = new ArrayList<>();
    List<CompiledRule> rules =
        new RuleSetCompiler(new RuleCompiler(Limits.SHIPPED))
            .compileAll(
                catalog.select(RuleSetSelector.parse(selector).orElseThrow()).orElseThrow().rules(),
                problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.toString());
    }
    return rules;
  }

  /** The service's entry point over the bundled policies, without answer cache or decision log. */
  static Keycard keycard(InputReader reader) {
    ParseService parser = new ParseService(reader);
    PolicyService policies = new PolicyService(TestPolicyConfig.of("policies"), parser);
    if (!policies.problems().isEmpty()) {
      throw new IllegalStateException(policies.problems().toString());
    }
    return Keycard.uncached(parser, policies);
  }

  /** A request for {@code text} against {@code ruleset}, neither looked up nor kept in the cache. */
  static Keycard.Request request(String text, String ruleset) {
    return Keycard.Request.uncached(
        new InputRequest(text, false, null, Map.of(), Map.of()),
        new EvaluationOptions(ruleset, List.of(), List.of(), null));
  }
}
