package dev.keycard.pipeline;

import dev.keycard.input.CommentWaiver;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.policy.Waiver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings about waivers that cannot do what their author meant: a {@code # keycard:ignore} comment
 * or an {@code exclude} entry naming a rule the rule set does not have (a typo such as {@code
 * KC-31} waives nothing, silently, otherwise), a comment that gives no reason, and a comment that
 * sits on no setting or service key of a service (it waives nothing).
 */
final class WaiverWarnings {
  /**
   * Warnings about comments kept, as a parser keeps its diagnostics: a file of 100,000 waiver
   * comments, or one comment naming 100,000 ids, must not give an answer of as many warnings.
   */
  static final int MAX_COMMENT_WARNINGS = 100;

  private WaiverWarnings() {}

  static List<Diagnostic> of(
      List<CommentWaiver> comments, List<Waiver> requested, Set<String> ruleIds, String ruleSet) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> unknownRequested = new LinkedHashSet<>();
    for (Waiver w : requested) {
      if (!w.inSource() && !ruleIds.contains(w.ruleId())) {
        unknownRequested.add(w.ruleId());
      }
    }
    for (String id : unknownRequested) {
      out.add(
          Diagnostic.of(
              DiagnosticCode.WAIVER_UNKNOWN_RULE,
              "exclude names " + shown(id) + ", which is no rule of " + ruleSet
                  + "; it waives nothing" + hint(id, ruleIds),
              null));
    }
    int limit = out.size() + MAX_COMMENT_WARNINGS;
    for (CommentWaiver c : comments) {
      if (out.size() >= limit) {
        break;
      }
      String named = shown(String.join(",", c.ruleIds()));
      if (!c.attached()) {
        out.add(
            Diagnostic.of(
                DiagnosticCode.WAIVER_UNATTACHED,
                "# keycard:ignore " + named + " sits on no setting or service key of a service, so"
                    + " it waives nothing; write it after the setting, alone on the line above it,"
                    + " or after the service key",
                c.span()));
      }
      for (String id : c.ruleIds()) {
        if (out.size() >= limit) {
          break;
        }
        if (!ruleIds.contains(id)) {
          out.add(
              Diagnostic.of(
                  DiagnosticCode.WAIVER_UNKNOWN_RULE,
                  "# keycard:ignore names " + shown(id) + ", which is no rule of " + ruleSet
                      + "; the comment waives nothing for it" + hint(id, ruleIds),
                  c.span()));
        }
      }
      if (c.reason() == null && out.size() < limit) {
        out.add(
            Diagnostic.of(
                DiagnosticCode.WAIVER_WITHOUT_REASON,
                "# keycard:ignore " + named
                    + " gives no reason; write why the risk is accepted after the rule id",
                c.span()));
      }
    }
    return out;
  }

  /** A rule id that is the same number written differently ({@code KC-31} for {@code KC-031}). */
  private static String hint(String id, Set<String> ruleIds) {
    String digits = number(id);
    String prefix = letterPrefix(id).toUpperCase(java.util.Locale.ROOT);
    if (digits.isEmpty()) {
      return "";
    }
    for (String r : ruleIds) {
      if (number(r).equals(digits)
          && r.toUpperCase(java.util.Locale.ROOT).startsWith(prefix)) {
        return " (did you mean " + r + "?)";
      }
    }
    return "";
  }

  /**
   * The digits of {@code id} without leading zeros. Plain loops: the ids are the caller's, and the
   * regular expressions this replaced backtracked ({@code [\\d\\W_]+$} took 34 s on an id of 80,000
   * digits).
   */
  private static String number(String id) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < id.length(); i++) {
      char ch = id.charAt(i);
      if (ch >= '0' && ch <= '9' && !(ch == '0' && sb.length() == 0)) {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** {@code id} up to its last ASCII letter ({@code KC-31} → {@code KC}). */
  private static String letterPrefix(String id) {
    int end = id.length();
    while (end > 0 && !isAsciiLetter(id.charAt(end - 1))) {
      end--;
    }
    return id.substring(0, end);
  }

  private static boolean isAsciiLetter(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  }

  private static String shown(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
