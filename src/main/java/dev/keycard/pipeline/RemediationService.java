package dev.keycard.pipeline;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.JsonPatch;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Stage 4 with its proof: renders each finding's fix, applies it, parses and evaluates again, and
 * offers only fixes that leave a document that parses and close their finding. A fix that fails
 * this is a renderer defect: it is logged and never offered.
 */
@ApplicationScoped
public class RemediationService {
  private static final Logger LOG = Logger.getLogger(RemediationService.class);

  /** Bounds the fix-everything loop; each round applies one fix. */
  static final int MAX_ROUNDS = 200;

  private final ParseService parser;
  private final EvaluationService evaluations;
  private final Remediator remediator = Remediator.standard();

  public RemediationService(ParseService parser, EvaluationService evaluations) {
    this.parser = parser;
    this.evaluations = evaluations;
  }

  /**
   * The verified fix of every finding of {@code e} that has one. For a compose or engine-api text,
   * fixes are verified in batches: each batch is a set of fixes whose edits do not overlap, applied
   * together and proven with one parse and one evaluation of the rules they fix; fixes that overlap
   * an earlier one go to the next batch, so a document needs as many parses as its most contended
   * spot has fixes, not one per finding. A fix its batch does not prove (a document that no longer
   * parses, a finding still open) is verified alone, as is every docker run fix. That each fix's
   * JSON Patch equals its text edits is proven by the test suite for every rule example and corpus
   * input; alone-verification also checks it at run time.
   */
  public Remedies remedies(Evaluation e, InputRequest request, EvaluationOptions options) {
    Map<Finding, Remedy> out = new IdentityHashMap<>();
    List<Finding> alone = new ArrayList<>(e.findings());
    if (e.input().source().hasSpans() && e.input().format() != InputFormat.DOCKER_RUN) {
      alone = batches(e, request, options, out);
    }
    for (Finding f : alone) {
      verified(e, f, request, options, false).ifPresent(v -> out.put(f, v.remedy()));
    }
    return Remedies.of(out);
  }

  /** Verifies the fixes batch by batch; returns the findings no batch proved. */
  private List<Finding> batches(
      Evaluation e, InputRequest request, EvaluationOptions options, Map<Finding, Remedy> out) {
    Map<Finding, Rendered> rendered = new IdentityHashMap<>();
    List<Finding> pending = new ArrayList<>();
    for (Finding f : e.findings()) {
      try {
        remediator.render(e.input(), f).ifPresent(r -> rendered.put(f, r));
      } catch (RuntimeException ex) {
        return e.findings(); // alone-verification logs the defect
      }
      if (rendered.containsKey(f)) {
        pending.add(f);
      }
    }
    List<Finding> alone = new ArrayList<>();
    while (!pending.isEmpty()) {
      List<Finding> batch = new ArrayList<>();
      List<Finding> later = new ArrayList<>();
      EditSet edits = new EditSet();
      for (Finding f : pending) {
        List<TextEdit> own = rendered.get(f).edits();
        if (edits.overlapsAny(own)) {
          later.add(f);
        } else {
          batch.add(f);
          edits.addAll(own);
        }
      }
      if (batch.size() == 1) {
        alone.add(batch.get(0));
      } else {
        alone.addAll(batch(e, batch, rendered, edits.list(), request, options, out));
      }
      pending = later;
    }
    return alone;
  }

  /** Applies one batch of non-overlapping fixes together; returns the findings it did not prove. */
  private List<Finding> batch(
      Evaluation e,
      List<Finding> batch,
      Map<Finding, Rendered> rendered,
      List<TextEdit> edits,
      InputRequest request,
      EvaluationOptions options,
      Map<Finding, Remedy> out) {
    ParsedInput before = e.input();
    String text;
    try {
      text = TextEdit.apply(before.source().original(), edits);
    } catch (IllegalArgumentException overlapping) {
      return batch;
    }
    InputRequest fixedRequest = request.withText(text);
    ParsedInput after = parser.parse(fixedRequest);
    if (after.hasErrors() || after.containers().size() != before.containers().size()) {
      return batch;
    }
    Set<String> ruleIds = new HashSet<>();
    batch.forEach(f -> ruleIds.add(f.ruleId()));
    List<Finding> again = evaluations.recheck(after, fixedRequest, options, ruleIds);
    Closed closed = new Closed(all(e), again);
    List<Finding> unproven = new ArrayList<>();
    for (Finding f : batch) {
      if (closed.test(f)) {
        out.put(f, remedy(f, rendered.get(f), rendered.get(f).edits(), null));
      } else {
        unproven.add(f);
      }
    }
    return unproven;
  }

