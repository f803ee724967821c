package dev.keycard.input;

import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Origin;
import dev.keycard.model.Span;
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

  /**
   * What was read, with the chat message around it left out: a fenced block's body, or for docker
   * run the text from the first command's first word to the last command's last word.
   */
  public String snippet() {
    if (format == InputFormat.DOCKER_RUN && !containers.isEmpty()) {
      Span first = commandSpan(0);
      Span last = commandSpan(containers.size() - 1);
      if (first != null && last != null) {
        return source.original().substring(first.start().offset(), last.end().offset());
      }
    }
    return source.text();
  }

  /** The docker run command of container {@code index} as written (the whole text if unknown). */
  public String commandLine(int index) {
    Span s = index >= 0 && index < containers.size() ? commandSpan(index) : null;
    return s == null
        ? source.text()
        : source.original().substring(s.start().offset(), s.end().offset());
  }

  private Span commandSpan(int index) {
    Origin o = containers.get(index).locations().get(Container.COMMAND_LINE);
    return o == null ? null : o.span();
  }
}
