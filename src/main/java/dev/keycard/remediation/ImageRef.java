package dev.keycard.remediation;

import java.util.Locale;

/**
 * An image reference reduced to its repository path, without registry, tag or digest: {@code
 * gcr.io/cadvisor/cadvisor:v0.49.1} is {@code cadvisor/cadvisor}, {@code docker:dind} is {@code
 * docker}, {@code library/postgres@sha256:...} is {@code postgres}. The first path component is a
 * registry when it holds a dot or a colon, is {@code localhost}, or is a variable ({@code
 * ${REGISTRY}/traefik}), as Docker's reference grammar reads it.
 */
final class ImageRef {
  private ImageRef() {}

  static String repository(String ref) {
    if (ref == null) {
      return "";
    }
    String r = ref.strip();
    int at = r.indexOf('@');
    if (at >= 0) {
      r = r.substring(0, at);
    }
    int slash = r.lastIndexOf('/');
    int colon = r.lastIndexOf(':');
    if (colon > slash) {
      r = r.substring(0, colon);
    }
    int first = r.indexOf('/');
    if (first > 0) {
      String head = r.substring(0, first);
      if (head.contains(".")
          || head.contains(":")
          || head.equals("localhost")
          || head.contains("$")) {
        r = r.substring(first + 1);
      }
    }
    if (r.startsWith("library/")) {
      r = r.substring("library/".length());
    }
    return r.toLowerCase(Locale.ROOT);
  }
}
