package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Origin;
import dev.keycard.report.Evaluation;
import dev.keycard.remediation.FixImpact;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.policy.FixOperation;
import dev.keycard.policy.Severity;
import dev.keycard.report.EvaluationResponse.FindingView;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the native JSON response from an evaluation. */
public final class JsonReport {
  private JsonReport() {}

  public static EvaluationResponse of(Evaluation e) {
    return of(e, Remedies.none());
  }

  /** The response with each finding's verified fix. */
  public static EvaluationResponse of(Evaluation e, Remedies remedies) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    e.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return new EvaluationResponse(
        e.decisionId(),
        e.allow(),
        new EvaluationResponse.RuleSetRef(
            e.ruleSet().name(), e.ruleSet().version().toString(), e.ruleSet().digest()),
        new EvaluationResponse.InputSummary(
            e.input().format().apiName(), e.input().containers().stream().map(Container::name).toList()),
        new EvaluationResponse.Summary(
            e.findings().size(),
            counts.getOrDefault(Severity.CRITICAL, 0),
            counts.getOrDefault(Severity.HIGH, 0),
            counts.getOrDefault(Severity.MEDIUM, 0),
            counts.getOrDefault(Severity.LOW, 0),
            counts.getOrDefault(Severity.INFO, 0),
            e.failOn().apiName(),
            checks(Checks.totals(e))),
        e.findings().stream().map(f -> finding(f, remedies.of(f))).toList(),
        e.suppressed().stream()
            .map(s -> new EvaluationResponse.SuppressedView(
                finding(s.finding()),
                s.waiver().reason(),
                s.waiver().expires() == null ? null : s.waiver().expires().toString(),
                s.waiver().inSource() ? "comment" : "exclude"))
            .toList(),
        e.undecided().stream()
            .map(u -> new EvaluationResponse.UndecidedView(
                u.ruleId(), u.container(), u.reason(), u.location()))
            .toList(),
        e.warnings().stream().map(JsonReport::warning).toList());
  }

  private static EvaluationResponse.CheckCounts checks(Checks.Totals t) {
    return new EvaluationResponse.CheckCounts(
        t.total(), t.failed(), t.passed(), t.skipped(), t.errors());
  }

  /** One finding on the wire. */
  public static FindingView finding(Finding f) {
    return finding(f, null);
  }

  /** One finding on the wire, with its verified fix when there is one. */
  public static FindingView finding(Finding f, Remedy remedy) {
    return new FindingView(
        f.ruleId(),
        f.title(),
        f.severity().apiName(),
        f.message(),
        f.container(),
        f.location(),
        f.references(),
        f.fingerprint(),
        f.fix().stream().map(JsonReport::fix).toList(),
        remediation(f, remedy));
  }

  private static EvaluationResponse.Remediation remediation(Finding f, Remedy r) {
    if (r == null) {
      return f.remediation() == null ? null : new EvaluationResponse.Remediation(f.remediation());
    }
    FixImpact i = r.impact();
    return new EvaluationResponse.Remediation(
        r.description(),
        r.patch(),
        r.edits().isEmpty() ? null : r.edits(),
        r.command(),
        i == null ? null : i.impact().apiName(),
        i == null ? null : i.breaks(),
        i == null || i.alternatives().isEmpty() ? null : i.alternatives());
  }

  /** A canonical fix operation on the wire: {@code {op, field, value}}. */
  public static Map<String, Object> fix(FixOperation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", op.op().key());
    m.put("field", op.field());
    if (op.value() != null) {
      m.put("value", op.value());
    }
    return m;
  }

  /** A diagnostic on the wire. */
  public static EvaluationResponse.WarningItem warning(Diagnostic d) {
    Origin where = d.span() == null && d.path() == null ? null : new Origin(d.path(), d.span());
    return new EvaluationResponse.WarningItem(d.code(), d.message(), where);
  }

  /** The severities in API order, for documentation and validation messages. */
  public static List<String> severities() {
    return List.of(Severity.values()).stream().map(Severity::apiName).toList();
  }
}
