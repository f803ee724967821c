package dev.keycard.policy;

/**
 * One problem found while loading or checking rules: where, what, and (for expression errors) the
 * offending line with a caret under the column.
 */
public record PolicyProblem(String ruleId, SourceRef at, String code, String message, String excerpt) {
  /** {@code file:line:col: message}, then the excerpt when there is one. */
  public String format() {
    String head = (at == null ? "" : at + ": ") + (ruleId == null ? "" : ruleId + ": ") + message;
    return excerpt == null ? head : head + "\n" + excerpt;
  }
}
