package dev.keycard.engine;

import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Origin;
import dev.keycard.policy.Digests;
import dev.keycard.policy.FixOperation;
import dev.keycard.policy.RuleDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Evaluates compiled rules over containers. Each container is frozen once; a {@code for_each}
 * rule is tested per element with {@code item} bound. A rule that fires on a value only the client
 * knows gives a warning, never a confident finding; a rule that fails to evaluate gives a warning,
 * never a 500.
 */
public final class RuleEngine {
  private final Evaluator evaluator;

  public RuleEngine(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** Evaluates {@code rules} over {@code containers} within the evaluator's deadline. */
  public EngineResult evaluate(List<CompiledRule> rules, List<Container> containers) {
    return evaluator.call(() -> evaluateNow(rules, containers));
  }

  /** Evaluates on the calling thread (rule examples at load time, benchmarks). */
  public static EngineResult evaluateNow(List<CompiledRule> rules, List<Container> containers) {
    List<Finding> findings = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    for (int ci = 0; ci < containers.size(); ci++) {
      Container c = containers.get(ci);
      Map<String, Object> frozen = FrozenModel.freeze(c);
      for (CompiledRule r : rules) {
        evaluateRule(r, c, ci, frozen, findings, warnings);
      }
    }
    findings.sort(ORDER);
    return new EngineResult(findings, warnings);
  }

  private static void evaluateRule(
      CompiledRule r, Container c, int ci, Map<String, Object> frozen, List<Finding> findings,
      List<Diagnostic> warnings) {
    RuleDefinition d = r.definition();
    try {
      if (d.forEach() == null) {
        if (r.when().test(frozen, null)) {
          emit(r, c, ci, frozen, null, -1, findings, warnings);
        }
        return;
      }
      Object list = frozen.get(d.forEach());
      if (!(list instanceof List<?> items)) {
        return;
      }
      for (int i = 0; i < items.size(); i++) {
        if (r.when().test(frozen, items.get(i))) {
          emit(r, c, ci, frozen, items.get(i), i, findings, warnings);
        }
      }
    } catch (RuleEvaluationException e) {
      warnings.add(
          Diagnostic.warning(
                  "rule_evaluation_error",
                  d.id() + " could not be evaluated for container '" + c.name() + "': " + e.getMessage(),
                  c.origin() == null ? null : c.origin().span())
              .withPath(c.origin() == null ? null : c.origin().path()));
    }
  }

  private static void emit(
      CompiledRule r, Container c, int ci, Map<String, Object> frozen, Object item, int index,
      List<Finding> findings, List<Diagnostic> warnings) {
    RuleDefinition d = r.definition();
    String unknown = unknownField(r, c, item, index);
    if (unknown != null) {
      Origin where = c.locate(unknown);
      warnings.add(
          Diagnostic.warning(
                  "undecided_unknown_value",
                  d.id() + " (" + d.title() + ") was not decided for container '" + c.name()
                      + "': it depends on " + unknown + ", whose value only the client knows"
                      + " (an unresolved variable or a client-side value).",
                  where == null ? null : where.span())
              .withPath(where == null ? null : where.path()));
      return;
    }
    String path = index >= 0 ? d.forEach() + "[" + index + "]" : settingPath(d, r, c);
    Origin location = path == null ? c.origin() : c.locate(path);
    String message = r.message().render(frozen, item);
    Object identity = index >= 0 ? item : path;
    findings.add(
        new Finding(
            d.id(), d.title(), d.severity(), message, c.name(), ci, path, location, d.references(),
            d.remediation(), d.fix(), index,
            Digests.of(List.of(d.id(), c.name() == null ? "" : c.name(), identity == null ? "" : identity))));
  }

  /**
   * The setting a whole-container finding is about: the first fix field or field the condition
   * reads that the container has a location for; null when the setting is absent.
   */
  private static String settingPath(RuleDefinition d, CompiledRule r, Container c) {
    List<String> candidates = new ArrayList<>();
    for (FixOperation op : d.fix()) {
      candidates.add(op.field());
    }
    // Only what the condition reads: a message that prints c.name must not move the finding there.
    candidates.addAll(new TreeSet<>(r.when().referencedFields()));
    for (String f : candidates) {
      if (c.locations().containsKey(f)) {
        return f;
      }
    }
    for (String f : candidates) {
      String first = f + "[0]";
      if (c.locations().containsKey(first)) {
        return first;
      }
    }
    return null;
  }

  /** The first unknown path the finding rests on, or null when it rests on known values only. */
  private static String unknownField(CompiledRule r, Container c, Object item, int index) {
    String each = r.definition().forEach();
    for (String u : c.unknown()) {
      for (String f : r.fields()) {
        if (!(u.equals(f) || u.startsWith(f + ".") || u.startsWith(f + "["))) {
          continue;
        }
        if (f.equals(each) && index >= 0 && !u.equals(f) && !isItem(u, f, item, index)) {
          continue;
        }
        return u;
      }
    }
    return null;
  }

  private static boolean isItem(String unknown, String field, Object item, int index) {
    if (unknown.startsWith(field + "[" + index + "]")) {
      return true;
    }
    return item instanceof Map<?, ?> m
        && m.get("name") != null
        && unknown.equals(field + "." + m.get("name"));
  }

  /** Most severe first, then by position in the text, then rule and container. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparingInt(f -> f.location() == null || f.location().span() == null ? Integer.MAX_VALUE : f.location().span().start().offset())
          .thenComparing(Finding::ruleId)
          .thenComparingInt(Finding::containerIndex)
          .thenComparingInt(Finding::itemIndex);
}
