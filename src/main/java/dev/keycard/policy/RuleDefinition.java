package dev.keycard.policy;

import java.util.List;

/**
 * A rule as written in its file: metadata, the {@code when} expression over the container {@code c}
 * (or, with {@code forEach}, over each element {@code item} of that list field), the message
 * template, the canonical fix and the rule's own examples. {@code escalations} raise the severity
 * of the cases they match (first match wins). {@code digest} is the SHA-256 of the rule's canonical
 * content, escalations included (formatting and comments do not count). {@code changes} says, for a
 * revision after the first, what it changes from the one before (for its help page); null
 * otherwise. Examples and {@code notExpressible} formats may also come from the rule's companion
 * example file (see {@link #withCompanion}), which the digest does not cover.
 */
public record RuleDefinition(
    String id,
    int revision,
    String title,
    Severity severity,
    List<Escalation> escalations,
    String rationale,
    List<String> references,
    String forEach,
    Located when,
    Located message,
    String remediation,
    List<FixOperation> fix,
    List<RuleExample> failExamples,
    List<RuleExample> passExamples,
    List<NotExpressible> notExpressible,
    String changes,
    SourceRef at,
    String digest) {
  public RuleDefinition {
    escalations = List.copyOf(escalations);
    references = List.copyOf(references);
    fix = List.copyOf(fix);
    failExamples = List.copyOf(failExamples);
    passExamples = List.copyOf(passExamples);
    notExpressible = List.copyOf(notExpressible);
  }

  /**
   * The same rule with another severity (a rule set's override). The override replaces the rule's
   * default severity only: its escalations still apply, because they state how bad a particular
   * case is, whatever the rule set thinks of the rule in general.
   */
  public RuleDefinition withSeverity(Severity s) {
    return new RuleDefinition(
        id,
        revision,
        title,
        s,
        escalations,
        rationale,
        references,
        forEach,
        when,
        message,
        remediation,
        fix,
        failExamples,
        passExamples,
        notExpressible,
        changes,
        at,
        digest);
  }

  /**
   * The same rule with the examples of its companion file ({@code policies/examples/}) added after
   * its own, and the formats that file declares not expressible. The digest stays the rule file's:
   * examples added for a format released later do not change a released rule.
   */
  public RuleDefinition withCompanion(
      List<RuleExample> fail, List<RuleExample> pass, List<NotExpressible> notIn) {
    List<RuleExample> f = new java.util.ArrayList<>(failExamples);
    f.addAll(fail);
    List<RuleExample> p = new java.util.ArrayList<>(passExamples);
    p.addAll(pass);
    List<NotExpressible> n = new java.util.ArrayList<>(notExpressible);
    n.addAll(notIn);
    return new RuleDefinition(
        id, revision, title, severity, escalations, rationale, references, forEach, when, message,
        remediation, fix, f, p, n, changes, at, digest);
  }

  /** Why the rule's concept cannot be written in {@code format} (an API name), if it cannot. */
  public java.util.Optional<NotExpressible> notExpressibleIn(String format) {
    return notExpressible.stream().filter(n -> n.format().equals(format)).findFirst();
  }

  /** {@code KC-001@1}. */
  public String key() {
    return id + "@" + revision;
  }
}
