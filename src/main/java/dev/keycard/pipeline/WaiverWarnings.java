package dev.keycard.pipeline;

import dev.keycard.input.CommentWaiver;
import dev.keycard.model.Diagnostic;
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
  static final String UNKNOWN_RULE = "waiver_unknown_rule";
  static final String NO_REASON = "waiver_without_reason";
  static final String UNATTACHED = "waiver_unattached";

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
          Diagnostic.warning(
              UNKNOWN_RULE,
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
            Diagnostic.warning(
                UNATTACHED,
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
              Diagnostic.warning(
                  UNKNOWN_RULE,
                  "# keycard:ignore names " + shown(id) + ", which is no rule of " + ruleSet
                      + "; the comment waives nothing for it" + hint(id, ruleIds),
                  c.span()));
        }
      }
      if (c.reason() == null && out.size() < limit) {
        out.add(
            Diagnostic.warning(
                NO_REASON,
                "# keycard:ignore " + named
                    + " gives no reason; write why the risk is accepted after the rule id",
                c.span()));
      }
    }
    return out;
  }

  /** A rule id that is the same number written differently ({@code KC-31} for {@code KC-031}). */
  private static String hint(String id, Set<String> ruleIds) {
    String digits = id.replaceAll("\\D", "").replaceFirst("^0+", "");
    String prefix = id.replaceAll("[\\d\\W_]+$", "").toUpperCase(java.util.Locale.ROOT);
    if (digits.isEmpty()) {
      return "";
    }
    for (String r : ruleIds) {
      if (r.replaceAll("\\D", "").replaceFirst("^0+", "").equals(digits)
          && r.toUpperCase(java.util.Locale.ROOT).startsWith(prefix)) {
        return " (did you mean " + r + "?)";
      }
    }
    return "";
  }

  private static String shown(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
