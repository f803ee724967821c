package dev.keycard.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller asks for: {@code name}, {@code name@1}, {@code name@1.0} or {@code name@1.0.0};
 * the newest version whose leading parts match is chosen.
 */
public record RuleSetSelector(String name, Integer major, Integer minor, Integer patch) {
  private static final Pattern SYNTAX =
      Pattern.compile("([a-z0-9][a-z0-9._-]{0,63})(?:@(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.(\\d{1,9}))?)?)?");

  public static Optional<RuleSetSelector> parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleSetSelector(m.group(1), num(m.group(2)), num(m.group(3)), num(m.group(4))));
  }

  private static Integer num(String s) {
    return s == null ? null : Integer.valueOf(s);
  }

  public boolean matches(SemVer v) {
    return (major == null || major == v.major())
        && (minor == null || minor == v.minor())
        && (patch == null || patch == v.patch());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(name);
    if (major != null) {
      b.append('@').append(major);
      if (minor != null) {
        b.append('.').append(minor);
        if (patch != null) {
          b.append('.').append(patch);
        }
      }
    }
    return b.toString();
  }
}
