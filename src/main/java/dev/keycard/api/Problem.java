package dev.keycard.api;

import java.util.List;

/**
 * An RFC 7807 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, plus
 * Keycard's stable {@code code} and, for input and rule errors, positioned {@code errors}; for a
 * refused cap, {@code limit} (its {@code keycard.limits.} key) and {@code max}.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    List<ErrorItem> errors,
    String limit,
    Long max) {

  /** A problem without a named limit. */
  public Problem(
      String type, String title, int status, String detail, String code, List<ErrorItem> errors) {
    this(type, title, status, detail, code, errors, null, null);
  }

  /**
   * One positioned error; line and column are 1-based, columns in UTF-16 code units; {@code offset}
   * is the 0-based byte offset in the body (or in the field {@code path} names), when it matters.
   */
  public record ErrorItem(
      String message,
      Integer line,
      Integer column,
      Integer endLine,
      Integer endColumn,
      String path,
      Long offset) {
    /** An error without a byte offset. */
    public ErrorItem(
        String message,
        Integer line,
        Integer column,
        Integer endLine,
        Integer endColumn,
        String path) {
      this(message, line, column, endLine, endColumn, path, null);
    }

    public static ErrorItem of(String message, Integer line, Integer column) {
      return new ErrorItem(message, line, column, null, null, null);
    }
  }

  public static Problem of(ErrorCode code, String detail, List<ErrorItem> errors) {
    List<ErrorItem> items = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    return of(code, detail, items, null, null);
  }

  /** A refused cap: 413 for a size the caller sent, else 422, naming the limit and its value. */
  public static Problem limit(ErrorCode code, String detail, String limit, long max) {
    return of(code, detail, null, limit, max);
  }

  private static Problem of(
      ErrorCode code, String detail, List<ErrorItem> errors, String limit, Long max) {
    return new Problem(
        "https://keycard.dev/problems/" + code.code().replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        code.code(),
        errors,
        limit,
        max);
  }
}
