package dev.keycard.engine;

/**
 * An upper bound on the size of the program RE2J compiles a pattern into, read from the pattern's
 * text before RE2J sees it. RE2J runs in time linear in its input, but the factor is the program's
 * size, and counted repetitions multiply it: RE2J expands {@code x{n,m}} into {@code m} copies of
 * {@code x}, so the 23 characters {@code ((a{1000}){1000}){1000}} ask for a billion instructions
 * (the heap is gone while compiling) and {@code (a{1000}){1000}} for a million (60 MB, and a
 * million steps for every character it reads). A rule's pattern whose bound exceeds {@link #MAX}
 * is refused before it is compiled.
 *
 * <p>The bound follows RE2's syntax (Go's {@code regexp/syntax}, which RE2J ports) and its
 * compiler: a literal, a class, {@code .} or an assertion is one instruction, a group adds two, an
 * alternation one per branch, {@code * + ?} add two, and {@code x{n,m}} costs {@code (max(n,m) +
 * 1) * (x + 1)}. It never counts less than RE2J builds: every character of the pattern counts at
 * least once, and the only text it reads as other than itself is the one RE2 reads so too ({@code
 * \Q...\E}, classes, escapes, group openers).
 */
final class RegexCost {
  /** The largest program a rule's regular expression may compile to. */
  static final long MAX = 2_000;

  /** Far above {@link #MAX}, far below overflow: sizes saturate here. */
  private static final long CAP = 1L << 40;

  private final String p;
  private int i;

  private RegexCost(String pattern) {
    this.p = pattern;
  }

  /** The bound for {@code pattern} (whether or not RE2J accepts it). */
  static long of(String pattern) {
    RegexCost c = new RegexCost(pattern);
    long n = 0;
    while (c.i < pattern.length()) {
      n = add(n, c.alternation());
      if (c.i < pattern.length()) {
        c.i++; // an unbalanced ')': RE2J refuses the pattern; count on
        n = add(n, 1);
      }
    }
    return add(n, 2); // match and fail
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long times(long a, long b) {
    return a == 0 || b == 0 ? 0 : (a > CAP / b ? CAP : Math.min(CAP, a * b));
  }

  /** Branches up to a ')' or the end. */
  private long alternation() {
    long total = 0;
    int branches = 0;
    while (true) {
      total = add(total, concatenation());
      branches++;
      if (i < p.length() && p.charAt(i) == '|') {
        i++;
        continue;
      }
      return add(total, branches - 1);
    }
  }

  /** Atoms and their repetitions up to a '|', a ')' or the end. */
  private long concatenation() {
    long done = 0;
    long last = 0;
    while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
      long repeated = repetition(last);
      if (repeated >= 0) {
        last = repeated;
        continue;
      }
      if (p.startsWith("\\Q", i)) {
        int end = p.indexOf("\\E", i + 2);
        int stop = end < 0 ? p.length() : end;
        int chars = stop - (i + 2);
        i = end < 0 ? p.length() : end + 2;
        if (chars > 0) {
          done = add(done, add(last, chars - 1));
          last = 1; // a repetition after \Q...\E repeats its last character
        }
        continue;
      }
      int flags = flagsEnd(i);
      if (flags >= 0) {
        // (?i) is no atom: a repetition after it repeats what came before it, as in RE2
        i = flags;
        continue;
      }
      done = add(done, last);
      last = atom();
    }
    return Math.max(1, add(done, last)); // an empty one is a no-op instruction
  }

  /** The size of {@code last} repeated, if a repetition operator is next; else -1. */
  private long repetition(long last) {
    char ch = p.charAt(i);
    if (ch == '*' || ch == '+' || ch == '?') {
      i++;
      skipLazy();
      return add(last, 2);
    }
    if (ch != '{') {
      return -1;
    }
    // {n}, {n,} or {n,m}; anything else is a literal '{'
    int j = digitsEnd(i + 1);
    if (j == i + 1 || j >= p.length()) {
      return -1;
    }
    long min = number(i + 1, j);
    long max = min;
    if (p.charAt(j) == ',') {
      int from = j + 1;
      j = digitsEnd(from);
      max = j == from ? min : Math.max(min, number(from, j));
    }
    if (j >= p.length() || p.charAt(j) != '}') {
      return -1;
    }
    i = j + 1;
    skipLazy();
    return times(add(max, 1), add(last, 1));
  }

