package dev.keycard.input.common;

import dev.keycard.model.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The short volume syntax shared by {@code -v} and compose {@code volumes}: {@code
 * [source:]target[:options]}, split on colons except after a Windows drive letter, as docker/cli's
 * {@code volumespec.Parse}. A source starting with {@code /}, {@code .}, {@code ~} or a drive is a
 * bind; any other source is a named volume; no source is an anonymous volume.
 */
public final class VolumeSpecs {
  private static final Set<String> PROPAGATION =
      Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");

  private VolumeSpecs() {}

  public static SpecResult<Mount> parse(String spec) {
    if (spec.isEmpty()) {
      return SpecResult.fail("invalid empty volume spec");
    }
    if (spec.length() <= 2) {
      return SpecResult.ok(List.of(new Mount(Mount.VOLUME, null, spec, false, null)));
    }
    List<String> sections = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    for (int i = 0; i < spec.length(); i++) {
      char ch = spec.charAt(i);
      if (ch == ':' && !isWindowsDrive(buf)) {
        sections.add(buf.toString());
        buf.setLength(0);
      } else {
        buf.append(ch);
      }
    }
    sections.add(buf.toString());
    for (String section : sections) {
      if (section.isEmpty()) {
        return SpecResult.fail("empty section between colons in volume '" + spec + "'");
      }
    }
    if (sections.size() > 3) {
      return SpecResult.fail("too many colons in volume '" + spec + "'");
    }
    String source = sections.size() >= 2 ? sections.get(0) : null;
    String target = sections.size() >= 2 ? sections.get(1) : sections.get(0);
    boolean readOnly = false;
    String propagation = null;
    if (sections.size() == 3) {
      for (String opt : sections.get(2).split(",")) {
        switch (opt) {
          case "ro" -> readOnly = true;
          case "rw" -> readOnly = false;
          default -> {
            if (PROPAGATION.contains(opt)) {
              propagation = opt;
            }
          }
        }
      }
    }
    String type = source == null ? Mount.VOLUME : isFilePath(source) ? Mount.BIND : Mount.VOLUME;
    return SpecResult.ok(List.of(new Mount(type, source, target, readOnly, propagation)));
  }

  /**
   * Whether a mount source names a host path rather than a volume. A source that starts with an
   * unexpanded variable ({@code $PWD}, {@code ${HOME}/data}) is taken as a path: a volume name
   * cannot contain {@code $}, and such variables hold directories in practice.
   */
  public static boolean isFilePath(String source) {
    if (source.isEmpty()) {
      return false;
    }
    char c = source.charAt(0);
    return c == '/' || c == '.' || c == '~' || c == '\\' || c == '$' || startsWithDrive(source);
  }

  private static boolean startsWithDrive(String s) {
    return s.length() >= 2 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':';
  }

  private static boolean isWindowsDrive(StringBuilder buf) {
    return buf.length() == 1 && Character.isLetter(buf.charAt(0));
  }
}
