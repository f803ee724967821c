package dev.keycard.input;

/**
 * Limits every parser enforces, so that hostile input ends in a diagnostic rather than a hang or an
 * out-of-memory: YAML aliases and nesting, tokens of a command line, containers, diagnostics kept.
 */
public record ParseLimits(
    int maxAliases, int maxDepth, int maxTokens, int maxContainers, int maxDiagnostics) {
  public static final ParseLimits DEFAULTS = new ParseLimits(100, 64, 20_000, 1_000, 100);
}
