package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.engine.Undecided;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Span;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.Severity;
import dev.keycard.remediation.Alternative;
import dev.keycard.remediation.FixImpact;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Markdown view for chat: the verdict with counts on the first line, the findings most severe
 * first (the least severe summarised as counts per rule when there are many), the fixed snippet in
 * a fenced block (with the safe fixes applied), the fixes left out of it under "Review before
 * applying" with what each breaks, and the rule set on the last line. Nothing is hidden: every
 * finding is either listed or counted. Caller text (names, values, options, reasons, snippets) is
 * written through {@link MarkdownText}: nothing in the input renders as a link, an image, emphasis
 * or HTML, and no control character reaches the answer.
 */
public final class MarkdownReport {
  /** The media type of this view. */
  public static final String MEDIA_TYPE = "text/markdown";

  /** Beyond this many findings, low and info findings are counted per rule instead of listed. */
  static final int LIST_LIMIT = 10;

  private MarkdownReport() {}

  /**
   * The chat answer for one evaluation.
   *
   * @param fixed what was read (the whole input, or the snippet a chat message held) with every
   *     verified fix applied, or null when it was not computed
   * @param applied how many fixes {@code fixed} has
   */
  public static String of(Evaluation e, String fixed, int applied) {
    return of(e, fixed, applied, List.of(), Remedies.none());
  }

  /**
   * The chat answer for one evaluation whose snippet has only the safe fixes applied.
   *
   * @param fixed what was read with the fixes applied, or null when it was not computed
   * @param applied how many fixes {@code fixed} has
   * @param review the findings whose verified fix needs a review and is not in {@code fixed}
   * @param remedies the verified fixes of {@code e}'s findings
   */
  public static String of(
      Evaluation e, String fixed, int applied, List<Finding> review, Remedies remedies) {
    return of(
        e,
        fixed == null ? null : List.of(new Fixed(Views.language(e.input().format()), fixed)),
        applied,
        review,
        remedies);
  }

  /**
   * The chat answer for one evaluation, with the fixed snippets of {@code fixed} (the input with
   * the safe verified fixes applied, or null when it was not computed): one fenced block for an
   * input read from one snippet, one per part, each in its own language, for a chat message read
   * in several parts (a compose block and a {@code docker run} line).
   *
   * @param review the findings whose verified fix needs a review and is not in {@code fixed}
   * @param remedies the verified fixes of {@code e}'s findings
   */
  public static String withFixed(
      Evaluation e, ParsedInput fixed, int applied, List<Finding> review, Remedies remedies) {
    if (fixed == null) {
      return of(e, (List<Fixed>) null, applied, review, remedies);
    }
    List<Fixed> blocks = new ArrayList<>();
    for (ParsedInput p : fixed.hasParts() ? fixed.parts() : List.of(fixed)) {
      blocks.add(new Fixed(Views.language(p.format()), p.snippet()));
    }
    return of(e, blocks, applied, review, remedies);
  }

  /**
   * The short answer to a chat message that holds no container spec (the detail of its {@code
   * input_not_a_container_spec} error), in the same voice as an evaluation's answer.
   */
  public static String notAContainerSpec(String detail) {
    String what = detail == null ? "" : detail;
    if (what.startsWith(NOT_A_SPEC_PREFIX)) {
      what = what.substring(NOT_A_SPEC_PREFIX.length());
    }
    return "🤷 **Nothing to check**: "
        + text(what)
        + "\n\nPaste a `docker run` command, a Docker Compose file or a Docker Engine API body, as"
        + " it is or in a fenced code block (```` ```yaml ```` or ```` ```sh ````).\n";
  }

  private static final String NOT_A_SPEC_PREFIX = "not a container spec: ";

  /** One fixed snippet and the language of its fence. */
  private record Fixed(String language, String text) {}

