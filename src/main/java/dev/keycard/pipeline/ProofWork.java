package dev.keycard.pipeline;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.engine.Finding;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Rendered;
import dev.keycard.remediation.TextEdit;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What proving one request's fixes may spend, and what it logs: the parse-and-evaluate rounds
 * ({@link #MAX_PROOFS}), the fixes rendered ({@code max-fixes}), the size of what they render
 * ({@code max-answer-size}, checked before an answer that large is built), and renderer defects,
 * logged one line each with the caller's text escaped, at most {@link #MAX_DEFECT_LINES} a request.
 * One per call of {@link RemediationService#remedies} or {@link RemediationService#fixAll}.
 */
final class ProofWork {
  private static final Logger LOG = Logger.getLogger(RemediationService.class);

  /**
   * Parse-and-evaluate rounds that prove one answer's fixes. Fixes that do not overlap are proven
   * together, one round a batch, so a document needs as many rounds as its most contended place has
   * fixes: a handful for real inputs. Fixes left when the rounds are spent are not offered.
   */
  static final int MAX_PROOFS = 16;

  /** Defect lines one request logs; the rest are counted in one more line. */
  static final int MAX_DEFECT_LINES = 5;

  private final Caps caps = Budget.current().caps();
  private int proofsLeft = MAX_PROOFS;
  private int unproven;
  private int defects;
  private long renderedChars;

  /** Refuses more fixable findings than {@code max-fixes} before any is rendered. */
  void fixes(List<Finding> findings) {
    int n = 0;
    for (Finding f : findings) {
      if (!f.fix().isEmpty()) {
        n++;
      }
    }
    if (n > caps.maxFixes()) {
      throw LimitExceeded.of(
          "max-fixes",
          caps.maxFixes(),
          "the input has "
              + n
              + " findings with a fix; one request renders and proves at most "
              + caps.maxFixes()
              + " (keycard.limits.max-fixes)");
    }
  }

  /**
   * Counts what a fix renders, and refuses once the fixes rendered so far would not fit an answer
   * ({@code max-answer-size}): an anchored list of 200 mounts in 99 services renders 19,800 copies
   * of that list.
   */
  void rendered(Rendered r) {
    long n = 0;
    for (TextEdit e : r.edits()) {
      n += e.text().length() + 64;
    }
    for (PatchOp op : r.patch()) {
      n += op.path().length() + weight(op.value()) + 32;
    }
    chars(n);
  }

  /** Counts {@code n} more characters of rendered fixes (a fixed command line, say). */
  void chars(long n) {
    renderedChars += n;
    if (renderedChars > caps.maxAnswerSize()) {
      throw LimitExceeded.of(
          "max-answer-size",
          caps.maxAnswerSize(),
          "the fixes of this input would make an answer larger than "
              + caps.maxAnswerSize()
              + " bytes (keycard.limits.max-answer-size)");
    }
  }

  /** Takes one parse-and-evaluate round; false when none is left. */
  boolean proof() {
    Budget.current().check();
    if (proofsLeft == 0) {
      return false;
    }
    proofsLeft--;
    return true;
  }

  /** Fixes not offered because the rounds were spent. */
  void unproven(int n) {
    unproven += n;
  }

  /** A fix that failed its proof: a renderer defect, logged on one line (a few per request). */
  void defect(Finding f, String why) {
    if (++defects > MAX_DEFECT_LINES) {
      return;
    }
    LOG.warnf(
        "remediation defect: fix for %s on container '%s' (%s) not offered: %s",
        LogText.of(f.ruleId()),
        LogText.of(f.container()),
        LogText.of(f.path()),
        LogText.of(why, 2 * LogText.MAX));
  }

  /** Logs what was only counted: defects beyond the first few, fixes the rounds did not reach. */
  void finish() {
    if (defects > MAX_DEFECT_LINES) {
      LOG.warnf(
          "remediation defect: %d more fixes of the same request not offered (not logged one by"
              + " one)",
          defects - MAX_DEFECT_LINES);
    }
    if (unproven > 0) {
      LOG.infof(
          "remediation: %d fixes not offered: proving them would take more than %d"
              + " parse-and-evaluate rounds",
          unproven, MAX_PROOFS);
    }
  }

  /** Characters a JSON-shaped value roughly takes when written. */
  private static long weight(Object v) {
    if (v instanceof Map<?, ?> m) {
      long n = 2;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        n += String.valueOf(e.getKey()).length() + 4 + weight(e.getValue());
      }
      return n;
    }
    if (v instanceof List<?> l) {
      long n = 2;
      for (Object x : l) {
        n += 1 + weight(x);
      }
      return n;
    }
    return v == null ? 4 : String.valueOf(v).length() + 2;
  }
}
