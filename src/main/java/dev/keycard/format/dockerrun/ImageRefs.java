package dev.keycard.format.dockerrun;

import com.google.re2j.Pattern;

/**
 * Image references as distribution/reference parses them ({@code [domain/]path[:tag][@digest]}),
 * and the default container name Keycard derives from one.
 */
final class ImageRefs {
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      "(?:"
          + DOMAIN_COMPONENT
          + "(?:\\."
          + DOMAIN_COMPONENT
          + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:"
              + DOMAIN
              + "/)?"
              + PATH_COMPONENT
              + "(?:/"
              + PATH_COMPONENT
              + ")*"
              + "(?::[\\w][\\w.-]{0,127})?"
              + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

  private ImageRefs() {}

  static boolean isValid(String ref) {
    return ref.length() <= 512 && REFERENCE.matcher(ref).matches();
  }

  /** {@code lscr.io/linuxserver/kasm:latest} → {@code kasm}: the last path component, untagged. */
  static String defaultName(String ref) {
    String r = ref;
    int at = r.indexOf('@');
    if (at >= 0) {
      r = r.substring(0, at);
    }
    r = r.substring(r.lastIndexOf('/') + 1);
    int colon = r.indexOf(':');
    return colon > 0 ? r.substring(0, colon) : r;
  }
}
