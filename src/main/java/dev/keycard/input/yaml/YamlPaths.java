package dev.keycard.input.yaml;

import dev.keycard.budget.LimitExceeded;

/**
 * The JSON Pointers of one YAML read, each node's written out in full: a child's path repeats every
 * key above it, so a 500,000-character key above a list of 2,000 items made 1,000,000,000
 * characters of paths from a 504 KB text, and the JVM ran out of heap. Every path made is counted,
 * and a read whose paths add up to more than {@link #MAX_CHARS} characters is refused (413), which
 * no real document comes near (100,000 nodes at 160 characters each).
 */
public final class YamlPaths {
  public static final int MAX_CHARS = 16 * 1024 * 1024;

  private long chars;

  /**
   * The path of {@code parent}'s child {@code token} (already escaped), counted.
   *
   * @throws LimitExceeded past {@link #MAX_CHARS} characters of paths in this read (413)
   */
  public String child(String parent, String token) {
    chars += (long) parent.length() + 1 + token.length();
    if (chars > MAX_CHARS) {
      throw LimitExceeded.tooLarge(
          "max-yaml-path-characters",
          MAX_CHARS,
          "the YAML document's nodes sit under keys so long that their paths add up to more than "
              + MAX_CHARS
              + " characters (a key is repeated in the path of every node below it)");
    }
    return parent + "/" + token;
  }
}
