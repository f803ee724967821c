package dev.keycard.format.kubernetes;

import dev.keycard.input.Source;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostics of one parse, bounded by {@code maxDiagnostics} (errors are kept past warnings,
 * so that a flood of warnings cannot hide why the input was refused, and are bounded by the same
 * number themselves), without repeating the same message
 * at the same place (an aliased node is read once per use). Pointers are written with the
 * document's prefix in a stream ({@code /1/spec/...}).
 */
final class Diags {
  static final String PARSE_ERROR = "input_parse_error";
  static final String INVALID_VALUE = "invalid_value";
  static final String SKIPPED = "kubernetes_objects_skipped";
  static final String HELM_TEMPLATE = "helm_template";

  private final Source source;
  private final int max;
  private final List<Diagnostic> list = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private int errors;

  Diags(Source source, int max) {
    this.source = source;
    this.max = Math.max(1, max);
  }

  Span span(int start, int end) {
    return source.span(start, end);
  }

  void error(String message, int start, int end, String pointer) {
    error(PARSE_ERROR, message, start, end, pointer);
  }

  void error(String code, String message, int start, int end, String pointer) {
    add(Diagnostic.error(code, message, span(start, end)).withPath(pointer), true);
  }

  void warning(String code, String message, int start, int end, String pointer) {
    add(Diagnostic.warning(code, message, span(start, end)).withPath(pointer), false);
  }

  private void add(Diagnostic d, boolean force) {
    if (!seen.add(d.code() + '|' + d.message() + '|' + d.span() + '|' + d.path())) {
      return;
    }
    if (list.size() < max || (force && errors < max)) {
      list.add(d);
      errors += d.isError() ? 1 : 0;
    }
  }

  boolean hasErrors() {
    return errors > 0;
  }

  List<Diagnostic> all() {
    return List.copyOf(list);
  }
}
