package dev.keycard.policy;

/**
 * A rule's conditional severity ({@code escalate: [{severity: critical, when: "..."}]}): when
 * {@code when} holds for the case that fired (same {@code c} and {@code item} as the rule), the
 * finding takes {@code severity} instead of the rule's own. A rule's escalations are tried in order
 * and the first that holds wins.
 */
public record Escalation(Severity severity, Located when) {}
