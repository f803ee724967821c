package dev.keycard.policy;

/**
 * One problem found while loading or checking rules: where, what, and (for expression errors) the
 * offending line with a caret under the column. For a problem inside an expression or template,
 * {@code field} names it ({@code when}, {@code message}) and {@code fieldLine}/{@code fieldColumn}
 * give the position within that text.
 */
public record PolicyProblem(
    String ruleId,
    SourceRef at,
    String code,
    String message,
    String excerpt,
    String field,
    int fieldLine,
    int fieldColumn) {
  /** A problem not inside an expression or template. */
  public PolicyProblem(String ruleId, SourceRef at, String code, String message, String excerpt) {
    this(ruleId, at, code, message, excerpt, null, 0, 0);
  }

  /** {@code file:line:col: message}, then the excerpt when there is one. */
  public String format() {
    String head = (at == null ? "" : at + ": ") + (ruleId == null ? "" : ruleId + ": ") + message;
    return excerpt == null ? head : head + "\n" + excerpt;
  }
}
