package dev.keycard.input.common;

import dev.keycard.model.Device;
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

  /** A non-empty subset of {@code rwm}. */
  public static boolean isMode(String s) {
    if (s.isEmpty() || s.length() > 3) {
      return false;
    }
    return s.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')
        && s.chars().distinct().count() == s.length();
  }
}
