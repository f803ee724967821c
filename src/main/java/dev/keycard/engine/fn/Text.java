package dev.keycard.engine.fn;

import dev.keycard.budget.Budget;

/** Text operations whose time is linear in the text they read, and charged to the budget. */
final class Text {
  /**
   * Needles up to this length are found with {@link String#indexOf}, whose worst case ({@code n *
   * m} character comparisons) is then at most this many times the text; longer ones with
   * Knuth-Morris-Pratt.
   */
  private static final int SHORT_NEEDLE = 16;

  private Text() {}

  /**
   * Charges the request's budget for a helper that reads {@code text} (null reads as nothing) a
   * bounded number of times: its characters and one for the call. A helper called in a projection
   * over a long value then reads the clock on every call, as a loop over as many elements would,
   * instead of once in 256 calls (a projection over a 700 KB value answered at 2.68 s against a 2 s
   * deadline).
   */
  static void read(String text) {
    Budget.current().charge(1L + length(text));
  }

  /** {@link #read(String)} of two arguments. */
  static void read(String a, String b) {
    Budget.current().charge(1L + length(a) + length(b));
  }

  /** {@link #read(String)} of three arguments. */
  static void read(String a, String b, String c) {
    Budget.current().charge(1L + length(a) + length(b) + length(c));
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  /** Whether {@code text} holds {@code needle}, in {@code O(text + needle)}. */
  static boolean contains(String text, String needle, Budget budget) {
    budget.charge((long) text.length() + needle.length());
    if (needle.length() <= SHORT_NEEDLE || needle.length() > text.length()) {
      return text.contains(needle);
    }
    int m = needle.length();
    int[] border = new int[m];
    for (int i = 1, k = 0; i < m; i++) {
      while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
        k = border[k - 1];
      }
      if (needle.charAt(i) == needle.charAt(k)) {
        k++;
      }
      border[i] = k;
    }
    for (int i = 0, k = 0; i < text.length(); i++) {
      while (k > 0 && text.charAt(i) != needle.charAt(k)) {
        k = border[k - 1];
      }
      if (text.charAt(i) == needle.charAt(k)) {
        k++;
        if (k == m) {
          return true;
        }
      }
    }
    return false;
  }
}
