package dev.keycard.policy;

import java.util.List;

/**
 * A rule as written in its file: metadata, the {@code when} expression over the container {@code
 * c} (or, with {@code forEach}, over each element {@code item} of that list field), the message
 * template, the canonical fix and the rule's own examples. {@code digest} is the SHA-256 of the
 * rule's canonical content (formatting and comments do not count).
 */
public record RuleDefinition(
    String id,
    int revision,
    String title,
    Severity severity,
    String rationale,
    List<String> references,
    String forEach,
    Located when,
    Located message,
    String remediation,
    List<FixOperation> fix,
    List<RuleExample> failExamples,
    List<RuleExample> passExamples,
    SourceRef at,
    String digest) {
  public RuleDefinition {
    references = List.copyOf(references);
    fix = List.copyOf(fix);
    failExamples = List.copyOf(failExamples);
    passExamples = List.copyOf(passExamples);
  }

  /** The same rule with another severity (a rule set's override). */
  public RuleDefinition withSeverity(Severity s) {
    return new RuleDefinition(
        id, revision, title, s, rationale, references, forEach, when, message, remediation, fix,
        failExamples, passExamples, at, digest);
  }

  /** {@code KC-001@1}. */
  public String key() {
    return id + "@" + revision;
  }
}
