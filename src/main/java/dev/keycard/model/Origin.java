package dev.keycard.model;

/**
 * Where a setting came from: a JSON Pointer into the input document ({@code /services/web/privileged},
 * {@code /HostConfig/Privileged}; null for {@code docker run}) and the span of the submitted text
 * (null when the input was sent as a JSON object rather than text).
 *
 * <p>A Kubernetes stream of several documents is, as a document, the list of its documents: its
 * pointers start with the index of the document they point into, counted from 0 in written order
 * ({@code /1/spec/template/spec/containers/0/securityContext/privileged}); a single document's do
 * not.
 */
public record Origin(String path, Span span) {
  public static Origin of(String path, Span span) {
    return new Origin(path, span);
  }
}
