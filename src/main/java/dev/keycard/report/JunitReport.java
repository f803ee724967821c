package dev.keycard.report;

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
 * with its messages and {@code file:line:col}, {@code skipped} for a waived rule.
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
    StringBuilder suites = new StringBuilder();
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    for (int c = 0; c < names.size(); c++) {
      int index = c;
      Map<String, List<Finding>> byRule = new LinkedHashMap<>();
      for (Finding f : Views.all(e)) {
        if (f.containerIndex() == index) {
          byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
      }
      StringBuilder cases = new StringBuilder();
      int suiteFailures = 0;
      int suiteSkipped = 0;
      for (Views.RuleInfo r : rules) {
        List<Finding> fs = byRule.getOrDefault(r.id(), List.of());
        List<Finding> open = fs.stream().filter(f -> !waived.containsKey(f)).toList();
        cases
            .append("    <testcase name=\"")
            .append(attr(r.id() + " " + r.title()))
            .append("\" classname=\"")
            .append(attr("keycard." + names.get(c)))
            .append("\" file=\"")
            .append(attr(artifact))
            .append('"');
        if (!open.isEmpty()) {
          suiteFailures++;
          cases.append(">\n");
          failure(cases, r, open, artifact, ctx);
          cases.append("    </testcase>\n");
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
      suites
          .append("  <testsuite name=\"")
          .append(attr(names.get(c)))
          .append("\" tests=\"")
          .append(rules.size())
          .append("\" failures=\"")
          .append(suiteFailures)
          .append("\" errors=\"0\" skipped=\"")
          .append(suiteSkipped)
          .append("\" file=\"")
          .append(attr(artifact))
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
        + "\" errors=\"0\" skipped=\""
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
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
            out.append('?');
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  private static String attr(String s) {
    return text(s)
        .replace("\"", "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;");
  }
}
