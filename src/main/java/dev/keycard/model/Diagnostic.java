package dev.keycard.model;

/**
 * A positioned message from a parser: an error makes the input unusable, a warning records something
 * Keycard did not or could not take into account (an unread {@code env_file}, an unresolved variable).
 * Its code and severity come from one {@link DiagnosticCode}, the documented vocabulary.
 */
public record Diagnostic(Severity severity, String code, String message, Span span, String path) {

  /** How bad a diagnostic is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** A diagnostic of {@code code}, with the code's severity. */
  public static Diagnostic of(DiagnosticCode code, String message, Span span) {
    return new Diagnostic(code.severity(), code.code(), message, span, null);
  }

  public Diagnostic withPath(String newPath) {
    return new Diagnostic(severity, code, message, span, newPath);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Whether this diagnostic is of {@code c}. */
  public boolean is(DiagnosticCode c) {
    return c.code().equals(code);
  }
}
