package dev.keycard.budget;

/**
 * Everything a single request may cause, beyond its body size and deadline: configured under
 * {@code keycard.limits.*} (the names below, in kebab case) and documented in the README's
 * configuration table. Each is enforced where the work happens, with a {@link LimitExceeded} that
 * names it.
 *
 * @param maxAdhocRules caller rules in one request ({@code rules}, or one rule file checked)
 * @param maxFindings findings one evaluation may produce
 * @param maxMessageLength characters of one rendered finding message; longer values are cut
 * @param maxAnswerSize bytes of one serialised answer
 * @param maxYamlNodes YAML nodes after alias expansion (scalar aliases count), for every YAML
 *     Keycard reads: inputs, rule files, rules sent as YAML
 * @param maxRuleCost the static cost bound of a request's rules over its input, in work units
 *     (expression nodes times the list elements they iterate)
 * @param maxExamples examples per rule run by {@code /v1/rulesets/check}
 * @param maxStringLength characters a rule expression may build by concatenation
 * @param maxExpandedValue characters of an expanded Dockerfile {@code ARG}/{@code ENV} value
 * @param maxModelElements list elements (mounts, capabilities, variables, ...) over all containers
 *     of one input, after alias expansion
 * @param maxFixes fixes one request may render and prove
 * @param maxRuleText characters the rule functions may create in one evaluation of one expression
 *     (joined strings, case changes, trims, spellings), all strings together: a projection keeps
 *     every element it builds, so 1,200 upper-cased copies of a 700 KB value filled the heap
 */
public record Caps(
    int maxAdhocRules,
    int maxFindings,
    int maxMessageLength,
    long maxAnswerSize,
    int maxYamlNodes,
    long maxRuleCost,
    int maxExamples,
    int maxStringLength,
    int maxExpandedValue,
    int maxModelElements,
    int maxFixes,
    int maxRuleText) {

  /** The documented defaults (README, configuration). */
  public static final Caps DEFAULTS =
      new Caps(
          20, 10_000, 1_000, 32L << 20, 100_000, 50_000_000L, 32, 65_536, 65_536, 50_000, 10_000,
          1 << 20);

  public Caps {
    if (maxAdhocRules < 0
        || maxFindings < 1
        || maxMessageLength < 16
        || maxAnswerSize < 1024
        || maxYamlNodes < 1
        || maxRuleCost < 1
        || maxExamples < 0
        || maxStringLength < 1
        || maxExpandedValue < 1
        || maxModelElements < 1
        || maxFixes < 0
        || maxRuleText < 1) {
      throw new IllegalArgumentException("limits out of range: " + this);
    }
  }
}
