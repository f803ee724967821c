package dev.keycard.remediation;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.RemediationService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.util.List;
import java.util.Map;

/** The whole pipeline without Quarkus, over a given policy directory. */
record Harness(ParseService parser, EvaluationService evaluations, RemediationService remediation) {
  static final String TEST_POLICIES = "src/test/resources/remediation/policies";

  private static final Map<String, Harness> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  static Harness of(String policies) {
    return CACHE.computeIfAbsent(policies, Harness::create);
  }

  private static Harness create(String policies) {
    ParseService parser = new ParseService(Formats.reader());
    PolicyService ps = new PolicyService(TestPolicyConfig.of(policies), parser);
    if (!ps.problems().isEmpty()) {
      throw new IllegalStateException("policies not ready: " + ps.problems());
    }
    EvaluationService ev = new EvaluationService(parser, ps);
    return new Harness(parser, ev, new RemediationService(parser, ev));
  }

  static InputRequest request(String text) {
    return new InputRequest(text, false, null, Map.of(), Map.of());
  }

  Evaluation evaluate(InputRequest r, String ruleset) {
    return evaluations.evaluate(parser.parse(r), r, options(ruleset));
  }

  FixResult fix(String text, String ruleset) {
    InputRequest r = request(text);
    return remediation.fixAll(evaluate(r, ruleset), r, options(ruleset));
  }

  static EvaluationOptions options(String ruleset) {
    return new EvaluationOptions(ruleset, List.of(), List.of(), null);
  }
}
