package dev.keycard.input;

import java.util.Map;

/**
 * What a parser may use besides the text: the caller's interpolation variables and companion files
 * (never the server's environment or disk), and the limits that stop runaway input.
 */
public record ParseOptions(
    Map<String, String> variables, Map<String, String> files, ParseLimits limits) {
  public ParseOptions {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    files = files == null ? Map.of() : Map.copyOf(files);
    limits = limits == null ? ParseLimits.DEFAULTS : limits;
  }

  public static ParseOptions defaults() {
    return new ParseOptions(Map.of(), Map.of(), ParseLimits.DEFAULTS);
  }
}
