package dev.keycard.api;

import java.util.List;

/**
 * An RFC 7807 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, plus
 * Keycard's stable {@code code} and, for input and rule errors, positioned {@code errors}.
 */
public record Problem(
    String type, String title, int status, String detail, String code, List<ErrorItem> errors) {

  /** One positioned error; line and column are 1-based, columns in UTF-16 code units. */
  public record ErrorItem(
      String message, Integer line, Integer column, Integer endLine, Integer endColumn, String path) {
    public static ErrorItem of(String message, Integer line, Integer column) {
      return new ErrorItem(message, line, column, null, null, null);
    }
  }

  public static Problem of(ErrorCode code, String detail, List<ErrorItem> errors) {
    return new Problem(
        "https://keycard.dev/problems/" + code.code().replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        code.code(),
        errors == null || errors.isEmpty() ? null : List.copyOf(errors));
  }
}
