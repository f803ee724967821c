package dev.keycard.format.dockerrun;

import dev.keycard.input.Source;
import dev.keycard.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics up to the configured limit, so that hostile input cannot flood them. */
final class DiagnosticSink {
  static final String PARSE_ERROR = "input_parse_error";
  static final String UNKNOWN_FLAG = "input_unknown_flag";
  static final String INVALID_VALUE = "input_invalid_value";
  static final String UNREAD_FILE = "input_unread_file";
  static final String UNRESOLVED = "input_unresolved_value";

  private final Source source;
  private final int max;
  private final List<Diagnostic> items = new ArrayList<>();
  private boolean errors;

  DiagnosticSink(Source source, int max) {
    this.source = source;
    this.max = Math.max(1, max);
  }

  void add(Diagnostic d) {
    errors |= d.isError();
    // errors are kept even past the limit so that a bounded list never hides why parsing failed
    if (items.size() < max || (d.isError() && items.size() < max + 1)) {
      items.add(d);
    }
  }

  void error(String message, int start, int end) {
    add(Diagnostic.error(PARSE_ERROR, message, source.span(start, end)));
  }

  void warning(String code, String message, int start, int end) {
    add(Diagnostic.warning(code, message, source.span(start, end)));
  }

  boolean hasErrors() {
    return errors;
  }

  List<Diagnostic> list() {
    return items;
  }
}
