package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the views share: the rules an evaluation ran, in a stable order, and ordering helpers. */
final class Views {
  private Views() {}

  /** A rule as a view shows it; ad-hoc rules are known only from their findings. */
  record RuleInfo(
      String id,
      String title,
      Severity severity,
      String rationale,
      String remediation,
      List<String> references) {}

  /**
   * Every rule of the rule set (in the set's order), then any ad-hoc rule that produced a finding,
   * in order of first appearance.
   */
  static List<RuleInfo> rules(Evaluation e) {
    Map<String, RuleInfo> out = new LinkedHashMap<>();
    for (RuleDefinition d : e.ruleSet().rules()) {
      out.putIfAbsent(d.id(), info(d));
    }
    for (Finding f : all(e)) {
      out.putIfAbsent(
          f.ruleId(),
          new RuleInfo(f.ruleId(), f.title(), f.severity(), null, f.remediation(), f.references()));
    }
    return List.copyOf(out.values());
  }

  /** What the views show of a rule of the rule set. */
  static RuleInfo info(RuleDefinition d) {
    return new RuleInfo(
        d.id(), d.title(), d.severity(), d.rationale(), d.remediation(), d.references());
  }

  /** Findings that count, then waived findings. */
  static List<Finding> all(Evaluation e) {
    List<Finding> out = new ArrayList<>(e.findings());
    e.suppressed().forEach(s -> out.add(s.finding()));
    return out;
  }

  /** Most severe first, then by position in the text, then by rule id. */
  static final Comparator<Finding> SEVERITY_ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparingInt(Views::offset)
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.container() == null ? "" : f.container());

  private static int offset(Finding f) {
    return f.location() == null || f.location().span() == null
        ? Integer.MAX_VALUE
        : f.location().span().start().offset();
  }

  /**
   * An insertion-ordered map of key/value pairs ({@code Map.of} iterates in an order that changes
   * from one JVM run to the next, which would make the JSON views unstable).
   */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** The fenced-block language of an input format. */
  static String language(InputFormat format) {
    return switch (format) {
      case COMPOSE -> "yaml";
      case ENGINE_API -> "json";
      case DOCKER_RUN -> "sh";
      case KUBERNETES -> "yaml";
    };
  }

  /** The CIS control numbers in a rule's references ({@code CIS Docker Benchmark v1.6.0 5.4}). */
  static List<String> cisControls(List<String> references) {
    List<String> out = new ArrayList<>();
    for (String r : references) {
      var m = CIS.matcher(r);
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static final com.google.re2j.Pattern CIS =
      com.google.re2j.Pattern.compile(
          "^CIS Docker Benchmark\\b[^\n\r\\x{85}\\x{2028}\\x{2029}]*?[ \\t\\n\\x0B\\f\\r](\\d+(?:\\.\\d+)+)"
              + "[ \\t\\n\\x0B\\f\\r]*$");
}
