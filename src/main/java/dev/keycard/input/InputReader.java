package dev.keycard.input;

import dev.keycard.input.common.Sysctls;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The input stage's entry point: finds the snippet in what the caller sent, decides its format
 * (unless the caller named one) and hands it to that format's parser.
 */
public final class InputReader {
  private final Map<InputFormat, InputParser> parsers = new EnumMap<>(InputFormat.class);

  public InputReader(List<InputParser> parsers) {
    for (InputParser p : parsers) {
      this.parsers.put(p.format(), p);
    }
  }

  /**
   * Parses {@code text}. {@code fromObject} marks JSON serialised from an object the caller sent
   * (no positions); {@code requested} is null for auto-detection.
   */
  public ParsedInput read(
      String text, boolean fromObject, InputFormat requested, ParseOptions options) {
    Detection d;
    if (fromObject) {
      InputFormat f =
          requested != null
              ? requested
              : FormatDetector.byContent(text) == InputFormat.COMPOSE
                  ? InputFormat.COMPOSE
                  : InputFormat.ENGINE_API;
      d = new Detection(f, new Snippet(Source.withoutSpans(text), "json"));
    } else {
      d = FormatDetector.detect(text, requested);
    }
    InputParser parser = parsers.get(d.format());
    if (parser == null) {
      Source s = d.snippet().source();
      return new ParsedInput(
          d.format(),
          List.of(),
          List.of(
              Diagnostic.error(
                  "input_parse_error",
                  "no parser for format " + d.format().apiName(),
                  s.span(0, 0))),
          s,
          null);
    }
    int max = (options == null ? ParseLimits.DEFAULTS : options.limits()).maxDiagnostics();
    return finish(parser.parse(d.snippet().source(), options), max);
  }

  /**
   * What every format's result gets alike: each container marked with the format it was read
   * from (for messages in the input's own terms), and a warning for each sysctl Docker refuses,
   * since such a container never starts.
   */
  private static ParsedInput finish(ParsedInput parsed, int maxDiagnostics) {
    if (parsed.containers().isEmpty()) {
      return parsed;
    }
    String name = parsed.format().apiName();
    List<Container> marked = new ArrayList<>(parsed.containers().size());
    parsed.containers().forEach(c -> marked.add(c.withFormat(name)));
    List<Diagnostic> diagnostics = parsed.diagnostics();
    List<Diagnostic> refused = parsed.hasErrors() ? List.of() : Sysctls.refused(marked);
    if (!refused.isEmpty() && diagnostics.size() < maxDiagnostics) {
      diagnostics = new ArrayList<>(diagnostics);
      // bounded like every parser's own diagnostics, so hostile input cannot flood the answer
      diagnostics.addAll(refused.subList(0, Math.min(refused.size(), maxDiagnostics - diagnostics.size())));
    }
    return new ParsedInput(
        parsed.format(), marked, diagnostics, parsed.source(), parsed.document());
  }
}
