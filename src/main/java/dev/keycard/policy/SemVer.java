package dev.keycard.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Optional;

/** A rule-set version {@code MAJOR.MINOR.PATCH}, ordered numerically. */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {
  private static final Pattern FULL = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  public static Optional<SemVer> parse(String s) {
    Matcher m = FULL.matcher(s == null ? "" : s.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemVer(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
