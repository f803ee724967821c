package dev.keycard.pipeline;

import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import jakarta.enterprise.context.ApplicationScoped;

/** Stage 1 and 2 as one operation: what the caller sent, as canonical containers. */
@ApplicationScoped
public class ParseService {
  private final InputReader reader;

  public ParseService(InputReader reader) {
    this.reader = reader;
  }

  /**
   * Parses the request's input. The format name must already be valid ({@link
   * #formatOf(String)}).
   */
  public ParsedInput parse(InputRequest request) {
    InputFormat format = formatOf(request.format());
    ParseOptions options = new ParseOptions(request.variables(), request.files(), null);
    return reader.read(request.text(), request.fromObject(), format, options);
  }

  /**
   * The format named by the caller: null for {@code auto} or nothing.
   *
   * @throws IllegalArgumentException for a name that is no format
   */
  public static InputFormat formatOf(String name) {
    if (name == null || name.isBlank() || name.trim().equalsIgnoreCase("auto")) {
      return null;
    }
    return InputFormat.byName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format '" + name + "': use auto, compose, docker-run, engine-api or kubernetes"));
  }
}
