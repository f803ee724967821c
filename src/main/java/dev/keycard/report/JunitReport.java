package dev.keycard.report;

import dev.keycard.engine.Undecided;
import dev.keycard.engine.Finding;
import dev.keycard.model.Span;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.Waiver;
import dev.keycard.policy.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit XML view for CI test reports (Jenkins, GitLab): one {@code testsuite} per container,
 * one {@code testcase} per {@linkplain Checks check} (rule × container, so passes show). A check
 * with a finding at or above {@code fail_on} is a {@code failure} with its messages and {@code
 * file:line:col}; one whose findings are all below {@code fail_on} passes with them in {@code
 * system-out}; a waived rule is {@code skipped}; a rule that could not be decided (a value it reads
 * is unknown) is {@code skipped} with the reason — or, with {@code on_unknown=deny}, an {@code
 * error}: never a pass. The counts are {@link Checks}' counts, which {@code summary.checks} of the
 * JSON answer repeats.
 */
public final class JunitReport {
  /** The media type this view is served as. */
  public static final String MEDIA_TYPE = "application/xml";

  private JunitReport() {}

  /** The JUnit XML document of one evaluation. */
  public static String of(Evaluation e, ReportContext ctx) {
    String artifact = ctx.artifact(e.input().format());
    List<Checks.Suite> suites = Checks.of(e, artifact);
    Checks.Totals totals = Checks.totals(suites);
    // what every container repeats, escaped once
    String file = attr(artifact);
    List<Views.RuleInfo> rules = Views.rules(e);
    Map<String, String> caseNames = new HashMap<>();
    for (Views.RuleInfo r : rules) {
      caseNames.put(r.id(), attr(r.id() + " " + r.title()));
    }
    StringBuilder out = new StringBuilder();
    for (Checks.Suite suite : suites) {
      String classname = attr("keycard." + suite.name());
      StringBuilder cases = new StringBuilder();
      for (Checks.Check check : suite.checks()) {
        cases
            .append("    <testcase name=\"")
            .append(caseNames.get(check.rule().id()))
            .append("\" classname=\"")
            .append(classname)
            .append("\" file=\"")
            .append(file)
            .append('"');
        switch (check.outcome()) {
          case FAILED -> {
            cases.append(">\n");
            failure(cases, check.rule(), failing(check, e.failOn()), artifact, ctx);
            cases.append("    </testcase>\n");
          }
          case ERROR, SKIPPED -> {
            List<Undecided> us = check.undecided();
            String reason =
                "could not check: " + us.get(0).reason()
                    + (us.size() > 1 ? " (and " + (us.size() - 1) + " more)" : "");
            cases
                .append(check.outcome() == Checks.Outcome.ERROR ? ">\n      <error message=\"" : ">\n      <skipped message=\"")
                .append(attr(reason))
                .append(check.outcome() == Checks.Outcome.ERROR ? "\" type=\"undecided\"/>\n" : "\"/>\n")
                .append("    </testcase>\n");
          }
          case BELOW_THRESHOLD -> {
            cases.append(">\n      <system-out>");
            StringBuilder note = new StringBuilder();
            for (Finding f : check.open()) {
              note.append("below fail_on=")
                  .append(e.failOn().apiName())
                  .append(", not failing: ");
              line(note, artifact, f);
            }
            cases.append(text(note.toString())).append("</system-out>\n    </testcase>\n");
          }
          case WAIVED -> {
            Waiver w = check.waiver();
            cases
                .append(">\n      <skipped message=\"")
                .append(attr("waived: " + (w.reason() == null ? "waived by request" : w.reason())))
                .append("\"/>\n    </testcase>\n");
          }
          case PASSED -> cases.append("/>\n");
        }
      }
      out.append("  <testsuite name=\"")
          .append(attr(suite.name()))
          .append("\" tests=\"")
          .append(suite.checks().size())
          .append("\" failures=\"")
          .append(suite.count(Checks.Outcome.FAILED))
          .append("\" errors=\"")
          .append(suite.count(Checks.Outcome.ERROR))
          .append("\" skipped=\"")
          .append(suite.count(Checks.Outcome.SKIPPED) + suite.count(Checks.Outcome.WAIVED))
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
        + totals.total()
        + "\" failures=\""
        + totals.failed()
        + "\" errors=\""
        + totals.errors()
        + "\" skipped=\""
        + totals.skipped()
        + "\">\n"
        + out
        + "</testsuites>\n";
  }

  /** The findings of a failed check that fail: those at or above {@code fail_on}, first. */
  private static List<Finding> failing(Checks.Check check, Severity failOn) {
    List<Finding> out = new ArrayList<>(check.open().size());
    for (Finding f : check.open()) {
      if (f.severity().atLeast(failOn)) {
        out.add(f);
      }
    }
    for (Finding f : check.open()) {
      if (!f.severity().atLeast(failOn)) {
        out.add(f);
      }
    }
    return out;
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
      line(body, artifact, f);
    }
    if (r.remediation() != null) {
      body.append("Fix: ").append(SarifReport.oneLine(r.remediation())).append('\n');
    }
    body.append("Help: ").append(ctx.helpUri(r.id())).append('\n');
    out.append(text(body.toString())).append("</failure>\n");
  }

  /** One finding as a line of a test case's text: where, severity, rule and message. */
  private static void line(StringBuilder out, String artifact, Finding f) {
    out.append(where(artifact, f))
        .append(": ")
        .append(f.severity().apiName())
        .append(' ')
        .append(f.ruleId())
        .append(": ")
        .append(f.message())
        .append('\n');
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
   * entities, and every character XML 1.0 cannot hold (C0 controls other than tab, CR and LF,
   * U+FFFE, U+FFFF, unpaired surrogates) as U+FFFD, so that the document parses whatever a
   * container name, image, filename or waiver reason held; in an attribute also quotes, line
   * breaks and tabs, which attribute normalisation would otherwise turn into spaces.
   */
  static String escape(String s, boolean attribute) {
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
        default -> {
          if (Character.isHighSurrogate(ch)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(ch).append(s.charAt(++i));
          } else if (ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF || Character.isSurrogate(ch)) {
            out.append(REPLACEMENT);
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  private static final char REPLACEMENT = '\uFFFD';

  /** A character that needs no escaping: printable, not markup, not a surrogate or U+FFFE/F. */
  private static boolean plain(char ch, boolean attribute) {
    if (ch >= 0x20 && ch < 0xD800) {
      return ch != '<' && ch != '>' && ch != '&' && !(attribute && ch == '"');
    }
    if (ch >= 0xE000) {
      return ch < 0xFFFE;
    }
    return !attribute && (ch == '\n' || ch == '\t' || ch == '\r');
  }
}
