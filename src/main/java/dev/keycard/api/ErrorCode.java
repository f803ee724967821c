package dev.keycard.api;

/** Stable, documented codes carried in every problem+json body ({@code code}). */
public enum ErrorCode {
  INPUT_PARSE_ERROR(400, "Input could not be parsed"),
  BAD_REQUEST(400, "Bad request"),
  INVALID_TEXT(400, "Body is not UTF-8 text"),
  UNKNOWN_FORMAT(400, "Unknown input format"),
  UNAUTHORIZED(401, "Unauthorized"),
  NOT_FOUND(404, "Not found"),
  FORBIDDEN(403, "Forbidden"),
  ADHOC_RULES_DISABLED(403, "Caller rules are disabled"),
  REQUEST_TIMEOUT(408, "Request body not received in time"),
  BODY_TOO_LARGE(413, "Request body too large"),
  INPUT_TOO_LARGE(413, "Input over a limit"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  RULE_COMPILE_ERROR(422, "Rule does not compile"),
  SANDBOX_VIOLATION(422, "Rule leaves the sandbox"),
  LIMIT_EXCEEDED(422, "Request over a limit"),
  EVALUATION_TIMEOUT(503, "Evaluation took too long"),
  NOT_READY(503, "Service not ready"),
  OVERLOADED(503, "Service overloaded"),
  INTERNAL_ERROR(500, "Internal error");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The snake_case code, e.g. {@code input_parse_error}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
