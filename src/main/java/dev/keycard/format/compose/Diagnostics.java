package dev.keycard.format.compose;

import dev.keycard.input.Source;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostics of one parse, bounded by {@code maxDiagnostics} (errors are always kept so that a
 * flood of warnings cannot hide why the input was rejected), without repeating the same message at
 * the same place (an aliased scalar is read once per use).
 */
final class Diagnostics {
  static final String PARSE_ERROR = "input_parse_error";
  static final String UNRESOLVED_VARIABLE = "unresolved_variable";
  static final String NOT_READ = "file_not_read";
  static final String INVALID_VALUE = "invalid_value";

  private final Source source;
  private final int max;
  private final List<Diagnostic> list = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private boolean errors;

  Diagnostics(Source source, int max) {
    this.source = source;
    this.max = Math.max(1, max);
  }

  Span span(int start, int end) {
    return source.span(start, end);
  }

  void error(String message, int start, int end, String pointer) {
    add(Diagnostic.error(PARSE_ERROR, message, span(start, end)).withPath(pointer), true);
  }

  /** A diagnostic made elsewhere ({@link dev.keycard.input.Shapes}), kept like the others. */
  void add(Diagnostic d) {
    add(d, d.isError());
  }

  void warning(String code, String message, int start, int end, String pointer) {
    add(Diagnostic.warning(code, message, span(start, end)).withPath(pointer), false);
  }

  void warning(String code, String message, YNode at) {
    warning(code, message, at.start(), at.end(), at.pointer());
  }

  private void add(Diagnostic d, boolean force) {
    if (!seen.add(d.code() + '|' + d.message() + '|' + d.span())) {
      return;
    }
    if (list.size() < max || force) {
      list.add(d);
      errors |= d.isError();
    }
  }

  boolean hasErrors() {
    return errors;
  }

  List<Diagnostic> all() {
    return List.copyOf(list);
  }
}
