package dev.keycard.input;

import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import java.util.List;

/**
 * What a parser read: the containers, every diagnostic, the source (for positions and text edits)
 * and, for compose and engine-api, the input as a JSON-shaped tree of {@code Map}/{@code List}/
 * scalars exactly as written (before merges and interpolation), which JSON Patches address.
 */
public record ParsedInput(
    InputFormat format,
    List<Container> containers,
    List<Diagnostic> diagnostics,
    Source source,
    Object document) {
  public ParsedInput {
    containers = List.copyOf(containers);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
