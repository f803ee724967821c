package dev.keycard.pipeline;

import dev.keycard.policy.Waiver;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.Severity;
import java.util.List;

/**
 * How to evaluate, beyond the input: the rule-set selector (null = default), ad-hoc rules already
 * read from the request, waivers, the lowest severity that denies, and whether a rule Keycard
 * could not decide denies ({@code on_unknown=deny}).
 */
public record EvaluationOptions(
    String ruleset,
    List<RuleDefinition> adHocRules,
    List<Waiver> waivers,
    Severity failOn,
    boolean unknownDenies) {
  public EvaluationOptions {
    adHocRules = adHocRules == null ? List.of() : List.copyOf(adHocRules);
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    failOn = failOn == null ? Severity.LOW : failOn;
  }

  /** Options where an undecided rule does not deny ({@code on_unknown=allow}, the default). */
  public EvaluationOptions(
      String ruleset, List<RuleDefinition> adHocRules, List<Waiver> waivers, Severity failOn) {
    this(ruleset, adHocRules, waivers, failOn, false);
  }
}
