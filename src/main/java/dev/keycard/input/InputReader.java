package dev.keycard.input;

import dev.keycard.input.common.Sysctls;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input stage's entry point: finds the snippets in what the caller sent, decides their format
 * (unless the caller named one) and hands each to that format's parser.
 *
 * <p>With the format {@code auto}, a text is read in this order: a message with a fenced block is
 * read through its snippets ({@link ChatReader}); a text that reads as a document by its first
 * line (JSON, a command, YAML) is read as that document, and if that fails and the text read as a
 * chat message gives an input without errors (a command with a question after it), as a message;
 * anything else is read as a message. A text with no container spec anywhere is an error ({@code
 * input_not_a_container_spec}) that says what the text looks like instead ({@link Shapes}).
 */
public final class InputReader {
  private final Map<InputFormat, InputParser> parsers = new HashMap<>();
  private final FormatDetector detector;
  private final ChatReader chat;

  /** A reader of the formats {@code detector} tells apart. */
  public InputReader(FormatDetector detector) {
    this.detector = detector;
    for (InputFormat f : detector.formats()) {
      InputParser p = f.parser();
      if (p.format() != f) {
        throw new IllegalArgumentException("the parser of " + f.apiName() + " reads " + p.format().apiName());
      }
      this.parsers.put(f, finishing(p));
    }
    this.chat = new ChatReader(this.parsers, detector);
  }

  /** The formats this reader reads and how it tells them apart. */
  public FormatDetector detector() {
    return detector;
  }

  /**
   * Parses {@code text}. {@code fromObject} marks JSON serialised from an object the caller sent
   * (no positions); {@code requested} is null for auto-detection.
   */
  public ParsedInput read(
      String text, boolean fromObject, InputFormat requested, ParseOptions options) {
    if (fromObject) {
      InputFormat byContent = requested != null ? requested : detector.byContent(text);
      InputFormat f = byContent != null ? byContent : detector.fallback();
      return parse(f, Source.withoutSpans(text), options);
    }
    if (requested != null) {
      Detection d = detector.detect(text, requested);
      return parse(d.format(), d.snippet().source(), options);
    }
    if (SnippetExtractor.hasFence(text)) {
      return message(text, options);
    }
    InputFormat document = detector.byContent(text);
    if (document == null) {
      return message(text, options);
    }
    ParsedInput whole = parse(document, Source.of(text), options);
    if (!whole.hasErrors() || FormatDetector.sure(document, text)) {
      // JSON and Kubernetes manifests are surely what they look like: their errors are the answer
      return whole;
    }
    ParsedInput asMessage = chat.read(text, options);
    return asMessage != null && !asMessage.hasErrors() ? asMessage : whole;
  }

  /** A chat message read through its snippets, or the error that it holds none. */
  private ParsedInput message(String text, ParseOptions options) {
    ParsedInput read = chat.read(text, options);
    if (read != null) {
      return read;
    }
    // nothing to judge: the first code block in a language Keycard reads says what is there
    Snippet fenced = SnippetExtractor.fenced(text);
    Source about = fenced != null ? fenced.source() : Source.of(text);
    return new ParsedInput(
        detector.fallback(), List.of(), List.of(Shapes.notASpec(about)), about, null);
  }

  /** {@code p}, with what every format's result gets alike (see {@link #finish}). */
  private static InputParser finishing(InputParser p) {
    return new InputParser() {
      @Override
      public InputFormat format() {
        return p.format();
      }

      @Override
      public ParsedInput parse(Source source, ParseOptions options) {
        int max = (options == null ? ParseLimits.DEFAULTS : options.limits()).maxDiagnostics();
        return finish(p.parse(source, options), max);
      }
    };
  }

  private ParsedInput parse(InputFormat format, Source source, ParseOptions options) {
    InputParser parser = parsers.get(format);
    if (parser == null) {
      return new ParsedInput(
          format,
          List.of(),
          List.of(
              Diagnostic.of(
                  DiagnosticCode.INPUT_PARSE_ERROR,
                  "no parser for format " + format.apiName(),
                  source.span(0, 0))),
          source,
          null);
    }
    return parser.parse(source, options);
  }

  /**
   * What every format's result gets alike: each container marked with the format it was read
   * from (for messages in the input's own terms), and a warning for each sysctl its runtime
   * (Docker, the kubelet) refuses, since such a container never starts.
   */
  private static ParsedInput finish(ParsedInput parsed, int maxDiagnostics) {
    if (parsed.containers().isEmpty()) {
      return parsed;
    }
    String name = parsed.format().apiName();
    List<Container> marked = new ArrayList<>(parsed.containers().size());
    parsed.containers().forEach(c -> marked.add(c.withFormat(name)));
    List<Diagnostic> refused = parsed.hasErrors() ? List.of() : Sysctls.refused(marked, parsed.format().runtime());
    if (refused.isEmpty()) {
      return parsed.withContainers(marked);
    }
    // bounded like every parser's own diagnostics, so hostile input cannot flood the answer
    Diagnostics diagnostics =
        Diagnostics.continuing(parsed.source(), maxDiagnostics, parsed.diagnostics());
    diagnostics.addAll(refused);
    return parsed.withContainers(marked).withDiagnostics(diagnostics.list());
  }

}
