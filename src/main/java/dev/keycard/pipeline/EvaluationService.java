package dev.keycard.pipeline;

import dev.keycard.engine.Undecided;
import dev.keycard.budget.Budget;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.CompiledRuleSet;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.engine.RuleEngine;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.Waiver;
import dev.keycard.report.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Parse, evaluate, waive, decide: the whole evaluation of one request. */
@ApplicationScoped
public class EvaluationService {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(EvaluationService.class);

  private final ParseService parser;
  private final PolicyService policies;
  private final DecisionRecorder recorder;

  /** Without a recorder: for tools and tests outside the service. */
  public EvaluationService(ParseService parser, PolicyService policies) {
    this(parser, policies, null);
  }

  @Inject
  public EvaluationService(ParseService parser, PolicyService policies, DecisionRecorder recorder) {
    this.parser = parser;
    this.policies = policies;
    this.recorder = recorder;
  }

  /**
   * Evaluates as {@link #evaluate} does and records the decision (log line, metrics): for the
   * answers callers get, not for the re-evaluations that verify fixes.
   */
  public Evaluation decide(ParsedInput parsed, InputRequest request, EvaluationOptions options) {
    Evaluation e = evaluate(parsed, request, options);
    if (recorder != null) {
      recorder.record(e, request.text());
    }
    return e;
  }

  /**
   * An earlier evaluation of the very same request, answered again as a decision of its own: a new
   * decision id, the time this answer took, and its own decision-log line and counters.
   */
  public Evaluation again(Evaluation earlier, InputRequest request, long startNanos) {
    Evaluation e =
        new Evaluation(
            UUID.randomUUID().toString(),
            earlier.allow(),
            earlier.ruleSet(),
            earlier.input(),
            earlier.findings(),
            earlier.suppressed(),
            earlier.warnings(),
            System.nanoTime() - startNanos,
            earlier.undecided(),
            earlier.unknownDenies(),
            earlier.failOn());
    if (recorder != null) {
      recorder.record(e, request.text());
    }
    return e;
  }

  /**
   * Thrown when the request names a rule set that does not exist, or writes its name or version
   * malformed ({@link #malformed()}).
   */
  public static final class UnknownRuleSet extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean malformed;

    UnknownRuleSet(String message, boolean malformed) {
      super(message);
      this.malformed = malformed;
    }

