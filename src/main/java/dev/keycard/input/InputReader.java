package dev.keycard.input;

import dev.keycard.model.Diagnostic;
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
    return parser.parse(d.snippet().source(), options);
  }
}
