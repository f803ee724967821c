package dev.keycard.model;

/**
 * Where a setting came from: a JSON Pointer into the input document ({@code /services/web/privileged},
 * {@code /HostConfig/Privileged}; null for {@code docker run}) and the span of the submitted text
 * (null when the input was sent as a JSON object rather than text).
 */
public record Origin(String path, Span span) {
  public static Origin of(String path, Span span) {
    return new Origin(path, span);
  }
}