  private static String of(
      Evaluation e, List<Fixed> fixed, int applied, List<Finding> review, Remedies remedies) {
    StringBuilder md = new StringBuilder();
    md.append(verdict(e)).append("\n\n");
    List<Finding> sorted = e.findings().stream().sorted(Views.SEVERITY_ORDER).toList();
    boolean summarise = sorted.size() > LIST_LIMIT;
    Map<String, Integer> counted = new TreeMap<>();
    Map<String, Severity> countedSeverity = new TreeMap<>();
    for (Finding f : sorted) {
      if (summarise && !f.severity().atLeast(Severity.MEDIUM)) {
        counted.merge(f.ruleId(), 1, Integer::sum);
        countedSeverity.put(f.ruleId(), f.severity());
        continue;
      }
      md.append("- **")
          .append(f.severity().apiName())
          .append("** ")
          .append(code(f.ruleId()))
          .append(' ')
          .append(text(f.message()))
          .append(line(f))
          .append('\n');
    }
    if (!counted.isEmpty()) {
      listLine(
          md,
          "- also ",
          counted.entrySet().stream()
              .map(
                  c ->
                      countedSeverity.get(c.getKey()).apiName()
                          + " "
                          + code(c.getKey())
                          + " ×"
                          + c.getValue()));
    }
    if (!e.suppressed().isEmpty()) {
      listLine(md, "- waived: ", e.suppressed().stream().map(MarkdownReport::waived));
    }
    if (!e.undecided().isEmpty()) {
      md.append("- **could not check** ")
          .append(
              e.undecided().stream()
                  .map(MarkdownReport::undecided)
                  .distinct()
                  .limit(LIST_LIMIT)
                  .collect(Collectors.joining(", ")))
          .append(e.undecided().size() > LIST_LIMIT ? ", …" : "")
          .append(
              ": Keycard cannot know these values (an unresolved variable, a placeholder, a value"
                  + " from the client's environment); check them yourself")
          .append(e.unknownDenies() ? " — they deny (`on_unknown=deny`)" : "")
          .append(".\n");
    }
    if (!sorted.isEmpty() || !e.suppressed().isEmpty() || !e.undecided().isEmpty()) {
      md.append('\n');
    }
    if (!e.findings().isEmpty()) {
      if (fixed == null) {
        md.append("No fixed version: fixes were not computed for this answer.\n\n");
      } else if (applied == 0 && !review.isEmpty()) {
        md.append("No fix is safe to apply without a review; see below.\n\n");
      } else if (applied == 0) {
        md.append("No automatic fix applies; see each rule's help page.\n\n");
      } else {
        md.append("Fixed (")
            .append(applied)
            .append(review.isEmpty() ? "" : " safe")
            .append(applied == 1 ? " fix" : " fixes")
            .append(" applied):\n\n");
        for (Fixed f : fixed) {
          md.append(MarkdownText.block(f.language(), f.text())).append('\n');
        }
      }
      review(md, review, remedies);
    }
    md.append("_Rule set ")
        .append(text(e.ruleSet().name()))
        .append(' ')
        .append(text(String.valueOf(e.ruleSet().version())))
        .append(" · decision ")
        .append(e.decisionId())
        .append("_\n");
    return md.toString();
  }

