package dev.keycard.api;

import dev.keycard.model.Diagnostic;
import dev.keycard.model.Origin;

/** A warning on the wire: {@code code}, {@code message} and, when known, its {@code location}. */
public record WarningView(String code, String message, Origin location) {
  public static WarningView of(Diagnostic d) {
    Origin where = d.span() == null && d.path() == null ? null : new Origin(d.path(), d.span());
    return new WarningView(d.code(), d.message(), where);
  }
}
