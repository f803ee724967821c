package dev.keycard.pipeline;

import java.util.Map;

/**
 * What a caller sent, independent of HTTP: the input as text (or as JSON text serialised from an
 * object, {@code fromObject}), the requested format ({@code auto} when null), companion files and
 * interpolation variables.
 */
public record InputRequest(
    String text,
    boolean fromObject,
    String format,
    Map<String, String> files,
    Map<String, String> variables) {
  public InputRequest {
    files = files == null ? Map.of() : Map.copyOf(files);
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  /**
   * The same request for another text (a fixed one): read in the format the caller asked for, as
   * {@code auto} and {@code docker-run} find commands differently.
   */
  public InputRequest withText(String text) {
    return new InputRequest(text, fromObject, format, files, variables);
  }
}
