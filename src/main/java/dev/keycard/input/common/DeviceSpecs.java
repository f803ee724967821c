package dev.keycard.input.common;

import dev.keycard.model.Device;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The device syntax shared by {@code --device} and compose {@code devices}: {@code
 * host[:container][:permissions]}, where a two-part value whose second part is a mode ({@code rwm}
 * subset) means {@code host:permissions}; a CDI name ({@code vendor.com/class=name}) is kept whole.
 */
public final class DeviceSpecs {
  private DeviceSpecs() {}

  public static SpecResult<Device> parse(String spec) {
    if (spec.isEmpty()) {
      return SpecResult.fail("empty device specification");
    }
    if (!spec.startsWith("/") && spec.contains("=")) {
      return SpecResult.ok(List.of(new Device(spec, null, null)));
    }
    String[] arr = spec.split(":", -1);
    String src;
    String dst = "";
    String perms = "rwm";
    switch (arr.length) {
      case 3 -> {
        perms = arr[2];
        dst = arr[1];
        src = arr[0];
        if (!isMode(perms)) {
          return SpecResult.fail("invalid device mode '" + perms + "' in '" + spec + "'");
        }
      }
      case 2 -> {
        if (isMode(arr[1])) {
          perms = arr[1];
        } else {
          dst = arr[1];
        }
        src = arr[0];
      }
      case 1 -> src = arr[0];
      default -> {
        return SpecResult.fail("invalid device specification '" + spec + "'");
      }
    }
    if (dst.isEmpty()) {
      dst = src;
    }
    return SpecResult.ok(List.of(new Device(src, dst, perms)));
  }

  /**
   * A device spec some of whose characters only the client knows ({@code unknown}, by index): the
   * host path, container path and permissions that hold one are unknown. A second part that holds
   * one may be a container path or permissions, so both are; a target left out is the source, so it
   * is unknown with it.
   */
  public static SpecResult<PartlyKnown<Device>> parse(String spec, BitSet unknown) {
    if (unknown.isEmpty() || (!spec.startsWith("/") && spec.contains("="))) {
      SpecResult<Device> r = parse(spec);
      if (!r.isOk()) {
        return SpecResult.fail(r.error());
      }
      List<String> parts = unknown.isEmpty() ? List.of() : List.of("source", "target");
      return SpecResult.ok(List.of(new PartlyKnown<>(r.values().get(0), parts)));
    }
    List<int[]> f = PartlyKnown.split(spec, unknown, ':');
    if (f.size() > 3) {
      return SpecResult.fail("invalid device specification '" + spec + "'");
    }
    String[] text = new String[f.size()];
    boolean[] dark = new boolean[f.size()];
    for (int i = 0; i < f.size(); i++) {
      text[i] = spec.substring(f.get(i)[0], f.get(i)[1]);
      dark[i] = PartlyKnown.unknownIn(unknown, f.get(i)[0], f.get(i)[1]);
    }
    List<String> parts = new ArrayList<>();
    String src = text[0];
    String dst = src;
    String perms = "rwm";
    boolean targetIsSource = true;
    boolean targetUnknown = false;
    if (f.size() >= 2) {
      if (dark[1]) {
        dst = text[1];
        targetIsSource = false;
        targetUnknown = true;
      } else if (f.size() == 3 || !isMode(text[1])) {
        targetIsSource = text[1].isEmpty();
        dst = targetIsSource ? src : text[1];
      } else {
        perms = text[1];
      }
    }
    if (dark[0]) {
      parts.add("source");
    }
    if (targetUnknown || (targetIsSource && dark[0])) {
      parts.add("target");
    }
    if (f.size() == 2 && dark[1]) {
      parts.add("permissions");
    }
    if (f.size() == 3) {
      perms = text[2];
      if (dark[2]) {
        parts.add("permissions");
      } else if (!isMode(perms)) {
        return SpecResult.fail("invalid device mode '" + perms + "' in '" + spec + "'");
      }
    }
    return SpecResult.ok(List.of(new PartlyKnown<>(new Device(src, dst, perms), parts)));
  }

  /** A non-empty subset of {@code rwm}. */
  public static boolean isMode(String s) {
    if (s.isEmpty() || s.length() > 3) {
      return false;
    }
    return s.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')
        && s.chars().distinct().count() == s.length();
  }
}
