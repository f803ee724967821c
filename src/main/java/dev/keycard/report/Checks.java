package dev.keycard.report;

import dev.keycard.engine.Finding;
import dev.keycard.engine.Undecided;
import dev.keycard.model.Container;
import dev.keycard.policy.Waiver;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one counting rule every view shares. A <em>check</em> is one rule on one container (on the
 * artifact itself when the input holds no container); each check has exactly one outcome, decided
 * in this order:
 *
 * <ol>
 *   <li>{@link Outcome#FAILED}: a finding that is not waived, at or above {@code fail_on};
 *   <li>{@link Outcome#ERROR}: the rule could not be decided and {@code on_unknown=deny};
 *   <li>{@link Outcome#SKIPPED}: the rule could not be decided ({@code on_unknown=allow});
 *   <li>{@link Outcome#BELOW_THRESHOLD}: findings that are not waived, all below {@code fail_on}
 *       (the check passes, with a note);
 *   <li>{@link Outcome#WAIVED}: every finding is waived (skipped, with the waiver's reason);
 *   <li>{@link Outcome#PASSED}: nothing found.
 * </ol>
 *
 * JUnit's test cases are these checks, and {@code summary.checks} of the JSON answer counts them,
 * so both always agree; {@code allow} is false exactly when a check failed or erred.
 */
public final class Checks {
  /** A check's outcome. */
  public enum Outcome {
    FAILED,
    ERROR,
    SKIPPED,
    BELOW_THRESHOLD,
    WAIVED,
    PASSED
  }

  /**
   * One check.
   *
   * @param open the findings that are not waived (all of them, at or above {@code fail_on} or not)
   * @param undecided why the rule could not be decided, if it could not
   * @param waiver the waiver of the first waived finding, for {@link Outcome#WAIVED}
   */
  public record Check(
      Views.RuleInfo rule,
      Outcome outcome,
      List<Finding> open,
      List<Undecided> undecided,
      Waiver waiver) {}

  /** The checks of one container (or of the artifact, when there is no container). */
  public record Suite(String name, List<Check> checks) {
    long count(Outcome o) {
      return checks.stream().filter(c -> c.outcome() == o).count();
    }
  }

  /** Counts over every suite. */
  public record Totals(int total, int failed, int passed, int skipped, int errors) {}

  private Checks() {}

  /** The checks of an evaluation: one suite per container, one check per rule, in rule order. */
  static List<Suite> of(Evaluation e, String artifact) {
    List<Views.RuleInfo> rules = Views.rules(e);
    Map<Finding, Waiver> waived = new IdentityHashMap<>();
    e.suppressed().forEach(s -> waived.put(s.finding(), s.waiver()));
    List<String> names = new ArrayList<>();
    e.input().containers().stream().map(Container::name).forEach(names::add);
    if (names.isEmpty()) {
      names.add(artifact);
    }
    List<Map<String, List<Finding>>> findingsBy = new ArrayList<>(names.size());
    List<Map<String, List<Undecided>>> undecidedBy = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      findingsBy.add(new LinkedHashMap<>());
      undecidedBy.add(new LinkedHashMap<>());
    }
    for (Finding f : Views.all(e)) {
      if (f.containerIndex() >= 0 && f.containerIndex() < names.size()) {
        findingsBy.get(f.containerIndex()).computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
      }
    }
    for (Undecided u : e.undecided()) {
      if (u.containerIndex() >= 0 && u.containerIndex() < names.size()) {
        undecidedBy.get(u.containerIndex()).computeIfAbsent(u.ruleId(), k -> new ArrayList<>()).add(u);
      }
    }
    List<Suite> suites = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      List<Check> checks = new ArrayList<>(rules.size());
      for (Views.RuleInfo r : rules) {
        List<Finding> fs = findingsBy.get(c).getOrDefault(r.id(), List.of());
        List<Undecided> us = undecidedBy.get(c).getOrDefault(r.id(), List.of());
        List<Finding> open = new ArrayList<>(fs.size());
        Waiver firstWaiver = null;
        for (Finding f : fs) {
          Waiver w = waived.get(f);
          if (w == null) {
            open.add(f);
          } else if (firstWaiver == null) {
            firstWaiver = w;
          }
        }
        checks.add(new Check(r, outcome(e, open, us, firstWaiver), open, us, firstWaiver));
      }
      suites.add(new Suite(names.get(c), checks));
    }
    return suites;
  }

  private static Outcome outcome(
      Evaluation e, List<Finding> open, List<Undecided> undecided, Waiver waiver) {
    if (open.stream().anyMatch(f -> f.severity().atLeast(e.failOn()))) {
      return Outcome.FAILED;
    }
    if (!undecided.isEmpty()) {
      return e.unknownDenies() ? Outcome.ERROR : Outcome.SKIPPED;
    }
    if (!open.isEmpty()) {
      return Outcome.BELOW_THRESHOLD;
    }
    return waiver != null ? Outcome.WAIVED : Outcome.PASSED;
  }

  /** The counts of {@code suites}: JUnit's {@code tests}, {@code failures}, ... over all suites. */
  static Totals totals(List<Suite> suites) {
    int total = 0;
    int failed = 0;
    int skipped = 0;
    int errors = 0;
    for (Suite s : suites) {
      total += s.checks().size();
      failed += (int) s.count(Outcome.FAILED);
      errors += (int) s.count(Outcome.ERROR);
      skipped += (int) (s.count(Outcome.SKIPPED) + s.count(Outcome.WAIVED));
    }
    return new Totals(total, failed, total - failed - skipped - errors, skipped, errors);
  }

  /** The totals of an evaluation, as {@code summary.checks} reports them. */
  public static Totals totals(Evaluation e) {
    return totals(of(e, "input"));
  }
}
