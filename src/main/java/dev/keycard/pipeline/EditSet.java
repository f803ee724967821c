package dev.keycard.pipeline;

import dev.keycard.remediation.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text edits none of which overlaps another ({@link RemediationService#overlap}), kept by start
 * offset so that whether one more fix's edits would overlap any is a look at its neighbours, not a
 * scan of all: a document of a thousand services has thousands of fixes to group.
 */
final class EditSet {
  private final TreeMap<Integer, List<TextEdit>> byStart = new TreeMap<>();
  private final List<TextEdit> all = new ArrayList<>();

  /** Whether any of {@code edits} overlaps an edit of this set. */
  boolean overlapsAny(List<TextEdit> edits) {
    for (TextEdit x : edits) {
      if (overlaps(x)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An edit that overlaps {@code x} starts before {@code x} ends (at its very place, for a point
   * insertion). Going down from there, the set's edits do not overlap one another, so once a start
   * before {@code x}'s has all its edits ending at or before {@code x}'s start, no earlier one can
   * reach past it either.
   */
  private boolean overlaps(TextEdit x) {
    int xs = x.start().offset();
    int xe = x.end().offset();
    for (Map.Entry<Integer, List<TextEdit>> e : byStart.headMap(xe, true).descendingMap().entrySet()) {
      boolean reaches = false;
      for (TextEdit y : e.getValue()) {
        if (RemediationService.overlap(x, y)) {
          return true;
        }
        reaches |= y.end().offset() > xs;
      }
      if (e.getKey() < xs && !reaches) {
        return false;
      }
    }
    return false;
  }

  /**
   * Adds edits that overlap none of this set's nor one another (a fix's own edits never do). Were
   * they to, a later overlap could go unseen; applying the batch would then refuse it, and its
   * fixes would be verified alone.
   */
  void addAll(List<TextEdit> edits) {
    for (TextEdit x : edits) {
      byStart.computeIfAbsent(x.start().offset(), k -> new ArrayList<>(1)).add(x);
      all.add(x);
    }
  }

  /** The edits in the order they were added. */
  List<TextEdit> list() {
    return all;
  }
}
