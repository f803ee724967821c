package dev.keycard.format.dockerrun;

import dev.keycard.format.FormatParser;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ModelSize;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Shapes;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pasted {@code docker run} / {@code docker create} / {@code podman run} command lines into
 * containers, emulating the shell's word splitting and then the Docker CLI's own flag parsing.
 * Every {@code docker run}-like command in the text becomes a container; other commands (a pipe's
 * {@code grep}, a preceding {@code docker pull}) are skipped. Never reads a file or an environment
 * variable, never throws on bad input.
 */
public final class DockerRunParser extends FormatParser {
  public DockerRunParser() {
    super(() -> DockerRunFormat.INSTANCE);
  }

  @Override
  protected ParsedInput parse(Source source, ParseOptions options, Diagnostics sink) {
    ParseLimits limits = options.limits();
    ShellLexer.Result lexed = ShellLexer.lex(source, limits.maxTokens());
    lexed.warnings().forEach(sink::add);
    List<Container> containers = new ArrayList<>();
    if (lexed.error() != null) {
      sink.add(lexed.error());
      return result(containers, sink, source);
    }
    boolean sawRun = false;
    ModelSize size = ModelSize.ofRequest();
    for (List<Piece> words : lexed.commands()) {
      CommandPrefix.Invocation inv = CommandPrefix.find(words, sink);
      if (inv == null) {
        continue;
      }
      sawRun = true;
      if (containers.size() >= limits.maxContainers()) {
        sink.add(
            DiagnosticCode.INPUT_LIMIT_EXCEEDED,
            "too many containers: the limit is " + limits.maxContainers(),
            words.get(0).start(),
            words.get(words.size() - 1).end());
        break;
      }
      Container c = RunCommand.build(words, inv, source, sink);
      if (c != null) {
        size.add(c);
        containers.add(c);
      }
    }
    if (!sawRun && !sink.hasErrors()) {
      notARun(lexed.commands(), source, sink);
    }
    return result(containers, sink, source);
  }

  private static void notARun(List<List<Piece>> commands, Source source, Diagnostics sink) {
    if (commands.isEmpty()) {
      sink.add(
          DiagnosticCode.INPUT_PARSE_ERROR,
          "not a docker run command: the input has no command",
          0,
          source.text().length());
      return;
    }
    List<Piece> first = commands.get(0);
    int end = first.get(Math.min(first.size(), 3) - 1).end();
    // no command creates a container: say what the text is instead (a kubectl line, docker ps)
    sink.add(
        Diagnostic.of(
            DiagnosticCode.INPUT_NOT_A_CONTAINER_SPEC,
            "not a docker run command: this looks like "
                + Shapes.describe(source.text())
                + "; expected 'docker run', 'docker create', 'docker container run' or 'podman run'",
            source.span(first.get(0).start(), end)));
  }

  private static ParsedInput result(
      List<Container> containers, Diagnostics sink, Source source) {
    return new ParsedInput(DockerRunFormat.INSTANCE, containers, sink.list(), source, null);
  }
}
