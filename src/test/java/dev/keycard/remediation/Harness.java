package dev.keycard.remediation;

import dev.keycard.format.Formats;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.Keycard;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.RemediationService;
import dev.keycard.pipeline.RuleCheckService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline without Quarkus, over a given policy directory: whole requests go through the
 * service's facade ({@link Keycard}), as the API sends them; the stages are there for tests of one.
 */
record Harness(
    ParseService parser,
    EvaluationService evaluations,
    RemediationService remediation,
    Keycard keycard) {
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
    RemediationService rem = new RemediationService(parser, ev);
    return new Harness(
        parser, ev, rem, new Keycard(parser, ev, rem, new RuleCheckService(ps, parser), ps, null));
  }

  static InputRequest request(String text) {
    return new InputRequest(text, false, null, Map.of(), Map.of());
  }

  /** What {@code POST /v1/evaluate} answers: the decision, its fixes proven when asked. */
  Answer answer(InputRequest r, String ruleset) {
    return keycard.decide(Keycard.Request.uncached(r, options(ruleset)));
  }

  /** What {@code POST /v1/evaluate} decides for the request, without its fixes. */
  Evaluation evaluate(InputRequest r, String ruleset) {
    return answer(r, ruleset).evaluation();
  }

  /** What {@code POST /v1/fix?apply=all} answers for the text. */
  FixResult fix(String text, String ruleset) {
    return keycard.fix(Keycard.Request.uncached(request(text), options(ruleset)), Apply.ALL);
  }

  static EvaluationOptions options(String ruleset) {
    return new EvaluationOptions(ruleset, List.of(), List.of(), null);
  }
}
