package dev.keycard.report;

import dev.keycard.engine.Undecided;
import dev.keycard.engine.Finding;
import dev.keycard.model.Container;
import dev.keycard.model.Span;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.Waiver;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit XML view for CI test reports (Jenkins, GitLab): one {@code testsuite} per container,
 * one {@code testcase} per rule evaluated (so passes show), a {@code failure} per rule that fired
 * with its messages and {@code file:line:col}, {@code skipped} for a waived rule, and for a rule
 * that could not be decided (a value it reads is unknown) {@code skipped} with the reason — or,
 * with {@code on_unknown=deny}, an {@code error}: never a pass.
 */
public final class JunitReport {
  /** The media type this view is served as. */
  public static final String MEDIA_TYPE = "application/xml";

  private JunitReport() {}

  /** The JUnit XML document of one evaluation. */
  public static String of(Evaluation e, ReportContext ctx) {
    String artifact = ctx.artifact(e.input().format());
    List<Views.RuleInfo> rules = Views.rules(e);
    Map<Finding, Waiver> waived = new IdentityHashMap<>();
    e.suppressed().forEach(s -> waived.put(s.finding(), s.waiver()));
    List<String> names = new ArrayList<>();
    e.input().containers().stream().map(Container::name).forEach(names::add);
    if (names.isEmpty()) {
      names.add(artifact);
    }
    // what every container repeats, escaped once
    String file = attr(artifact);
    String[] caseNames = new String[rules.size()];
    for (int i = 0; i < caseNames.length; i++) {
      caseNames[i] = attr(rules.get(i).id() + " " + rules.get(i).title());
    }
    List<Map<String, List<Undecided>>> undecidedBy = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      undecidedBy.add(new LinkedHashMap<>());
    }
    for (Undecided u : e.undecided()) {
      if (u.containerIndex() >= 0 && u.containerIndex() < names.size()) {
        undecidedBy
            .get(u.containerIndex())
            .computeIfAbsent(u.ruleId(), k -> new ArrayList<>())
            .add(u);
      }
    }
    List<Map<String, List<Finding>>> byContainer = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      byContainer.add(new LinkedHashMap<>());
    }
    for (Finding f : Views.all(e)) {
      if (f.containerIndex() >= 0 && f.containerIndex() < names.size()) {
        byContainer
            .get(f.containerIndex())
            .computeIfAbsent(f.ruleId(), k -> new ArrayList<>())
            .add(f);
      }
    }
    StringBuilder suites = new StringBuilder();
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    int errors = 0;
    for (int c = 0; c < names.size(); c++) {
      Map<String, List<Finding>> byRule = byContainer.get(c);
      Map<String, List<Undecided>> undecided = undecidedBy.get(c);
      String classname = attr("keycard." + names.get(c));
      StringBuilder cases = new StringBuilder();
      int suiteFailures = 0;
      int suiteSkipped = 0;
      int suiteErrors = 0;
      for (int i = 0; i < caseNames.length; i++) {
        Views.RuleInfo r = rules.get(i);
        List<Finding> fs = byRule.getOrDefault(r.id(), List.of());
        List<Finding> open = new ArrayList<>(fs.size());
        for (Finding f : fs) {
          if (!waived.containsKey(f)) {
            open.add(f);
          }
        }
        cases
            .append("    <testcase name=\"")
            .append(caseNames[i])
            .append("\" classname=\"")
            .append(classname)
            .append("\" file=\"")
            .append(file)
            .append('"');
        if (!open.isEmpty()) {
          suiteFailures++;
          cases.append(">\n");
          failure(cases, r, open, artifact, ctx);
          cases.append("    </testcase>\n");
        } else if (undecided.containsKey(r.id())) {
          List<Undecided> us = undecided.get(r.id());
          String reason =
              "could not check: " + us.get(0).reason()
                  + (us.size() > 1 ? " (and " + (us.size() - 1) + " more)" : "");
          if (e.unknownDenies()) {
            suiteErrors++;
            cases
                .append(">\n      <error message=\"")
                .append(attr(reason))
                .append("\" type=\"undecided\"/>\n    </testcase>\n");
          } else {
            suiteSkipped++;
            cases
                .append(">\n      <skipped message=\"")
                .append(attr(reason))
                .append("\"/>\n    </testcase>\n");
          }
        } else if (!fs.isEmpty()) {
          suiteSkipped++;
          Waiver w = waived.get(fs.get(0));
          cases
              .append(">\n      <skipped message=\"")
              .append(attr("waived: " + (w.reason() == null ? "waived by request" : w.reason())))
              .append("\"/>\n    </testcase>\n");
        } else {
          cases.append("/>\n");
        }
      }
      tests += rules.size();
      failures += suiteFailures;
      skipped += suiteSkipped;
      errors += suiteErrors;
      suites
          .append("  <testsuite name=\"")
          .append(attr(names.get(c)))
          .append("\" tests=\"")
          .append(rules.size())
          .append("\" failures=\"")
          .append(suiteFailures)
          .append("\" errors=\"")
          .append(suiteErrors)
          .append("\" skipped=\"")
          .append(suiteSkipped)
          .append("\" file=\"")
          .append(file)
          .append("\">\n")
          .append(cases)
          .append("  </testsuite>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\""
        + attr("keycard " + e.ruleSet().key())
        + "\" tests=\""
        + tests
        + "\" failures=\""
        + failures
        + "\" errors=\""
        + errors
        + "\" skipped=\""
        + skipped
        + "\">\n"
        + suites
        + "</testsuites>\n";
  }

  private static void failure(
      StringBuilder out, Views.RuleInfo r, List<Finding> open, String artifact, ReportContext ctx) {
    Finding first = open.get(0);
    String message =
        first.message()
            + " ("
            + where(artifact, first)
            + ")"
            + (open.size() > 1 ? " and " + (open.size() - 1) + " more" : "");
    out.append("      <failure message=\"")
        .append(attr(message))
        .append("\" type=\"")
        .append(first.severity().apiName())
        .append("\">");
    StringBuilder body = new StringBuilder();
    for (Finding f : open) {
      body.append(where(artifact, f))
          .append(": ")
          .append(f.severity().apiName())
          .append(' ')
          .append(f.ruleId())
          .append(": ")
          .append(f.message())
          .append('\n');
    }
    if (r.remediation() != null) {
      body.append("Fix: ").append(SarifReport.oneLine(r.remediation())).append('\n');
    }
    body.append("Help: ").append(ctx.helpUri(r.id())).append('\n');
    out.append(text(body.toString())).append("</failure>\n");
  }

  /** {@code docker-compose.yml:5:7}, or the artifact and the JSON Pointer without a text span. */
  static String where(String artifact, Finding f) {
    Span s = f.location() == null ? null : f.location().span();
    if (s != null) {
      return artifact + ":" + s.start().line() + ":" + s.start().column();
    }
    String path = f.location() == null ? null : f.location().path();
    return path == null ? artifact : artifact + "#" + path;
  }

  private static String text(String s) {
    return escape(s, false);
  }

  private static String attr(String s) {
    return escape(s, true);
  }

  /**
   * XML character data ({@code attribute} false) or an attribute value: markup characters as
   * entities, control characters XML 1.0 cannot hold as {@code ?}; in an attribute also quotes and
   * line breaks and tabs, which attribute normalisation would otherwise turn into spaces.
   */
  private static String escape(String s, boolean attribute) {
    int i = 0;
    while (i < s.length() && plain(s.charAt(i), attribute)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append(attribute ? "&#13;" : "\r");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.append(ch < 0x20 ? '?' : ch);
      }
    }
    return out.toString();
  }

  private static boolean plain(char ch, boolean attribute) {
    if (ch >= 0x20) {
      return ch != '<' && ch != '>' && ch != '&' && !(attribute && ch == '"');
    }
    return !attribute && (ch == '\n' || ch == '\t' || ch == '\r');
  }
}
