package dev.keycard.engine;

import java.util.regex.Pattern;

/** Spelling of canonical MVEL: literals exactly as MVEL must read them. */
final class Canonical {
  private static final Pattern IN_OR_IF = Pattern.compile("\\s(in|if)\\s");

  private Canonical() {}

  /** A single-quoted MVEL string literal escaping only backslash and quote. */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** An integer literal: Integer-sized as written, larger ones with MVEL's {@code L} suffix. */
  static String integer(String digits) {
    return Long.parseLong(digits) <= Integer.MAX_VALUE ? digits : digits + "L";
  }

  /**
   * True when a string literal in {@code canonical} holds the word {@code in} or {@code if} with
   * whitespace on both sides: MVEL splits a projection at the first such word textually, even
   * inside quotes ({@code 'in'} or {@code 'x in'} are fine).
   */
  static boolean stringLiteralsContainInOrIf(String canonical) {
    int i = 0;
    while (i < canonical.length()) {
      if (canonical.charAt(i) == '\'') {
        StringBuilder lit = new StringBuilder();
        i++;
        while (i < canonical.length() && canonical.charAt(i) != '\'') {
          if (canonical.charAt(i) == '\\') {
            i++;
          }
          lit.append(canonical.charAt(i++));
        }
        if (IN_OR_IF.matcher(lit).find()) {
          return true;
        }
      }
      i++;
    }
    return false;
  }
}
