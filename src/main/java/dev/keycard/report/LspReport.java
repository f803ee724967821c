package dev.keycard.report;

import dev.keycard.engine.Undecided;
import dev.keycard.engine.Finding;
import dev.keycard.model.Position;
import dev.keycard.model.Span;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.Severity;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LSP 3.17 view for IDE extensions: {@code Diagnostic}s with 0-based ranges (our positions are
 * already UTF-16, so only the base changes) and one {@code quickfix} {@code CodeAction} per
 * verified fix, carrying a {@code WorkspaceEdit} against the document URI.
 */
public final class LspReport {
  private LspReport() {}

  /** {@code {"diagnostics": [...], "code_actions": [...]}} for one evaluation. */
  public static Map<String, Object> of(Evaluation e, Remedies remedies, ReportContext ctx) {
    String uri = ctx.documentUri(e.input().format());
    List<Object> diagnostics = new ArrayList<>();
    List<Object> actions = new ArrayList<>();
    for (Finding f : e.findings()) {
      Map<String, Object> d = diagnostic(f, ctx, e.failOn());
      diagnostics.add(d);
      Remedy r = remedies.of(f);
      if (r != null && !r.edits().isEmpty()) {
        actions.add(action(f, r, d, uri));
      }
    }
    for (Undecided u : e.undecided()) {
      Map<String, Object> d = new LinkedHashMap<>();
      Span s = u.location() == null ? null : u.location().span();
      d.put("range", s == null ? range(null, null) : range(s.start(), s.end()));
      d.put("severity", e.unknownDenies() ? 1 : 3); // Error when it denies, else Information
      d.put("code", u.ruleId());
      d.put("codeDescription", Map.of("href", ctx.helpUri(u.ruleId())));
      d.put("source", "keycard");
      d.put("message", "Could not check: " + u.reason());
      d.put("data", Views.map("undecided", true));
      diagnostics.add(d);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("uri", uri);
    out.put("diagnostics", diagnostics);
    out.put("code_actions", actions);
    return out;
  }

  /**
   * The LSP {@code DiagnosticSeverity} of a finding: Error at or above {@code fail_on} (it denies),
   * below it Warning for medium and above, Information for low, Hint for info.
   */
  static int severity(Severity s, Severity failOn) {
    if (s.atLeast(failOn)) {
      return 1;
    }
    return switch (s) {
      case CRITICAL, HIGH, MEDIUM -> 2;
      case LOW -> 3;
      case INFO -> 4;
    };
  }

  private static Map<String, Object> diagnostic(Finding f, ReportContext ctx, Severity failOn) {
    Map<String, Object> d = new LinkedHashMap<>();
    Span s = f.location() == null ? null : f.location().span();
    d.put("range", s == null ? range(null, null) : range(s.start(), s.end()));
    d.put("severity", severity(f.severity(), failOn));
    d.put("code", f.ruleId());
    d.put("codeDescription", Map.of("href", ctx.helpUri(f.ruleId())));
    d.put("source", "keycard");
    d.put("message", f.message());
    d.put("data", Views.map("fingerprint", f.fingerprint(), "severity", f.severity().apiName()));
    return d;
  }

  private static Map<String, Object> action(
      Finding f, Remedy r, Map<String, Object> diagnostic, String uri) {
    List<Object> edits = new ArrayList<>();
    for (TextEdit t : r.edits()) {
      edits.add(Views.map("range", range(t.start(), t.end()), "newText", t.text()));
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("title", "Fix " + f.ruleId() + ": " + SarifReport.oneLine(r.description()));
    a.put("kind", "quickfix");
    a.put("diagnostics", List.of(diagnostic));
    a.put("isPreferred", true);
    a.put("edit", Map.of("changes", Map.of(uri, edits)));
    return a;
  }

  /** An LSP range: 0-based line and character; the whole start of the document when unknown. */
  static Map<String, Object> range(Position start, Position end) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("start", position(start));
    r.put("end", position(end));
    return r;
  }

  private static Map<String, Object> position(Position p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", p == null ? 0 : p.line() - 1);
    m.put("character", p == null ? 0 : p.column() - 1);
    return m;
  }
}