    /** The selector is malformed (a 400), rather than naming nothing loaded (a 404). */
    public boolean malformed() {
      return malformed;
    }
  }

  /** Thrown when no rule set could be loaded at all: the service cannot decide anything. */
  public static final class NotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReady(String message) {
      super(message);
    }
  }

  /** Thrown when ad-hoc rules do not pass the gate. */
  public static final class RejectedRules extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyProblem> problems;

    RejectedRules(List<PolicyProblem> problems) {
      super(problems.get(0).message());
      this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
      return problems;
    }
  }

  /** The compiled rule set for a selector, or {@link UnknownRuleSet}. */
  public CompiledRuleSet ruleSet(String selector) {
    if (policies.catalog().isEmpty()) {
      throw new NotReady("the rule sets failed to load; see /q/health/ready");
    }
    return policies
        .select(selector)
        .orElseThrow(
            () -> {
              var refusal =
                  dev.keycard.policy.RuleSetSelector.refusal(
                          policies.selectorOrDefault(selector), policies.catalog().orElseThrow())
                      .orElse(new dev.keycard.policy.RuleSetSelector.Refusal(
                          false, "no rule set matches '" + selector + "'"));
              return new UnknownRuleSet(refusal.message(), refusal.malformed());
            });
  }

  /**
   * Evaluates a parsed input (errors already handled by the caller) under the options.
   *
   * @throws UnknownRuleSet for a selector that matches nothing
   * @throws RejectedRules for ad-hoc rules the gate refuses
   */
  public Evaluation evaluate(ParsedInput parsed, InputRequest request, EvaluationOptions options) {
    long start = System.nanoTime();
    CompiledRuleSet set = ruleSet(options.ruleset());
    List<CompiledRule> rules = new ArrayList<>(set.rules());
    rules.addAll(compileAdHoc(options.adHocRules(), set));
    ParsedInput withCompanions = Companions.apply(parsed, request.files());
    EngineResult result = new RuleEngine(policies.evaluator()).evaluate(rules, withCompanions.containers());
    List<Diagnostic> warnings = new ArrayList<>(withCompanions.warnings());
    warnings.addAll(result.warnings());
    List<Finding> findings = new ArrayList<>();
    List<Evaluation.Suppressed> suppressed = new ArrayList<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (Waiver w : options.waivers()) {
      if (w.expired(today)) {
        warnings.add(
            Diagnostic.of(
                DiagnosticCode.WAIVER_EXPIRED,
                "the waiver for " + w.ruleId() + (w.container() == null ? "" : " on '" + w.container() + "'")
                    + " expired on " + w.expires() + " and no longer applies",
                null));
      }
    }
    CommentWaivers comments = CommentWaivers.of(withCompanions);
    Set<String> ruleIds = new java.util.HashSet<>();
    rules.forEach(r -> ruleIds.add(r.id()));
    warnings.addAll(
        WaiverWarnings.of(
            withCompanions.allWaivers(), options.waivers(), ruleIds, set.ruleSet().key()));
    for (Finding f : result.findings()) {
      Waiver w =
          options.waivers().stream()
              .filter(x -> !x.expired(today) && x.covers(f.ruleId(), f.container()))
              .findFirst()
              .orElseGet(() -> comments.covering(f));
      if (w == null) {
        findings.add(f);
      } else {
        suppressed.add(new Evaluation.Suppressed(f, w));
      }
    }
    List<Undecided> undecided = new ArrayList<>();
    for (Undecided u : result.undecided()) {
      // an excluded rule is not asked about: it neither denies nor is listed
      boolean waived =
          options.waivers().stream()
              .anyMatch(x -> !x.expired(today) && x.covers(u.ruleId(), u.container()));
      if (!waived) {
        undecided.add(u);
      }
    }
    boolean allow =
        findings.stream().noneMatch(f -> f.severity().atLeast(options.failOn()))
            && !(options.unknownDenies() && !undecided.isEmpty());
    return new Evaluation(
        UUID.randomUUID().toString(), allow, set.ruleSet(), withCompanions, findings, suppressed,
        warnings, System.nanoTime() - start, undecided, options.unknownDenies(), options.failOn());
  }

  /**
   * Every finding, waived or not, of only the rules {@code ruleIds} on a parsed input: what
   * verifying a fix needs (did its finding close?) without the decision's bookkeeping (waivers,
   * in-file comments, a decision id) or the rules no fix under test can touch.
   */
  public List<Finding> recheck(
      ParsedInput parsed, InputRequest request, EvaluationOptions options, Set<String> ruleIds) {
    CompiledRuleSet set = ruleSet(options.ruleset());
    List<CompiledRule> rules = new ArrayList<>();
    for (CompiledRule r : set.rules()) {
      if (ruleIds.contains(r.id())) {
        rules.add(r);
      }
    }
    List<RuleDefinition> adHoc = new ArrayList<>();
    for (RuleDefinition d : options.adHocRules()) {
      if (ruleIds.contains(d.id())) {
        adHoc.add(d);
      }
    }
    rules.addAll(compileAdHoc(adHoc, set));
    ParsedInput withCompanions = Companions.apply(parsed, request.files());
    return new RuleEngine(policies.evaluator()).evaluate(rules, withCompanions.containers()).findings();
  }

  /**
   * One WARN line per refused caller rule: its id, the first problem's code and place, and how many
   * more there were. Never a stack trace: a refused rule is the caller's mistake, not ours.
   */
  static void logRefused(List<PolicyProblem> problems) {
    java.util.Map<String, List<PolicyProblem>> byRule = new java.util.LinkedHashMap<>();
    for (PolicyProblem p : problems) {
      byRule.computeIfAbsent(String.valueOf(p.ruleId()), k -> new ArrayList<>()).add(p);
    }
    byRule.forEach(
        (id, ps) ->
            LOG.warnf(
                "caller rule refused: id=%s code=%s at=%s%s",
                id,
                ps.get(0).code(),
                ps.get(0).at(),
                ps.size() > 1 ? " (+" + (ps.size() - 1) + " more)" : ""));
  }

  private List<CompiledRule> compileAdHoc(List<RuleDefinition> defs, CompiledRuleSet set) {
    if (defs.isEmpty()) {
      return List.of();
    }
    int max = Budget.current().caps().maxAdhocRules();
    if (defs.size() > max) {
      throw LimitExceeded.of(
          "max-adhoc-rules",
          max,
          "a request holds at most " + max + " rules of its own; this one holds " + defs.size());
    }
    List<PolicyProblem> problems = new ArrayList<>();
    java.util.Set<String> shipped = new java.util.HashSet<>();
    set.rules().forEach(r -> shipped.add(r.id()));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (RuleDefinition d : defs) {
      if (shipped.contains(d.id())) {
        problems.add(new PolicyProblem(d.id(), d.at(), "rule_file_error",
            "rule id " + d.id() + " is already in " + set.ruleSet().key() + "; give your rule its own id", null));
      } else if (!seen.add(d.id())) {
        // two findings, waivers and SARIF rules under one id could not be told apart
        problems.add(new PolicyProblem(d.id(), d.at(), "rule_file_error",
            "rule id " + d.id() + " is given twice in this request; give each rule its own id", null));
      }
    }
    List<CompiledRule> out = new RuleSetCompiler(policies.adHocGate()).compileAll(defs, problems);
    if (!problems.isEmpty()) {
      logRefused(problems);
      throw new RejectedRules(problems);
    }
    return out;
  }
}
