package dev.keycard.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keycard.budget.Budget;
import dev.keycard.engine.CompiledRuleSet;
import dev.keycard.input.ParsedInput;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service's one entry point: every request the API serves is one call here, and the REST layer
 * only reads HTTP, calls, picks the view and writes HTTP. {@link #decide} answers an evaluation
 * (through the {@link AnswerCache}) whose fixes are proven only when a view asks for them, {@link
 * #fix} applies the verified fixes, {@link #parse} reads an input into the canonical model, {@link
 * #check} compiles a caller's rules and runs their examples. Benchmarks and in-process tests call
 * the same methods ({@link #uncached} builds one without Quarkus).
 *
 * <p>Everything runs within the request's {@link Budget} bound to the calling thread (the API binds
 * it for the whole request); an {@link Answer}'s fixes, proven later, run within the budget of the
 * request that decided.
 *
 * <p>A caller's mistake is thrown as {@link EvaluationService.UnknownRuleSet}, {@link
 * UnknownFormat}, {@link Unparsed} or {@link EvaluationService.RejectedRules}; a service without
 * rule sets as {@link EvaluationService.NotReady}.
 */
@ApplicationScoped
public class Keycard {
  private final ParseService parser;
  private final EvaluationService evaluations;
  private final RemediationService remediation;
  private final RuleCheckService checker;
  private final PolicyService policies;

  /** Null for a facade without an answer cache ({@link #uncached}). */
  private final AnswerCache answers;

  @Inject
  public Keycard(
      ParseService parser,
      EvaluationService evaluations,
      RemediationService remediation,
      RuleCheckService checker,
      PolicyService policies,
      AnswerCache answers) {
    this.parser = parser;
    this.evaluations = evaluations;
    this.remediation = remediation;
    this.checker = checker;
    this.policies = policies;
    this.answers = answers;
  }

  /**
   * The whole pipeline over loaded policies without Quarkus, without an answer cache and without a
   * decision log: every request is parsed, evaluated and proven afresh (for benchmarks, tools and
   * tests).
   */
  public static Keycard uncached(ParseService parser, PolicyService policies) {
    EvaluationService evaluations = new EvaluationService(parser, policies);
    return new Keycard(
        parser,
        evaluations,
        new RemediationService(parser, evaluations),
        new RuleCheckService(policies, parser),
        policies,
        null);
  }

  /**
   * The evaluation options as the caller wrote them, before they were read into {@link
   * EvaluationOptions}: with the input and the day, what a cached answer is found by (equal
   * content, so two requests that differ in any byte of them never share an answer).
   */
  public record Sent(
      String ruleset, JsonNode rules, JsonNode exclude, String failOn, String onUnknown) {}

  /**
   * One request: the input, its options as read, and as sent ({@code sent} null: the answer is
   * neither looked up in nor kept by the answer cache).
   */
  public record Request(InputRequest input, EvaluationOptions options, Sent sent) {
    /** A request whose answer is not cached (the OPA Data API, {@code /v1/fix}, tools). */
    public static Request uncached(InputRequest input, EvaluationOptions options) {
      return new Request(input, options, null);
    }
  }

  /** Thrown when the caller names a format that does not exist. */
  public static final class UnknownFormat extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownFormat(String message) {
      super(message);
    }
  }

  /** Thrown when the input does not parse: the parse, with its errors and the format it tried. */
  public static final class Unparsed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ParsedInput parsed;

    Unparsed(ParsedInput parsed) {
      super(parsed.errors().get(0).message());
      this.parsed = parsed;
    }

    public ParsedInput parsed() {
      return parsed;
    }
  }

  /**
   * Decides a request: the rule set, the parse, the evaluation, the waivers and the verdict, or the
   * earlier answer to the very same request today (a decision of its own: a new decision id, its
   * own decision-log line and counters; see {@link AnswerCache}). The answer's fixes are proven
   * when a view first asks for them, once per answer.
   *
   * @throws EvaluationService.UnknownRuleSet for a selector that matches nothing or is malformed
   * @throws UnknownFormat for a format name that is no format
   * @throws Unparsed for an input that does not parse
   * @throws EvaluationService.RejectedRules for caller rules the gate refuses
   */
  public Answer decide(Request request) {
    long start = System.nanoTime();
    if (answers == null || request.sent() == null) {
      Evaluation e = evaluate(request);
      AnswerCache.Entry entry = new AnswerCache.Entry(e);
      return new Answer(e, request, remediation, () -> entry.remedies(prover(entry, request)));
    }
    AnswerCache.Key key = AnswerCache.Key.of(request);
    AnswerCache.Entry found = answers.find(key);
    AnswerCache.Entry entry = found != null ? found : answers.keep(key, evaluate(request));
    Evaluation e =
        found != null
            ? evaluations.again(found.evaluation(), request.input(), start)
            : entry.evaluation();
    return new Answer(
        e, request, remediation, () -> answers.remedies(key, entry, prover(entry, request)));
  }

  /** Proves the fixes of the evaluation {@code entry} holds, the first time they are asked for. */
  private Supplier<Remedies> prover(AnswerCache.Entry entry, Request request) {
    return () -> remediation.remedies(entry.evaluation(), request.input(), request.options());
  }

  /**
   * Decides the request afresh (never from the answer cache) and applies the verified fixes that
   * {@code apply} selects, round after round, evaluating again after each. Refuses a request as
   * {@link #decide} does.
   */
  public FixResult fix(Request request, Apply apply) {
    return remediation.fixAll(evaluate(request), request.input(), request.options(), apply);
  }

  /**
   * What Keycard reads from an input: the canonical containers with positions, and the warnings.
   *
   * @throws UnknownFormat for a format name that is no format
   * @throws Unparsed for an input that does not parse
   */
  public ParsedInput parse(InputRequest input) {
    ParsedInput parsed;
    try {
      parsed = parser.parse(input);
    } catch (IllegalArgumentException e) {
      throw new UnknownFormat(e.getMessage());
    }
    if (parsed.hasErrors()) {
      throw new Unparsed(parsed);
    }
    return parsed;
  }

  /**
   * Compiles the rules in {@code text} in the sandbox and runs their examples, on the rule pool and
   * within the request's budget.
   */
  public RuleCheckService.CheckResult check(String text) {
    return checker.check(text);
  }

  /**
   * The compiled rule set a selector names.
   *
   * @throws EvaluationService.UnknownRuleSet for a selector that matches nothing or is malformed
   * @throws EvaluationService.NotReady when no rule set loaded
   */
  public CompiledRuleSet ruleSet(String selector) {
    return evaluations.ruleSet(selector);
  }

  /** The loaded rule sets, or empty when they failed to load. */
  public Optional<PolicyCatalog> catalog() {
    return policies.catalog();
  }

  /** The rule set, the parse and the decision (recorded), in that order of refusals. */
  private Evaluation evaluate(Request request) {
    evaluations.ruleSet(request.options().ruleset());
    ParsedInput parsed = parse(request.input());
    return evaluations.decide(parsed, request.input(), request.options());
  }
}
