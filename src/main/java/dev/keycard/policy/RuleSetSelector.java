package dev.keycard.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Optional;

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

  private static final Pattern NAME_AND_REST = Pattern.compile("([a-z0-9][a-z0-9._-]{0,63})@([^\\n\\r\\x{85}\\x{2028}\\x{2029}]*)");

  /**
   * Why a selector selects no loaded rule set: a malformed selector ({@code restricted@v1.x}: the
   * caller's mistake in syntax, 400) or one that matches nothing loaded ({@code restricted@2}, 404),
   * each with a message that says what would work.
   */
  public record Refusal(boolean malformed, String message) {}

  /** The refusal of {@code text} against {@code catalog}, or empty when it selects a rule set. */
  public static Optional<Refusal> refusal(String text, PolicyCatalog catalog) {
    String t = text == null ? "" : text.trim();
    String shown = t.length() > 80 ? t.substring(0, 80) + "…" : t;
    Optional<RuleSetSelector> parsed = parse(t);
    if (parsed.isEmpty()) {
      Matcher m = NAME_AND_REST.matcher(t);
      if (m.matches()) {
        String v = m.group(2);
        String vShown = v.length() > 40 ? v.substring(0, 40) + "…" : v;
        return Optional.of(
            new Refusal(
                true,
                "malformed version '" + vShown + "' in '" + shown + "': write MAJOR, MAJOR.MINOR or"
                    + " MAJOR.MINOR.PATCH in digits (" + m.group(1) + "@1, " + m.group(1) + "@1.0, "
                    + m.group(1) + "@1.0.0)"));
      }
      return Optional.of(
          new Refusal(
              true,
              "malformed rule set '" + shown + "': write name, name@MAJOR, name@MAJOR.MINOR or"
                  + " name@MAJOR.MINOR.PATCH with a lower-case name (known: "
                  + String.join(", ", catalog.names()) + ")"));
    }
    RuleSetSelector s = parsed.get();
    List<RuleSet> versions = catalog.versions(s.name());
    if (versions.isEmpty()) {
      return Optional.of(
          new Refusal(
              false,
              "no rule set '" + s.name() + "'; known: " + String.join(", ", catalog.names())));
    }
    if (catalog.select(s).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            false,
            "rule set '" + s.name() + "' has no version matching " + s.versionText()
                + "; its versions: "
                + String.join(", ", versions.stream().map(v -> v.version().toString()).toList())));
  }

  /** The version part as written: {@code 2}, {@code 1.4} or {@code 1.0.9}. */
  String versionText() {
    String full = toString();
    int at = full.indexOf('@');
    return at < 0 ? "" : full.substring(at + 1);
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
