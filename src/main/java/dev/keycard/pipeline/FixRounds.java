package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.RemediationService.Fix;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fix-everything loop of {@link RemediationService#fixAll}: round after round, the fixes that
 * go together are applied at once when they prove out, else the first half of them, down to one.
 */
final class FixRounds {
  /** Bounds the fix-everything loop; each round applies at least one fix or gives one up. */
  static final int MAX_ROUNDS = 200;

  private final RemediationService service;

  FixRounds(RemediationService service) {
    this.service = service;
  }

  /**
   * Applies every verified fix, round after round and evaluating again after each, until no finding
   * with a fix is left (or no fix verifies, or {@link #MAX_ROUNDS}). A round applies the fixes that
   * go together ({@link RemediationService.Grouping}) when they prove out together; when they do not, the first half
   * of them, and so on down to the first fix alone, which is given up when it fails. With {@link
   * Apply#SAFE}, only fixes whose impact is {@code safe} are candidates.
   */
  FixResult run(
      Evaluation e,
      InputRequest request,
      EvaluationOptions options,
      Remedies remedies,
      Apply apply) {
    ProofWork work = new ProofWork();
    Evaluation current = e;
    InputRequest currentRequest = request;
    List<PatchOp> patch = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    int applied = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Budget.current().check();
      List<Fix> tried = candidates(current, currentRequest, failed, apply);
      if (tried.isEmpty()) {
        break;
      }
      Round r;
      while (true) {
        r =
            tried.size() == 1
                ? one(current, tried.get(0), currentRequest, options, work)
                : together(current, tried, currentRequest, options);
        if (r != null || tried.size() == 1) {
          break;
        }
        tried = tried.subList(0, tried.size() / 2);
      }
      if (r == null) {
        failed.add(key(tried.get(0).finding(), currentRequest.text()));
        continue;
      }
      applied += r.fixes();
      patch.addAll(r.patch());
      current = r.evaluation();
      currentRequest = r.request();
    }
    work.finish();
    return new FixResult(
        e,
        remedies,
        e.input().source().original(),
        current.input().source().original(),
        patch,
        applied,
        current,
        current.input(),
        apply,
        notApplied(e, remedies, current, apply));
  }

  /**
   * The findings of {@code e} whose verified fix needs a review, not applied in {@link Apply#SAFE}
   * and still found in the fixed input (a safe fix of the same setting may have closed one).
   */
  private static List<Finding> notApplied(
      Evaluation e, Remedies remedies, Evaluation after, Apply apply) {
    if (apply == Apply.ALL) {
      return List.of();
    }
    Set<String> open = new HashSet<>();
    Closed.all(after).forEach(f -> open.add(f.fingerprint()));
    List<Finding> out = new ArrayList<>();
    for (Finding f : e.findings()) {
      Remedy r = remedies.of(f);
      if (r != null && r.review() && open.contains(f.fingerprint())) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The fixes of {@code e} that go together, not counting those already given up nor, with {@link
   * Apply#SAFE}, those that need a review.
   */
  private List<Fix> candidates(
      Evaluation e, InputRequest request, Set<String> failed, Apply apply) {
    ProofWork round = new ProofWork(); // each round renders anew: its size is its own
    List<Finding> findings = e.findings();
    if (apply != Apply.ALL) {
      findings = new ArrayList<>(findings.size());
      for (Finding f : e.findings()) {
        Budget.current().tick();
        if (!f.fix().isEmpty() && apply.applies(service.impact(e.input(), f))) {
          findings.add(f);
        }
      }
    }
    List<Fix> all = service.render(e.input(), findings, failed, request.text(), round);
    RemediationService.Grouping group = new RemediationService.Grouping(e.input());
    List<Fix> out = new ArrayList<>();
    for (Fix x : all) {
      Budget.current().tick();
      boolean patchless = e.input().document() != null && x.rendered().patch().isEmpty();
      if (!patchless && group.add(x.rendered())) {
        out.add(x);
      } else if (out.isEmpty()) {
        // a fix that goes with no other (no patch to check the text against, or a patch that
        // cannot be composed) takes a round of its own
        out.add(x);
        break;
      }
    }
    round.finish();
    return out;
  }

  static String key(Finding f, String text) {
    return f.fingerprint() + "@" + text.hashCode();
  }

  /** One round of the fix-everything loop. */
  private record Round(
      int fixes, List<PatchOp> patch, Evaluation evaluation, InputRequest request) {}

  /** A round of one fix, verified alone (logging a defect when it fails). */
  private Round one(
      Evaluation e, Fix x, InputRequest request, EvaluationOptions options, ProofWork work) {
    return service
        .verified(e, x.finding(), x.rendered(), request, options, true, work)
        .map(v -> new Round(1, v.remedy().patch(), v.evaluation(), v.request()))
        .orElse(null);
  }

  /**
   * Applies several fixes at once, when that proves out as a whole: the text parses, the fixes'
   * composed JSON Patch gives the document that text parses to, and evaluating it closes every one
   * of their findings. Null when it does not. A compose document's thirty fixes, or a thousand
   * removals from one list, then take a round or two, each one parse and one evaluation.
   */
  private Round together(
      Evaluation e, List<Fix> fixes, InputRequest request, EvaluationOptions options) {
    ParsedInput before = e.input();
    List<PatchOp> patch = RemediationService.composed(before, fixes);
    String text = patch == null ? null : RemediationService.applied(before, fixes);
    if (text == null) {
      return null;
    }
    InputRequest fixedRequest = request.withText(text);
    ParsedInput after = service.parser().parse(fixedRequest);
    if (after.hasErrors() || after.containers().size() != before.containers().size()) {
      return null;
    }
    if (before.document() != null) {
      try {
        if (!JsonPatch.same(JsonPatch.apply(before.document(), patch), after.document())) {
          return null;
        }
      } catch (IllegalArgumentException ex) {
        return null;
      }
    }
    Evaluation again = service.evaluations().evaluate(after, fixedRequest, options);
    Closed closed = new Closed(Closed.all(e), Closed.all(again), fixes);
    for (Fix x : fixes) {
      if (!closed.test(x.finding())) {
        return null;
      }
    }
    return new Round(fixes.size(), patch, again, fixedRequest);
  }
}