  /** The offered fix: the rule's remediation sentence (with the renderer's note), patch, edits. */
  private static Remedy remedy(Finding f, Rendered r, List<TextEdit> edits, String command) {
    String description = r.note() == null ? f.remediation() : join(f.remediation(), r.note());
    return new Remedy(description, r.patch(), edits, command);
  }

  /** One finding's fix verified alone, as {@link #remedies} falls back to (for tests). */
  Optional<Remedy> alone(Evaluation e, Finding f, InputRequest request, EvaluationOptions options) {
    return verified(e, f, request, options, false).map(Verified::remedy);
  }

  /**
   * Applies every verified fix, round after round and evaluating again after each, until no
   * finding with a fix is left (or no fix verifies, or {@link #MAX_ROUNDS}). A round applies the
   * fixes whose edits do not overlap all together when they prove out together, else one fix.
   */
  public FixResult fixAll(Evaluation e, InputRequest request, EvaluationOptions options) {
    Remedies remedies = remedies(e, request, options);
    Evaluation current = e;
    InputRequest currentRequest = request;
    List<PatchOp> patch = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    int applied = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Round together = together(current, currentRequest, options, failed);
      if (together != null) {
        applied += together.fixes();
        patch.addAll(together.patch());
        current = together.evaluation();
        currentRequest = together.request();
        continue;
      }
      Verified next = null;
      for (Finding f : current.findings()) {
        String key = f.fingerprint() + "@" + currentRequest.text().hashCode();
        if (f.fix().isEmpty() || failed.contains(key)) {
          continue;
        }
        next = verified(current, f, currentRequest, options, true).orElse(null);
        if (next != null) {
          break;
        }
        failed.add(key);
      }
      if (next == null) {
        break;
      }
      applied++;
      patch.addAll(next.remedy().patch());
      current = next.evaluation();
      currentRequest = next.request();
    }
    return new FixResult(
        e,
        remedies,
        e.input().source().original(),
        current.input().source().original(),
        patch,
        applied,
        current,
        current.input());
  }

  /** One round of the fix-everything loop that applied several fixes at once. */
  private record Round(int fixes, List<PatchOp> patch, Evaluation evaluation, InputRequest request) {}

  /**
   * Applies at once every fix of {@code e} whose edits overlap no other's, when that proves out as a
   * whole: the text parses, the fixes' JSON Patches applied one after another give the document
   * that text parses to, and evaluating it closes every one of their findings. Null when it does
   * not (or when fewer than two fixes would go together), so that the loop goes one fix at a time.
   * A compose document's thirty fixes then take a round or two, each one parse and one evaluation,
   * rather than thirty.
   */
  private Round together(
      Evaluation e, InputRequest request, EvaluationOptions options, Set<String> failed) {
    ParsedInput before = e.input();
    if (!before.source().hasSpans()
        || before.format() == InputFormat.DOCKER_RUN
        || before.document() == null) {
      return null;
    }
    List<Finding> batch = new ArrayList<>();
    List<Rendered> fixes = new ArrayList<>();
    EditSet edits = new EditSet();
    for (Finding f : e.findings()) {
      if (f.fix().isEmpty() || failed.contains(f.fingerprint() + "@" + request.text().hashCode())) {
        continue;
      }
      Optional<Rendered> r;
      try {
        r = remediator.render(before, f);
      } catch (RuntimeException ex) {
        return null; // going one at a time logs the defect
      }
      if (r.isPresent() && !r.get().patch().isEmpty() && !edits.overlapsAny(r.get().edits())) {
        batch.add(f);
        fixes.add(r.get());
        edits.addAll(r.get().edits());
      }
    }
    if (batch.size() < 2) {
      return null;
    }
    String text;
    Object patched;
    List<PatchOp> patch = new ArrayList<>();
    fixes.forEach(r -> patch.addAll(r.patch()));
    try {
      text = TextEdit.apply(before.source().original(), edits.list());
      patched = JsonPatch.apply(before.document(), patch);
    } catch (IllegalArgumentException ex) {
      return null;
    }
    InputRequest fixedRequest = request.withText(text);
    ParsedInput after = parser.parse(fixedRequest);
    if (after.hasErrors()
        || after.containers().size() != before.containers().size()
        || !JsonPatch.same(patched, after.document())) {
      return null; // e.g. two fixes adding to one list: each patch was written for the text before
    }
    Evaluation again = evaluations.evaluate(after, fixedRequest, options);
    Closed closed = new Closed(all(e), all(again));
    for (Finding f : batch) {
      if (!closed.test(f)) {
        return null;
      }
    }
    return new Round(batch.size(), patch, again, fixedRequest);
  }

  /**
   * A fix that passed, and what evaluating the fixed input gave (only when asked for the whole
   * evaluation, else null).
   */
  private record Verified(Remedy remedy, Evaluation evaluation, InputRequest request) {}

  /**
   * Applies one fix alone, parses and evaluates again; {@code whole} evaluates every rule (the
   * fix-everything loop goes on from that evaluation), else only the fixed rule.
   */
  private Optional<Verified> verified(
      Evaluation e, Finding f, InputRequest request, EvaluationOptions options, boolean whole) {
    Optional<Rendered> rendered;
    try {
      rendered = remediator.render(e.input(), f);
    } catch (RuntimeException ex) {
      return defect(f, "the renderer failed: " + ex);
    }
    if (rendered.isEmpty()) {
      return Optional.empty();
    }
    Rendered r = rendered.get();
    ParsedInput before = e.input();
    String text;
    try {
      text =
          before.source().hasSpans()
              ? TextEdit.apply(before.source().original(), r.edits())
              : JsonPatch.write(JsonPatch.apply(before.document(), r.patch()));
    } catch (IllegalArgumentException ex) {
      return defect(f, "the fix does not apply: " + ex.getMessage());
    }
    InputRequest fixedRequest = request.withText(text);
    ParsedInput after = parser.parse(fixedRequest);
    if (after.hasErrors() || after.containers().size() != before.containers().size()) {
      return defect(f, "the fixed input does not parse: " + after.errors());
    }
    if (before.document() != null && before.source().hasSpans() && !r.patch().isEmpty()) {
      Object patched;
      try {
        patched = JsonPatch.apply(before.document(), r.patch());
      } catch (IllegalArgumentException ex) {
        return defect(f, "the JSON Patch does not apply: " + ex.getMessage());
      }
      if (!JsonPatch.same(patched, after.document())) {
        return defect(f, "the JSON Patch and the text edits disagree");
      }
    }
    Evaluation again = whole ? evaluations.evaluate(after, fixedRequest, options) : null;
    List<Finding> now =
        whole ? all(again) : evaluations.recheck(after, fixedRequest, options, Set.of(f.ruleId()));
    if (!closed(f, all(e), now)) {
      return defect(f, "the fix does not close the finding");
    }
    Remedy remedy =
        remedy(
            f,
            r,
            before.source().hasSpans() ? r.edits() : List.of(),
            before.format() == InputFormat.DOCKER_RUN
                ? after.commandLine(f.containerIndex())
                : null);
    return Optional.of(new Verified(remedy, again, fixedRequest));
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

  /**
   * Whether re-evaluation no longer shows the finding (for a list item: one fewer of it); both
   * lists hold every finding, waived or not.
   */
  private static boolean closed(Finding f, List<Finding> before, List<Finding> after) {
    if (f.itemIndex() >= 0) {
      return count(after, f) < count(before, f);
    }
    return after.stream()
        .noneMatch(x -> x.ruleId().equals(f.ruleId()) && x.containerIndex() == f.containerIndex());
  }

  private static long count(List<Finding> findings, Finding f) {
    return findings.stream().filter(x -> x.fingerprint().equals(f.fingerprint())).count();
  }

  /** {@link #closed} for every finding of a batch, each list counted once. */
  private static final class Closed {
    private final Map<String, Integer> before = new HashMap<>();
    private final Map<String, Integer> after = new HashMap<>();
    private final Set<String> open = new HashSet<>();

    Closed(List<Finding> before, List<Finding> after) {
      before.forEach(x -> this.before.merge(x.fingerprint(), 1, Integer::sum));
      for (Finding x : after) {
        this.after.merge(x.fingerprint(), 1, Integer::sum);
        open.add(x.containerIndex() + "\u0000" + x.ruleId());
      }
    }

    boolean test(Finding f) {
      if (f.itemIndex() >= 0) {
        return after.getOrDefault(f.fingerprint(), 0) < before.getOrDefault(f.fingerprint(), 0);
      }
      return !open.contains(f.containerIndex() + "\u0000" + f.ruleId());
    }
  }

  private static List<Finding> all(Evaluation e) {
    List<Finding> out = new ArrayList<>(e.findings());
    e.suppressed().forEach(s -> out.add(s.finding()));
    return out;
  }

  private static Optional<Verified> defect(Finding f, String why) {
    LOG.warnf(
        "remediation defect: fix for %s on container '%s' (%s) not offered: %s",
        f.ruleId(), f.container(), f.path(), why);
    return Optional.empty();
  }
}