  /**
   * "Review before applying": each fix left out of the snippet with what it would break and the
   * first alternative, one line per rule and sentence (the containers and lines it is for listed
   * together); beyond {@link #LIST_LIMIT} lines, the rest are counted per rule.
   */
  private static void review(StringBuilder md, List<Finding> review, Remedies remedies) {
    if (review.isEmpty()) {
      return;
    }
    Map<String, List<String>> where = new LinkedHashMap<>();
    Map<String, String[]> lines = new LinkedHashMap<>();
    for (Finding f : review.stream().sorted(Views.SEVERITY_ORDER).toList()) {
      Remedy r = remedies.of(f);
      if (r == null || r.impact() == null || r.impact().breaks() == null) {
        continue;
      }
      List<Alternative> alternatives = r.impact().alternatives();
      String instead = alternatives.isEmpty() ? "" : alternatives.get(0).description();
      String key = f.ruleId() + "\u0000" + r.impact().breaks() + "\u0000" + instead;
      lines.putIfAbsent(key, new String[] {f.ruleId(), cited(r.impact()), instead});
      where
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add((f.container() == null ? "" : text(f.container())) + line(f));
    }
    if (lines.isEmpty()) {
      return;
    }
    md.append("**Review before applying** (not in the fixed snippet):\n\n");
    Map<String, Integer> more = new TreeMap<>();
    int n = 0;
    for (var e : lines.entrySet()) {
      String[] l = e.getValue();
      if (n++ >= LIST_LIMIT) {
        more.merge(l[0], where.get(e.getKey()).size(), Integer::sum);
        continue;
      }
      md.append("- ")
          .append(code(l[0]))
          .append(" on ")
          .append(String.join(", ", where.get(e.getKey())).strip())
          .append(": ")
          .append(l[1]);
      if (!l[2].isEmpty()) {
        md.append(" Instead: ").append(text(l[2]));
      }
      md.append('\n');
    }
    if (!more.isEmpty()) {
      md.append("- also ")
          .append(
              more.entrySet().stream()
                  .map(c -> code(c.getKey()) + " ×" + c.getValue())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    md.append("\nEvery fix, these included: `/v1/fix?apply=all`.\n\n");
  }

  /** {@code ❌ **Denied**: 3 findings (1 critical, 2 high)}. */
  static String verdict(Evaluation e) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    e.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    int n = e.findings().size();
    // an answer with unchecked rules is never a plain green tick
    String head =
        !e.allow()
            ? "❌ **Denied**"
            : e.undecided().isEmpty() ? "✅ **Allowed**" : "⚠️ **Allowed, not fully checked**";
    String count = n == 0 ? "no findings" : n + (n == 1 ? " finding" : " findings");
    List<String> parts = new ArrayList<>();
    counts.forEach((s, c) -> parts.add(c + " " + s.apiName()));
    String waived = e.suppressed().isEmpty() ? "" : ", " + e.suppressed().size() + " waived";
    long rules = e.undecided().stream().map(u -> u.ruleId() + " " + u.container()).distinct().count();
    String undecided =
        rules == 0 ? "" : ", " + rules + (rules == 1 ? " check" : " checks") + " not decided";
    return head
        + ": "
        + count
        + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
        + waived
        + undecided;
  }

  /**
   * The {@code breaks} sentence as Markdown: the text escaped as caller text, and each source it
   * cites, {@code (https://...)}, as a link (the address is Keycard's catalogue data, checked to be
   * an https address of URL characters when it is loaded; it is never caller text).
   */
  static String cited(FixImpact impact) {
    String breaks = impact.breaks();
    StringBuilder md = new StringBuilder();
    int from = 0;
    while (true) {
      int at = -1;
      String url = null;
      for (String u : impact.sources()) { // the earliest citation of any source
        int i = breaks.indexOf("(" + u + ")", from);
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
          url = u;
        }
      }
      if (at < 0) {
        break;
      }
      String before = text(breaks.substring(from, at).stripTrailing());
      md.append(before).append(before.isEmpty() ? "(" : " (");
      md.append("[documentation](").append(url).append("))");
      from = at + url.length() + 2;
    }
    return md.append(text(breaks.substring(from))).toString();
  }

  /** A line of {@code label} and the items, separated by commas. */
  private static void listLine(StringBuilder md, String label, Stream<String> items) {
    md.append(label).append(items.collect(Collectors.joining(", "))).append('\n');
  }

  /** A waived finding: its rule, container and the waiver's reason. */
  private static String waived(Evaluation.Suppressed s) {
    Finding f = s.finding();
    return code(f.ruleId())
        + (f.container() == null ? "" : " on " + text(f.container()))
        + (s.waiver().reason() == null ? "" : " (" + text(s.waiver().reason()) + ")");
  }

  /** An undecided rule: its rule, container, the unknown value and where it is written. */
  private static String undecided(Undecided u) {
    return code(u.ruleId())
        + (u.container() == null ? "" : " on " + text(u.container()))
        + " (" + code(u.unknownPath()) + " is unknown"
        + (u.location() == null || u.location().span() == null
            ? ""
            : ", line " + u.location().span().start().line())
        + ")";
  }

  private static String line(Finding f) {
    Span s = f.location() == null ? null : f.location().span();
    return s == null ? "" : " (line " + s.start().line() + ")";
  }

  private static String text(String s) {
    return MarkdownText.text(s);
  }

  private static String code(String s) {
    return MarkdownText.code(s);
  }
}
