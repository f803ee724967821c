package dev.keycard.report;

import dev.keycard.model.Origin;
import dev.keycard.remediation.Alternative;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.TextEdit;
import java.util.List;
import java.util.Map;

/** The native JSON response of {@code /v1/evaluate}, field for field as API.md defines it. */
public record EvaluationResponse(
    String decisionId,
    boolean allow,
    RuleSetRef ruleset,
    InputSummary input,
    Summary summary,
    List<FindingView> findings,
    List<SuppressedView> suppressed,
    List<UndecidedView> undecided,
    List<WarningItem> warnings) {

  /** The rule set that decided: name, exact version and content digest. */
  public record RuleSetRef(String name, String version, String digest) {}

  /** What was evaluated: the detected format and the container names. */
  public record InputSummary(String format, List<String> containers) {}

  /**
   * Counts of findings that count (not waived), by severity; the {@code fail_on} they were judged
   * by; and the {@link Checks checks} (rule × container) by outcome, which the JUnit view's totals
   * equal.
   */
  public record Summary(
      int total,
      int critical,
      int high,
      int medium,
      int low,
      int info,
      String failOn,
      CheckCounts checks) {}

  /**
   * Checks (one rule on one container) by outcome: {@code failed} (a finding at or above {@code
   * fail_on}; JUnit failures), {@code errors} (undecided with {@code on_unknown=deny}), {@code
   * skipped} (undecided, or every finding waived), {@code passed} (the rest, including checks whose
   * findings are all below {@code fail_on}).
   */
  public record CheckCounts(int total, int failed, int passed, int skipped, int errors) {}

  /** One finding. */
  public record FindingView(
      String ruleId,
      String title,
      String severity,
      String message,
      String container,
      Origin location,
      List<String> references,
      String fingerprint,
      List<Map<String, Object>> fix,
      Remediation remediation) {}

  /**
   * How to fix a finding: a description, the RFC 6902 operations against the input document, the
   * text edits against the submitted text and, for {@code docker run}, the whole fixed command;
   * then what applying it costs: {@code impact} ({@code safe} or {@code review}) and, for {@code
   * review}, the sentence saying what it {@code breaks} and the {@code alternatives} to it. Only
   * the description is given when no verified fix exists for this input.
   */
  public record Remediation(
      String description,
      List<PatchOp> patch,
      List<TextEdit> edits,
      String command,
      String impact,
      String breaks,
      List<Alternative> alternatives) {
    /** A description without a verified fix. */
    public Remediation(String description) {
      this(description, null, null, null, null, null, null);
    }
  }

  /**
   * A waived finding with the waiver's reason and where the waiver came from: {@code exclude} (the
   * request) or {@code comment} (a {@code # keycard:ignore} comment in the file).
   */
  public record SuppressedView(FindingView finding, String reason, String expires, String source) {}

  /**
   * A rule Keycard could not decide for a container because a value it reads is unknown (an
   * unresolved variable, a placeholder, a value from the client's environment): neither a finding
   * nor a pass. With {@code on_unknown=deny} it denies.
   */
  public record UndecidedView(String ruleId, String container, String reason, Origin location) {}

  /** A warning: code, message, location when known. */
  public record WarningItem(String code, String message, Origin location) {}
}
