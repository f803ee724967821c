package dev.keycard.format.engineapi;

import dev.keycard.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics up to a bound, so that hostile input cannot grow the response without end.
 */
final class DiagnosticSink {
  private final int max;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int dropped;

  DiagnosticSink(int max) {
    this.max = Math.max(1, max);
  }

  void add(Diagnostic d) {
    // errors always make it in: dropping one would turn bad input into an apparently good one
    if (diagnostics.size() < max
        || (d.isError() && diagnostics.stream().noneMatch(Diagnostic::isError))) {
      diagnostics.add(d);
    } else {
      dropped++;
    }
  }

  boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  int dropped() {
    return dropped;
  }

  List<Diagnostic> list() {
    return List.copyOf(diagnostics);
  }
}
