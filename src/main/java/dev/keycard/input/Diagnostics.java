package dev.keycard.input;

import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostics of one input, collected by every parser and by {@link InputReader} under one
 * policy, so that hostile input cannot grow an answer without end and a flood of warnings cannot
 * hide why an input was rejected:
 *
 * <ul>
 *   <li>at most {@code max} errors and at most {@code max} warnings are kept, in the order they
 *       came; the first error therefore always makes it in, whatever came before it;
 *   <li>an exact repeat of a kept diagnostic (same severity, code, message, span and path: an
 *       aliased scalar is read once per use) is dropped silently, as it says nothing new;
 *   <li>what is left out beyond the bounds is counted, and said once, as the last diagnostic: an
 *       {@link DiagnosticCode#INPUT_DIAGNOSTICS_TRUNCATED} warning that takes the place of the
 *       last kept warning, so the warnings listed never exceed {@code max} either.
 * </ul>
 *
 * <p>Only kept diagnostics are remembered for de-duplication (at most {@code 2 * max}), so the
 * count of left-out ones may include repeats of each other; memory stays bounded by the limit, not
 * by the input.
 */
public final class Diagnostics {
  private static final String LEFT_OUT = " more diagnostics were left out (at most ";

  private final Source source;
  private final int max;
  private final List<Diagnostic> kept = new ArrayList<>();
  private final Set<Diagnostic> seen = new HashSet<>();
  private int errors;
  private int warnings;
  private long dropped;

  /**
   * @param source the text the offsets of {@link #add(DiagnosticCode, String, int, int, String)}
   *     point into; may be null when only positioned diagnostics are added
   * @param max how many errors, and how many warnings, are kept ({@link
   *     ParseLimits#maxDiagnostics()}); at least one of each
   */
  public Diagnostics(Source source, int max) {
    this.source = source;
    this.max = Math.max(1, max);
  }

  /**
   * The collector {@code diagnostics} were collected by, to add more to: a truncation notice among
   * them is counted again as what it left out, not kept as a diagnostic.
   */
  public static Diagnostics continuing(Source source, int max, List<Diagnostic> diagnostics) {
    Diagnostics d = new Diagnostics(source, max);
    for (Diagnostic x : diagnostics) {
      long count = leftOut(x);
      if (count >= 0) {
        d.dropped += count;
      } else {
        d.add(x);
      }
    }
    return d;
  }

  /** The span of {@code [start, end)} of the source. */
  public Span span(int start, int end) {
    return source.span(start, end);
  }

  /** Adds a diagnostic of {@code code} at {@code [start, end)} of the source, with a path. */
  public void add(DiagnosticCode code, String message, int start, int end, String path) {
    add(Diagnostic.of(code, message, source.span(start, end)).withPath(path));
  }

  /** Adds a diagnostic of {@code code} at {@code [start, end)} of the source, without a path. */
  public void add(DiagnosticCode code, String message, int start, int end) {
    add(code, message, start, end, null);
  }

  /** Adds a diagnostic of {@code code} at {@code span} (null when unknown), with a path. */
  public void add(DiagnosticCode code, String message, Span span, String path) {
    add(Diagnostic.of(code, message, span).withPath(path));
  }

  /** Adds a diagnostic made elsewhere ({@link Shapes#notASpec}, a lexer's warnings). */
  public void add(Diagnostic d) {
    if (seen.contains(d)) {
      return;
    }
    if (d.isError() ? errors >= max : warnings >= max) {
      dropped++;
      return;
    }
    if (d.isError()) {
      errors++;
    } else {
      warnings++;
    }
    seen.add(d);
    kept.add(d);
  }

  /** Adds each of {@code ds}, in order. */
  public void addAll(List<Diagnostic> ds) {
    ds.forEach(this::add);
  }

  /** Whether an error was added (the first error is always kept). */
  public boolean hasErrors() {
    return errors > 0;
  }

  /** How many diagnostics were left out so far (repeats of kept ones are not counted). */
  public long dropped() {
    return dropped;
  }

  /** The kept diagnostics in order, ending with the truncation notice when some were left out. */
  public List<Diagnostic> list() {
    if (dropped == 0) {
      return List.copyOf(kept);
    }
    // the notice takes the place of the max-th warning, so the warnings listed stay within max
    boolean full = warnings >= max;
    long leftOut = dropped + (full ? 1 : 0);
    List<Diagnostic> out = new ArrayList<>(kept.size() + 1);
    int w = 0;
    for (Diagnostic d : kept) {
      if (!d.isError() && ++w == max && full) {
        continue;
      }
      out.add(d);
    }
    out.add(
        Diagnostic.of(
            DiagnosticCode.INPUT_DIAGNOSTICS_TRUNCATED,
            leftOut + LEFT_OUT + max + " warnings and " + max + " errors are listed)",
            null));
    return List.copyOf(out);
  }

  /** The count a truncation notice of this class says it left out, or -1 for another diagnostic. */
  private static long leftOut(Diagnostic d) {
    if (!d.is(DiagnosticCode.INPUT_DIAGNOSTICS_TRUNCATED)) {
      return -1;
    }
    int end = d.message().indexOf(LEFT_OUT);
    try {
      return end < 0 ? 0 : Long.parseLong(d.message().substring(0, end));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
