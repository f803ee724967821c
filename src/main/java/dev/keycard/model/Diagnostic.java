package dev.keycard.model;

/**
 * A positioned message from a parser: an error makes the input unusable, a warning records something
 * Keycard did not or could not take into account (an unread {@code env_file}, an unresolved variable).
 */
public record Diagnostic(Severity severity, String code, String message, Span span, String path) {

  /** How bad a diagnostic is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Diagnostic error(String code, String message, Span span) {
    return new Diagnostic(Severity.ERROR, code, message, span, null);
  }

  public static Diagnostic warning(String code, String message, Span span) {
    return new Diagnostic(Severity.WARNING, code, message, span, null);
  }

  public Diagnostic withPath(String newPath) {
    return new Diagnostic(severity, code, message, span, newPath);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
