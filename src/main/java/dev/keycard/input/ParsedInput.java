package dev.keycard.input;

import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Origin;
import dev.keycard.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What a parser read: the containers, every diagnostic, the source (for positions and text edits)
 * and, for compose and engine-api, the input as a JSON-shaped tree of {@code Map}/{@code List}/
 * scalars exactly as written (before merges and interpolation), which JSON Patches address.
 *
 * <p>A chat message whose snippets are not all read as one input (a compose block and a {@code
 * docker run} line, two compose blocks) is read into one input per snippet, its {@code parts}: the
 * whole holds every part's containers and diagnostics in message order, the message as its source
 * (every part's positions point into it), no document (no single one that a JSON Patch could
 * address), and the format of its first part.
 *
 * <p>{@code waivers} are the input's own {@code # keycard:ignore} comments, each attached to the
 * node it sits on; an input of several parts keeps them in its parts, each with container indices
 * of its own part ({@link #locate}).
 *
 * <p>{@code syntax} is what the format's fix renderer edits, as its parser built it once per parse
 * (its own tree with positions, or a holder that builds the renderer's view of it at most once):
 * opaque to everything but the format's own package, null when the format keeps none (an input of
 * several parts keeps its parts'). It is per input, never shared between requests' parses: a fix
 * proof parses the fixed text into an input of its own.
 */
public record ParsedInput(
    InputFormat format,
    List<Container> containers,
    List<Diagnostic> diagnostics,
    Source source,
    Object document,
    List<ParsedInput> parts,
    List<CommentWaiver> waivers,
    Object syntax) {
  public ParsedInput {
    containers = List.copyOf(containers);
    diagnostics = List.copyOf(diagnostics);
    parts = parts == null ? List.of() : List.copyOf(parts);
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
  }

  /** An input of one part, without waivers or a syntax tree for a fix renderer. */
  public ParsedInput(
      InputFormat format,
      List<Container> containers,
      List<Diagnostic> diagnostics,
      Source source,
      Object document) {
    this(format, containers, diagnostics, source, document, List.of(), List.of(), null);
  }

  /** One input of several parts of a chat message (at least two), read side by side. */
  public static ParsedInput ofParts(String message, List<ParsedInput> parts) {
    List<Container> containers = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (ParsedInput p : parts) {
      containers.addAll(p.containers());
      diagnostics.addAll(p.diagnostics());
    }
    return new ParsedInput(
        parts.get(0).format(),
        containers,
        diagnostics,
        Source.of(message),
        null,
        parts,
        List.of(),
        null);
  }

  /** Whether this input is read from several parts of a chat message. */
  public boolean hasParts() {
    return !parts.isEmpty();
  }

  /** The part that holds container {@code index}, and the container's index in it. */
  public record Located(ParsedInput part, int index) {}

  /** The part holding container {@code index}; this input itself when it has no parts. */
  public Located locate(int index) {
    int i = index;
    for (ParsedInput p : parts) {
      if (i < p.containers().size()) {
        return new Located(p, i);
      }
      i -= p.containers().size();
    }
    return new Located(this, index);
  }

  /** The same input with other containers (as many, in the same order): companion files applied. */
  public ParsedInput withContainers(List<Container> replaced) {
    List<ParsedInput> split = new ArrayList<>(parts.size());
    int at = 0;
    for (ParsedInput p : parts) {
      int n = p.containers().size();
      split.add(p.withContainers(replaced.subList(at, at + n)));
      at += n;
    }
    return new ParsedInput(
        format, replaced, diagnostics, source, document, split, waivers, syntax);
  }

  /** The same input with other diagnostics. */
  public ParsedInput withDiagnostics(List<Diagnostic> replaced) {
    return new ParsedInput(
        format, containers, replaced, source, document, parts, waivers, syntax);
  }

  /** Every {@code # keycard:ignore} comment of the input, its parts' in order. */
  public List<CommentWaiver> allWaivers() {
    if (parts.isEmpty()) {
      return waivers;
    }
    List<CommentWaiver> out = new ArrayList<>();
    parts.forEach(p -> out.addAll(p.allWaivers()));
    return out;
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
   * run the text from the first command's first word to the last command's last word, as the
   * parser read it (commands taken from several places of a message come one per line). An input
   * of several parts gives its parts' snippets, a blank line between two.
   */
  public String snippet() {
    if (!parts.isEmpty()) {
      StringBuilder out = new StringBuilder();
      for (ParsedInput p : parts) {
        String s = p.snippet().stripTrailing();
        out.append(out.length() == 0 ? "" : "\n\n").append(s);
      }
      return out.append('\n').toString();
    }
    if (format.readsCommands() && !containers.isEmpty()) {
      Span first = commandSpan(0);
      Span last = commandSpan(containers.size() - 1);
      if (first != null && last != null) {
        int from = source.textOffset(first.start().offset());
        int to = source.textOffset(last.end().offset());
        if (from < to) {
          return source.text().substring(from, to);
        }
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
