package dev.keycard.format.kubernetes;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.RemediationService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.util.List;
import java.util.Map;

/** The whole pipeline without Quarkus over the shipped rules, for the Kubernetes fix tests. */
final class KubeFixHarness {
  static final KubeFixHarness SHIPPED = new KubeFixHarness("policies");

  final ParseService parser;
  final EvaluationService evaluations;
  final RemediationService remediation;

  private KubeFixHarness(String policies) {
    parser = new ParseService(Formats.reader());
    PolicyService ps = new PolicyService(TestPolicyConfig.of(policies), parser);
    if (!ps.problems().isEmpty()) {
      throw new IllegalStateException("policies not ready: " + ps.problems());
    }
    evaluations = new EvaluationService(parser, ps);
    remediation = new RemediationService(parser, evaluations);
  }

  static InputRequest request(String text) {
    return new InputRequest(text, false, null, Map.of(), Map.of());
  }

  static EvaluationOptions options(String ruleset) {
    return new EvaluationOptions(ruleset, List.of(), List.of(), null);
  }

  Evaluation evaluate(String text, String ruleset) {
    InputRequest r = request(text);
    return evaluations.evaluate(parser.parse(r), r, options(ruleset));
  }

  /** An evaluation by the caller's own rules only (YAML, as a request sends them). */
  Evaluation evaluateWith(String text, String rules) {
    InputRequest r = request(text);
    return evaluations.evaluate(parser.parse(r), r, adHoc(rules));
  }

  static EvaluationOptions adHoc(String rules) {
    dev.keycard.policy.RuleFileReader reader = new dev.keycard.policy.RuleFileReader();
    List<dev.keycard.policy.RuleDefinition> defs = reader.readRules(rules, "caller");
    if (!reader.problems().isEmpty()) {
      throw new IllegalArgumentException(reader.problems().toString());
    }
    return new EvaluationOptions("baseline", defs, List.of(), null);
  }

  Remedies remedies(Evaluation e, String ruleset) {
    return remediation.remedies(e, request(e.input().source().original()), options(ruleset));
  }

  FixResult fixAll(String text, String ruleset) {
    InputRequest r = request(text);
    return remediation.fixAll(evaluate(text, ruleset), r, options(ruleset));
  }

  /** The findings of {@code rule} on {@code text}. */
  List<Finding> findings(Evaluation e, String rule) {
    return e.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  /** The text with the verified fix of the first finding of {@code rule} applied; null when none. */
  String fixed(String text, String ruleset, String rule) {
    Evaluation e = evaluate(text, ruleset);
    Finding f = findings(e, rule).stream().findFirst().orElseThrow(() -> new AssertionError("no " + rule + " finding in " + e.findings()));
    Remedy remedy = remedies(e, ruleset).of(f);
    return remedy == null ? null : TextEdit.apply(text, remedy.edits());
  }
}