  /** The index after the digits that start at {@code from}. */
  private int digitsEnd(int from) {
    int j = from;
    while (j < p.length() && Character.isDigit(p.charAt(j))) {
      j++;
    }
    return j;
  }

  /** The number the digits {@code p[from, to)} spell, saturating at {@link #CAP}. */
  private long number(int from, int to) {
    long n = 0;
    for (int j = from; j < to; j++) {
      n = Math.min(CAP, n * 10 + (p.charAt(j) - '0'));
    }
    return n;
  }

  private void skipLazy() {
    if (i < p.length() && p.charAt(i) == '?') {
      i++;
    }
  }

  /** One atom: a group, a class, an escape or one character. */
  private long atom() {
    char ch = p.charAt(i);
    if (ch == '(') {
      return group();
    }
    if (ch == '[') {
      i = classEnd(i);
      return 1;
    }
    if (ch == '\\') {
      i = escapeEnd(i);
      return 1;
    }
    i++;
    return 1;
  }

  /** The index after a flags-only group ({@code (?i)}, {@code (?-s)}) at {@code at}, or -1. */
  private int flagsEnd(int at) {
    if (!p.startsWith("(?", at)) {
      return -1;
    }
    int j = at + 2;
    while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')' && p.charAt(j) != '<') {
      j++;
    }
    return j < p.length() && p.charAt(j) == ')' ? j + 1 : -1;
  }

  private long group() {
    i++; // (
    if (i < p.length() && p.charAt(i) == '?') {
      int j = i + 1;
      if (p.startsWith("P<", j) || p.startsWith("<", j)) {
        int gt = p.indexOf('>', j);
        i = gt < 0 ? p.length() : gt + 1;
      } else {
        // flags then ':' (the flags-only form is read by flagsEnd)
        while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')') {
          j++;
        }
        i = Math.min(p.length(), j + 1);
      }
    }
    long inner = alternation();
    if (i < p.length() && p.charAt(i) == ')') {
      i++;
    }
    return add(inner, 2);
  }

  /** The index after the escape at {@code at} (a backslash). */
  private int escapeEnd(int at) {
    int j = at + 1;
    if (j >= p.length()) {
      return p.length();
    }
    char e = p.charAt(j);
    if ((e == 'p' || e == 'P' || e == 'x') && j + 1 < p.length() && p.charAt(j + 1) == '{') {
      int close = p.indexOf('}', j + 2);
      return close < 0 ? p.length() : close + 1;
    }
    if ((e == 'p' || e == 'P') && j + 1 < p.length()) {
      return j + 2;
    }
    return j + 1;
  }

  /**
   * The index after the class opening at {@code at}, as RE2 reads it: an optional {@code ^}, then
   * a {@code ]} that comes first is literal, {@code [:name:]} is a named class, an escape hides the
   * character after it; the first other {@code ]} closes the class.
   */
  private int classEnd(int at) {
    int j = at + 1;
    if (j < p.length() && p.charAt(j) == '^') {
      j++;
    }
    boolean first = true;
    while (j < p.length()) {
      char ch = p.charAt(j);
      if (ch == ']' && !first) {
        return j + 1;
      }
      first = false;
      if (ch == '[' && j + 1 < p.length() && p.charAt(j + 1) == ':') {
        int close = p.indexOf(":]", j + 2);
        if (close >= 0) {
          j = close + 2;
          continue;
        }
      }
      j = ch == '\\' ? escapeEnd(j) : j + 1;
    }
    return p.length();
  }
}
