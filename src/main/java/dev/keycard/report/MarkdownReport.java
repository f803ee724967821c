package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.model.Span;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Markdown view for chat: the verdict with counts on the first line, the findings most severe
 * first (the least severe summarised as counts per rule when there are many), the fixed snippet in
 * a fenced block, and the rule set on the last line. Nothing is hidden: every finding is either
 * listed or counted.
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
          .append("** `")
          .append(f.ruleId())
          .append("` ")
          .append(oneLine(f.message()))
          .append(line(f))
          .append('\n');
    }
    if (!counted.isEmpty()) {
      md.append("- also ")
          .append(
              counted.entrySet().stream()
                  .map(
                      c ->
                          countedSeverity.get(c.getKey()).apiName()
                              + " `"
                              + c.getKey()
                              + "` ×"
                              + c.getValue())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (!e.suppressed().isEmpty()) {
      md.append("- waived: ")
          .append(
              e.suppressed().stream()
                  .map(
                      s ->
                          "`"
                              + s.finding().ruleId()
                              + "`"
                              + (s.finding().container() == null
                                  ? ""
                                  : " on " + s.finding().container())
                              + (s.waiver().reason() == null
                                  ? ""
                                  : " (" + oneLine(s.waiver().reason()) + ")"))
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (!e.undecided().isEmpty()) {
      md.append("- **could not check** ")
          .append(
              e.undecided().stream()
                  .map(
                      u ->
                          "`"
                              + u.ruleId()
                              + "`"
                              + (u.container() == null ? "" : " on " + u.container())
                              + " (" + u.unknownPath() + " is unknown"
                              + (u.location() == null || u.location().span() == null
                                  ? ""
                                  : ", line " + u.location().span().start().line())
                              + ")")
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
      } else if (applied == 0) {
        md.append("No automatic fix applies; see each rule's help page.\n\n");
      } else {
        String lang = Views.language(e.input().format());
        String fence = fence(fixed);
        md.append("Fixed (")
            .append(applied)
            .append(applied == 1 ? " fix" : " fixes")
            .append(" applied):\n\n")
            .append(fence)
            .append(lang)
            .append('\n')
            .append(fixed.stripTrailing())
            .append('\n')
            .append(fence)
            .append("\n\n");
      }
    }
    md.append("_Rule set ")
        .append(e.ruleSet().name())
        .append(' ')
        .append(e.ruleSet().version())
        .append(" · decision ")
        .append(e.decisionId())
        .append("_\n");
    return md.toString();
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

  private static String line(Finding f) {
    Span s = f.location() == null ? null : f.location().span();
    return s == null ? "" : " (line " + s.start().line() + ")";
  }

  private static String oneLine(String s) {
    return SarifReport.oneLine(s);
  }

  /** A backtick fence longer than any run of backticks in the text. */
  private static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
