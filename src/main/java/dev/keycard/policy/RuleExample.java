package dev.keycard.policy;

import java.util.Map;

/**
 * One of a rule's own tests: an input (any format, auto-detected unless {@code format} is given),
 * with optional companion files and variables.
 */
public record RuleExample(
    String input, String format, Map<String, String> files, Map<String, String> variables, SourceRef at) {
  public RuleExample {
    files = files == null ? Map.of() : Map.copyOf(files);
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
