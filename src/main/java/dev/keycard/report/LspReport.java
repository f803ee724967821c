package dev.keycard.report;

import dev.keycard.engine.Undecided;
import dev.keycard.engine.Finding;
import dev.keycard.model.Diagnostic;
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
 * verified fix, carrying a {@code WorkspaceEdit} against the document URI. A fix whose impact is
 * {@code safe} is {@code isPreferred} (an editor may apply it with "fix all"); one that needs a
 * review is not, says so in its title, and carries its {@code breaks} sentence in {@code data}.
 * Warnings are Warning (or, for a value Keycard could not know, Information) diagnostics; an input
 * that does not parse is answered with its errors as Error diagnostics ({@link #ofErrors}).
 */
public final class LspReport {
  private LspReport() {}

  /** {@code {"uri": ..., "diagnostics": [...], "code_actions": [...]}} for one evaluation. */
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
    for (Diagnostic w : e.warnings()) {
      diagnostics.add(
          note(
              warningSeverity(w.code()),
              w.code(),
              w.message(),
              w.span() == null ? null : w.span().start(),
              w.span() == null ? null : w.span().end()));
    }
    return envelope(uri, diagnostics, actions);
  }

  /**
   * The answer for an input that could not be evaluated (it does not parse): one Error diagnostic
   * per error at its range, so that an editor shows it where the user is typing, and no actions.
   */
  public static Map<String, Object> ofErrors(String uri, List<Note> errors) {
    List<Object> diagnostics = new ArrayList<>();
    for (Note n : errors) {
      Position start = n.line() == null ? null : new Position(n.line(), Math.max(1, n.column()), 0);
      Position end =
          n.endLine() == null || n.endColumn() == null
              ? start
              : new Position(n.endLine(), Math.max(1, n.endColumn()), 0);
      diagnostics.add(note(1, n.code(), n.message(), start, end));
    }
    return envelope(uri, diagnostics, List.of());
  }

  /** An error outside any rule: its code, message and 1-based range (null when unknown). */
  public record Note(
      String code, String message, Integer line, Integer column, Integer endLine, Integer endColumn) {}

  /**
   * The LSP severity of a warning: Information for a value Keycard could not know or a file it did
   * not read (the input may be fine), Warning for everything else (an unknown flag, an invalid
   * value, a waiver that waives nothing).
   */
  static int warningSeverity(String code) {
    return code != null
            && (code.contains("unresolved") || code.contains("unread") || code.contains("not_read"))
        ? 3
        : 2;
  }

  private static Map<String, Object> note(
      int severity, String code, String message, Position start, Position end) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("range", range(start, end));
    d.put("severity", severity);
    if (code != null) {
      d.put("code", code);
    }
    d.put("source", "keycard");
    d.put("message", message);
    return d;
  }

  /**
   * The envelope: Keycard's own fields are snake_case like the rest of the API ({@code uri}, {@code
   * diagnostics}, {@code code_actions}); what they hold are LSP 3.17 objects as LSP spells them.
   */
  private static Map<String, Object> envelope(String uri, List<Object> diagnostics, List<Object> actions) {
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
    boolean review = r.review();
    a.put(
        "title",
        "Fix "
            + f.ruleId()
            + (review ? " (review before applying)" : "")
            + ": "
            + SarifReport.oneLine(r.description()));
    a.put("kind", "quickfix");
    a.put("diagnostics", List.of(diagnostic));
    a.put("isPreferred", !review);
    a.put("edit", Map.of("changes", Map.of(uri, edits)));
    if (r.impact() != null) {
      a.put(
          "data",
          review && r.impact().breaks() != null
              ? Views.map("impact", r.impact().impact().apiName(), "breaks", r.impact().breaks())
              : Views.map("impact", r.impact().impact().apiName()));
    }
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
