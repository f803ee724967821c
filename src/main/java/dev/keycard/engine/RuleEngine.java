package dev.keycard.engine;

import dev.keycard.budget.Budget;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import dev.keycard.policy.Digests;
import dev.keycard.policy.FixOperation;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates compiled rules over containers. Each container is frozen once; a {@code for_each}
 * rule is tested per element with {@code item} bound. A rule that fires on a value only the client
 * knows gives a warning, never a confident finding; a rule that fails to evaluate gives a warning,
 * never a 500. A finding's severity is the rule's, raised by the first of its escalations that
 * holds for the case.
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
    Budget budget = Budget.current();
    List<Map<String, Object>> frozen = new ArrayList<>(containers.size());
    for (Container c : containers) {
      budget.tick();
      frozen.add(FrozenModel.freeze(c));
    }
    checkCost(rules, containers, frozen, budget.caps().maxRuleCost());
    List<Finding> findings = new ArrayList<>();
    List<Undecided> undecided = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    for (int ci = 0; ci < containers.size(); ci++) {
      Container c = containers.get(ci);
      Unknowns unknowns = Unknowns.of(c);
      Out out = new Out(findings, undecided, warnings);
      try (LockedMvel.Scope scope = new LockedMvel.Scope()) {
        for (CompiledRule r : rules) {
          budget.check();
          if (!r.expressibleIn(c)) {
            continue;
          }
          evaluateRule(r, c, ci, frozen.get(ci), unknowns, out, scope);
        }
      }
    }
    findings.sort(ORDER);
    return new EngineResult(findings, undecided, warnings);
  }

  /** Where one evaluation's results go. */
  private record Out(List<Finding> findings, List<Undecided> undecided, List<Diagnostic> warnings) {}

  /** Records that {@code r} could not be decided on {@code c} because {@code u} is unknown. */
  private static void undecided(
      CompiledRule r, Container c, int ci, Unknowns.Unknown u, List<Undecided> out) {
    Origin where = locateUnknown(c, u.path());
    out.add(
        new Undecided(
            r.id(),
            r.definition().title(),
            c.name(),
            ci,
            u.path(),
            r.id() + " (" + r.definition().title() + ") could not be checked for container '"
                + c.name() + "': it depends on " + u.path() + ", whose value only the client"
                + " knows (an unresolved variable, a placeholder or a value from the client's"
                + " environment)",
            where));
  }

  /** Where the unknown value was written: its own place, else its element's, else the container. */
  private static Origin locateUnknown(Container c, String path) {
    String p = path;
    while (!c.locations().containsKey(p)) {
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return c.locate(path);
      }
      p = p.substring(0, cut);
    }
    return c.locate(p);
  }

  /**
   * Refuses, before any rule runs, a request whose rules could do more than {@code max} units of
   * work on this input: each rule's static cost (its nodes, and each projection's nodes times the
   * list it iterates) times the elements of its for_each list, over every container.
   */
  static void checkCost(
      List<CompiledRule> rules,
      List<Container> containers,
      List<Map<String, Object>> frozen,
      long max) {
    long total = 0;
    long worst = -1;
    CompiledRule worstRule = null;
    for (Map<String, Object> f : frozen) {
      for (CompiledRule r : rules) {
        long cost = r.cost(f);
        total = total + cost < 0 ? Long.MAX_VALUE : total + cost;
        if (cost > worst) {
          worst = cost;
          worstRule = r;
        }
      }
    }
    if (total > max) {
      throw LimitExceeded.of(
          "max-rule-cost",
          max,
          "the rules could do up to " + total + " units of work on this input (limit " + max
              + "); the costliest is " + worstRule.id() + " (" + worst + " units on one container)"
              + ": a projection over a long list inside a for_each rule, or many projections,"
              + " multiply with the input's list sizes");
    }
  }

  /** Of a for_each rule's reads, those of the container rather than of the list's item. */
  private static java.util.Set<String> containerReads(java.util.Set<String> reads) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String x : reads) {
      if (!x.startsWith(Reads.ITEM)) {
        out.add(x);
      }
    }
    return out;
  }

  /**
   * Tests the rule within {@code scope}; findings and warnings are built outside it. A rule (or, for
   * a for_each rule, one element) that reads an unknown value is undecided, whether or not it
   * would fire on the value the parser put in its place: neither a finding nor a pass.
   */
  private static void evaluateRule(
      CompiledRule r, Container c, int ci, Map<String, Object> frozen, Unknowns unknowns, Out out,
      LockedMvel.Scope scope) {
    RuleDefinition d = r.definition();
    List<Finding> findings = out.findings();
    List<Diagnostic> warnings = out.warnings();
    java.util.Set<String> reads = r.reads();
    try {
      if (d.forEach() == null) {
        Unknowns.Unknown u = unknowns.first(reads, -1, null);
        if (u != null) {
          scope.outside(() -> undecided(r, c, ci, u, out.undecided()));
        } else if (r.when().test(frozen, null)) {
          scope.outside(() -> emit(r, c, ci, frozen, unknowns, null, -1, findings, warnings));
        }
        return;
      }
      Object list = frozen.get(d.forEach());
      if (!(list instanceof List<?> items)) {
        return;
      }
      // most containers have no unknown value: then no set of the container's reads is built
      Unknowns.Unknown whole =
          unknowns.isEmpty() ? null : unknowns.first(containerReads(reads), -1, null);
      if (whole != null) {
        scope.outside(() -> undecided(r, c, ci, whole, out.undecided()));
        return;
      }
      RuleEvaluationException failed = null;
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        Budget.current().tick();
        Unknowns.Unknown u = unknowns.first(reads, i, item);
        if (u != null) {
          scope.outside(() -> undecided(r, c, ci, u, out.undecided()));
          continue;
        }
        try {
          if (r.when().test(frozen, item)) {
            int index = i;
            scope.outside(
                () -> emit(r, c, ci, frozen, unknowns, item, index, findings, warnings));
          }
        } catch (RuleEvaluationException e) {
          // One element the rule cannot evaluate must not end the list: the elements after it
          // are still decided, and one whose value is unknown still undecided (`-e B=x -e A`
          // with bytes(item.value) gave a warning for B and nothing at all for A: a silent pass).
          failed = failed == null ? e : failed;
        }
      }
      if (failed != null) {
        throw failed; // one warning for the rule, as before
      }
    } catch (RuleEvaluationException e) {
      scope.outside(
          () ->
              warnings.add(
                  Diagnostic.of(
                          DiagnosticCode.RULE_EVALUATION_ERROR,
                          d.id() + " could not be evaluated for container '" + c.name() + "': "
                              + e.getMessage(),
                          c.origin() == null ? null : c.origin().span())
                      .withPath(c.origin() == null ? null : c.origin().path())));
    }
  }

  private static void emit(
      CompiledRule r, Container c, int ci, Map<String, Object> frozen, Unknowns unknowns,
      Object item, int index, List<Finding> findings, List<Diagnostic> warnings) {
    RuleDefinition d = r.definition();
    String path = index >= 0 ? d.forEach() + "[" + index + "]" : settingPath(d, r, c);
    Origin location = path == null ? c.origin() : c.locate(path);
    if (index >= 0 && !c.locations().containsKey(path) && item instanceof Map<?, ?> m
        && m.get("name") != null) {
      // some parsers locate named elements by name only (compose: environment.NAME)
      location = c.locate(d.forEach() + "." + m.get("name"));
    }
    int max = Budget.current().caps().maxFindings();
    if (findings.size() >= max) {
      throw LimitExceeded.of(
          "max-findings",
          max,
          "the input has more than " + max + " findings; split it, or fix the most common"
              + " problem first");
    }
    String message = r.message().render(frozen, item);
    Object identity = index >= 0 ? item : path;
    Severity severity = severity(r, c, frozen, unknowns, item, index, warnings);
    findings.add(
        new Finding(
            d.id(), d.title(), severity, message, c.name(), ci, path, location, d.references(),
            d.remediation(), d.fix(), index,
            fingerprint(d.id(), c.name(), identity)));
  }

  /** Rule, container and setting (or list item): stable across line numbers. */
  static String fingerprint(String ruleId, String container, Object identity) {
    String name = container == null ? "" : container;
    if (identity == null || identity instanceof String) {
      return Digests.ofStrings(ruleId, name, identity == null ? "" : (String) identity);
    }
    return Digests.of(List.of(ruleId, name, identity));
  }

  /**
   * The finding's severity: the first escalation whose condition holds, when it is worse than the
   * rule's own. An escalation that rests on a value only the client knows, or that cannot be
   * evaluated, is skipped (the latter with a warning): it may only make a finding worse, never lose
   * it.
   */
  private static Severity severity(
      CompiledRule r, Container c, Map<String, Object> frozen, Unknowns unknowns, Object item,
      int index, List<Diagnostic> warnings) {
    Severity base = r.definition().severity();
    for (CompiledRule.Escalation x : r.escalations()) {
      if (unknowns.first(x.when().reads(), index, item) != null) {
        continue;
      }
      try {
        if (x.when().test(frozen, item)) {
          return x.severity().atLeast(base) ? x.severity() : base;
        }
      } catch (RuleEvaluationException e) {
        warnings.add(
            Diagnostic.of(
                    DiagnosticCode.RULE_EVALUATION_ERROR,
                    r.id() + " severity escalation could not be evaluated for container '"
                        + c.name() + "': " + e.getMessage(),
                    c.origin() == null ? null : c.origin().span())
                .withPath(c.origin() == null ? null : c.origin().path()));
      }
    }
    return base;
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

  /** Most severe first, then by position in the text, then rule and container. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparingInt(f -> f.location() == null || f.location().span() == null ? Integer.MAX_VALUE : f.location().span().start().offset())
          .thenComparing(Finding::ruleId)
          .thenComparingInt(Finding::containerIndex)
          .thenComparingInt(Finding::itemIndex);
}
