package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import dev.keycard.remediation.Alternative;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.FixImpact;
import dev.keycard.remediation.Impacts;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.PatchComposer;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Remediator;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.Rendered;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 4 with its proof: renders each finding's fix, applies it, parses and evaluates again, and
 * offers only fixes that leave a document that parses and close their finding. A fix that fails
 * this is a renderer defect: it is logged and never offered.
 *
 * <p>Fixes are proven in batches: fixes whose edits do not overlap (for an input without text,
 * whose JSON Patches compose) are applied together and proven with one parse and one evaluation, so
 * proving costs as many rounds as the most contended place of the input has fixes, not one per
 * finding: a {@code docker run} with 4,096 {@code --cap-add} flags is one round. The rounds of one
 * answer are bounded ({@link ProofWork#MAX_PROOFS}), as are the fixes ({@code max-fixes}) and what
 * they render ({@code max-answer-size}).
 */
@ApplicationScoped
public class RemediationService {
  /**
   * The longest {@code docker run} command that {@code remediation.command} copies, rewritten for
   * the finding's own fix; a longer one is left out (the edits are the fix), or a thousand findings
   * would each carry the whole command.
   */
  public static final int COMMAND_COPY_MAX = 4096;

  private final ParseService parser;
  private final EvaluationService evaluations;
  private final Remediator remediator = Formats.remediator();
  private final Impacts impacts = Impacts.standard();

  public RemediationService(ParseService parser, EvaluationService evaluations) {
    this.parser = parser;
    this.evaluations = evaluations;
  }

  /** A finding and its rendered fix. */
  record Fix(Finding finding, Rendered rendered) {}

  /**
   * The verified fix of every finding of {@code e} that has one. Fixes are grouped into batches of
   * fixes that can be applied together; each batch is proven with one parse and one evaluation of
   * the rules it fixes. A batch whose text no longer parses is split in halves, and the fixes a
   * batch leaves open are proven again among themselves, down to one fix alone. That each fix's
   * JSON Patch equals its text edits is proven by the test suite for every rule example and corpus
   * input; alone-verification also checks it at run time.
   */
  public Remedies remedies(Evaluation e, InputRequest request, EvaluationOptions options) {
    ProofWork work = new ProofWork();
    Map<Finding, Remedy> out = new IdentityHashMap<>();
    Proof proof = new Proof(e, request, options, out, work);
    List<Fix> pending = render(e.input(), e.findings(), Set.of(), "", work);
    while (!pending.isEmpty()) {
      Grouping group = new Grouping(e.input());
      List<Fix> batch = new ArrayList<>();
      List<Fix> later = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Budget.current().tick();
        Fix x = pending.get(i);
        if (group.add(x.rendered())) {
          batch.add(x);
        } else if (batch.isEmpty()) {
          // a fix that goes with nothing, not even alone (its patch works on one list twice)
          batch.add(x);
          later.addAll(pending.subList(i + 1, pending.size()));
          break;
        } else {
          later.add(x);
        }
      }
      prove(proof, batch);
      pending = later;
    }
    work.finish();
    return Remedies.of(out);
  }

  /** The rendered fixes of the findings that have one, in order; a renderer failure is a defect. */
  List<Fix> render(
      ParsedInput input, List<Finding> findings, Set<String> failed, String text, ProofWork work) {
    work.fixes(findings);
    List<Fix> out = new ArrayList<>();
    for (Finding f : findings) {
      Budget.current().tick();
      if (f.fix().isEmpty() || (!failed.isEmpty() && failed.contains(FixRounds.key(f, text)))) {
        continue;
      }
      Optional<Rendered> r;
      try {
        r = remediator.render(input, f);
      } catch (LimitExceeded | BudgetExceeded stop) {
        throw stop;
      } catch (RuntimeException ex) {
        work.defect(f, "the renderer failed: " + ex);
        continue;
      }
      if (r.isPresent()) {
        work.rendered(r.get());
        out.add(new Fix(f, r.get()));
      }
    }
    return out;
  }

  /**
   * Fixes that can be applied together: text edits that do not overlap ({@link EditSet}) and, for
   * an input with a document, JSON Patches that compose ({@link PatchComposer}).
   */
  static final class Grouping {
    private final EditSet edits;
    private final PatchComposer patches;

    Grouping(ParsedInput input) {
      this.edits = input.source().hasSpans() ? new EditSet() : null;
      this.patches = input.document() != null ? new PatchComposer(input.document()) : null;
    }

    /** Takes the fix when it goes with those taken so far. */
    boolean add(Rendered r) {
      if (edits != null && edits.overlapsAny(r.edits())) {
        return false;
      }
      if (patches != null && !patches.add(r.patch())) {
        return false;
      }
      if (edits != null) {
        edits.addAll(r.edits());
      }
      return true;
    }
  }

  /**
   * One proof of an evaluation's fixes: what every batch is applied to and evaluated with, where
   * the verified fixes go, and the work it may do.
   */
  private record Proof(
      Evaluation e,
      InputRequest request,
      EvaluationOptions options,
      Map<Finding, Remedy> out,
      ProofWork work) {}

  /** Proves a batch; what it does not prove is proven in halves or among itself, then alone. */
  private void prove(Proof p, List<Fix> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (!p.work().proof()) {
      p.work().unproven(batch.size());
      return;
    }
    if (batch.size() == 1) {
      Fix x = batch.get(0);
      verified(p.e(), x.finding(), x.rendered(), p.request(), p.options(), false, p.work())
          .ifPresent(v -> p.out().put(x.finding(), v.remedy()));
      return;
    }
    List<Fix> open = batch(p, batch);
    if (open.size() == batch.size()) {
      int half = batch.size() / 2;
      prove(p, batch.subList(0, half));
      prove(p, batch.subList(half, batch.size()));
    } else {
      prove(p, open);
    }
  }

  /**
   * Applies one batch of fixes together and re-evaluates the rules they fix; returns the fixes it
   * did not prove (all of them when the result does not parse as the same containers).
   */
  private List<Fix> batch(Proof p, List<Fix> batch) {
    ParsedInput before = p.e().input();
    String text = applied(before, batch);
    if (text == null) {
      return batch;
    }
    InputRequest fixedRequest = p.request().withText(text);
    ParsedInput after = parser.parse(fixedRequest);
    if (after.hasErrors() || after.containers().size() != before.containers().size()) {
      return batch;
    }
    Set<String> ruleIds = new HashSet<>();
    batch.forEach(x -> ruleIds.add(x.finding().ruleId()));
    List<Finding> again = evaluations.recheck(after, fixedRequest, p.options(), ruleIds);
    Closed closed = new Closed(Closed.all(p.e()), again, batch);
    List<Fix> open = new ArrayList<>();
    for (Fix x : batch) {
      if (closed.test(x.finding())) {
        p.out().put(x.finding(), remedy(before, x.finding(), x.rendered(), p.work()));
      } else {
        open.add(x);
      }
    }
    return open;
  }

  /** The input with every fix of {@code fixes} applied, or null when they do not go together. */
  static String applied(ParsedInput before, List<Fix> fixes) {
    try {
      if (before.source().hasSpans()) {
        List<TextEdit> edits = new ArrayList<>();
        fixes.forEach(x -> edits.addAll(x.rendered().edits()));
        return TextEdit.apply(before.source().original(), edits);
      }
      List<PatchOp> patch = composed(before, fixes);
      return patch == null ? null : JsonPatch.write(JsonPatch.apply(before.document(), patch));
    } catch (IllegalArgumentException notTogether) {
      return null;
    }
  }

  /**
   * The fixes' JSON Patches as one patch that applies in order, or null when they do not compose.
   */
  static List<PatchOp> composed(ParsedInput before, List<Fix> fixes) {
    if (before.document() == null) {
      return List.of(); // docker run: no document, no patch
    }
    PatchComposer composer = new PatchComposer(before.document());
    for (Fix x : fixes) {
      if (!composer.add(x.rendered().patch())) {
        return null;
      }
    }
    return composer.patch();
  }

  /**
   * The offered fix: the rule's remediation sentence (with the renderer's note), patch, edits, and
   * what applying it costs.
   */
  private Remedy remedy(ParsedInput before, Finding f, Rendered r, ProofWork work) {
    String description = r.note() == null ? f.remediation() : join(f.remediation(), r.note());
    String command =
        before.format().readsCommands()
            ? commandWith(before, f.containerIndex(), r.edits())
            : null;
    if (command != null) {
      work.chars(command.length());
    }
    FixImpact impact = impacts.of(before, f);
    if (impact != null && impact.breaks() != null) {
      // what an impact says counts against the answer's size, as the fix's edits do
      work.chars(impact.breaks().length());
      for (Alternative x : impact.alternatives()) {
        work.chars(x.description().length() + (x.snippet() == null ? 0 : x.snippet().length()));
      }
    }
    return new Remedy(
        description,
        r.patch(),
        before.source().hasSpans() ? r.edits() : List.of(),
        command,
        impact);
  }

  /** What the fix of {@code f} (a finding on {@code input}) costs; null when it has no fix. */
  FixImpact impact(ParsedInput input, Finding f) {
    return impacts.of(input, f);
  }

  /**
   * The {@code docker run} command of container {@code index} with only these edits made, or null
   * when it is longer than {@link #COMMAND_COPY_MAX} (or the edits reach outside it).
   */
  static String commandWith(ParsedInput before, int index, List<TextEdit> edits) {
    if (index < 0 || index >= before.containers().size()) {
      return null;
    }
    Origin o = before.containers().get(index).locations().get(Container.COMMAND_LINE);
    if (o == null || o.span() == null) {
      return null;
    }
    int start = o.span().start().offset();
    int end = o.span().end().offset();
    if (end - start > COMMAND_COPY_MAX) {
      return null;
    }
    String original = before.source().original();
    List<TextEdit> inside = new ArrayList<>(edits.size());
    for (TextEdit x : edits) {
      if (x.start().offset() < start || x.end().offset() > end) {
        return null;
      }
      inside.add(x);
    }
    String fixed = TextEdit.apply(original.substring(0, end), inside);
    return fixed.substring(start);
  }

  /**
   * Applies every verified fix, round after round and evaluating again after each, until no finding
   * with a fix is left (or no fix verifies, or {@link FixRounds#MAX_ROUNDS}); the answer carries
   * {@link #remedies} of {@code e} too.
   */
  public FixResult fixAll(Evaluation e, InputRequest request, EvaluationOptions options) {
    return fixAll(e, request, options, Apply.ALL);
  }

  /**
   * Applies the verified fixes {@code apply} selects, round after round as {@link
   * #fixAll(Evaluation, InputRequest, EvaluationOptions)} does; with {@link Apply#SAFE}, fixes
   * whose impact is {@code review} are not applied, and the answer lists those of {@code e}'s
   * findings that are still open.
   */
  public FixResult fixAll(
      Evaluation e, InputRequest request, EvaluationOptions options, Apply apply) {
    return fixAll(e, request, options, apply, remedies(e, request, options));
  }

  /**
   * As {@link #fixAll(Evaluation, InputRequest, EvaluationOptions, Apply)}, from the fixes of
   * {@code e}'s findings already proven ({@link Answer#remedies}).
   */
  FixResult fixAll(
      Evaluation e,
      InputRequest request,
      EvaluationOptions options,
      Apply apply,
      Remedies remedies) {
    return new FixRounds(this).run(e, request, options, remedies, apply);
  }

  ParseService parser() {
    return parser;
  }

  EvaluationService evaluations() {
    return evaluations;
  }

  /** One finding's fix verified alone, as {@link #remedies} falls back to (for tests). */
  Optional<Remedy> alone(Evaluation e, Finding f, InputRequest request, EvaluationOptions options) {
    ProofWork work = new ProofWork();
    Optional<Rendered> r;
    try {
      r = remediator.render(e.input(), f);
    } catch (LimitExceeded | BudgetExceeded stop) {
      throw stop;
    } catch (RuntimeException ex) {
      work.defect(f, "the renderer failed: " + ex);
      return Optional.empty();
    }
    return r.flatMap(x -> verified(e, f, x, request, options, false, work)).map(Verified::remedy);
  }

  /**
   * A fix that passed, and what evaluating the fixed input gave (only when asked for the whole
   * evaluation, else null).
   */
  record Verified(Remedy remedy, Evaluation evaluation, InputRequest request) {}

  /**
   * Applies one rendered fix alone, parses and evaluates again; {@code whole} evaluates every rule
   * (the fix-everything loop goes on from that evaluation), else only the fixed rule.
   */
  Optional<Verified> verified(
      Evaluation e,
      Finding f,
      Rendered r,
      InputRequest request,
      EvaluationOptions options,
      boolean whole,
      ProofWork work) {
    ParsedInput before = e.input();
    String text;
    try {
      text =
          before.source().hasSpans()
              ? TextEdit.apply(before.source().original(), r.edits())
              : JsonPatch.write(JsonPatch.apply(before.document(), r.patch()));
    } catch (IllegalArgumentException ex) {
      return defect(work, f, "the fix does not apply: " + ex.getMessage());
    }
    InputRequest fixedRequest = request.withText(text);
    ParsedInput after = parser.parse(fixedRequest);
    if (after.hasErrors() || after.containers().size() != before.containers().size()) {
      return defect(work, f, "the fixed input does not parse: " + after.errors());
    }
    if (before.document() != null && before.source().hasSpans() && !r.patch().isEmpty()) {
      Object patched;
      try {
        patched = JsonPatch.apply(before.document(), r.patch());
      } catch (IllegalArgumentException ex) {
        return defect(work, f, "the JSON Patch does not apply: " + ex.getMessage());
      }
      if (!JsonPatch.same(patched, after.document())) {
        return defect(work, f, "the JSON Patch and the text edits disagree");
      }
    }
    Evaluation again = whole ? evaluations.evaluate(after, fixedRequest, options) : null;
    List<Finding> now =
        whole
            ? Closed.all(again)
            : evaluations.recheck(after, fixedRequest, options, Set.of(f.ruleId()));
    if (!new Closed(Closed.all(e), now, List.of(new Fix(f, r))).test(f)) {
      return defect(work, f, "the fix does not close the finding");
    }
    return Optional.of(new Verified(remedy(before, f, r, work), again, fixedRequest));
  }

  private static Optional<Verified> defect(ProofWork work, Finding f, String why) {
    work.defect(f, why);
    return Optional.empty();
  }

  /** Whether two edits cannot be applied together (a point insertion may touch a range's ends). */
  static boolean overlap(TextEdit a, TextEdit b) {
    int as = a.start().offset();
    int ae = a.end().offset();
    int bs = b.start().offset();
    int be = b.end().offset();
    if (Math.max(as, bs) < Math.min(ae, be)) {
      return true;
    }
    return (as == ae && bs < as && as < be) || (bs == be && as < bs && bs < ae);
  }

  private static String join(String a, String b) {
    return a == null || a.isBlank() ? b : a + " " + b;
  }
}
