package dev.keycard.model;

/**
 * Levenshtein distance, for "did you mean" hints on names (query parameters, rule fields): the
 * caller bounds the lengths it passes, since the work is the product of both.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The fewest single-character insertions, deletions and substitutions from {@code a} to {@code b}. */
  public static int of(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
