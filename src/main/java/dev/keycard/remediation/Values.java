package dev.keycard.remediation;

import dev.keycard.model.Container;
import dev.keycard.model.Tmpfs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Canonical values as each format writes them: sizes as Docker's short units or bytes, CPUs as a
 * count or nano-CPUs, and whether a list already holds the value an {@code add} would add.
 */
final class Values {
  private Values() {}

  /** The model's list fields (what {@code add} and {@code remove_item} work on). */
  static final List<String> LIST_FIELDS =
      List.of(
          "cap_add",
          "cap_drop",
          "tmpfs",
          "security_opt",
          "selinux",
          "networks",
          "mounts",
          "devices",
          "device_cgroup_rules",
          "ports",
          "sysctls",
          "environment");

  /** A size as Docker's CLI and compose write it ({@code 536870912} becomes {@code 512m}). */
  static String size(Object v) {
    if (!(v instanceof Number n)) {
      return String.valueOf(v);
    }
    long b = n.longValue();
    String[] units = {"g", "m", "k"};
    long[] factors = {1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (b != 0 && b % factors[i] == 0) {
        return (b / factors[i]) + units[i];
      }
    }
    return Long.toString(b);
  }

  /** A size in bytes, from a number or a Docker size string ({@code 512m}, {@code 1GiB}). */
  static long bytes(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    BigDecimal num = new BigDecimal(s.substring(0, i));
    String unit = s.substring(i).replace("ib", "").replace("b", "");
    long f =
        switch (unit) {
          case "" -> 1L;
          case "k" -> 1L << 10;
          case "m" -> 1L << 20;
          case "g" -> 1L << 30;
          case "t" -> 1L << 40;
          default -> throw new IllegalArgumentException("not a size: " + v);
        };
    return num.multiply(BigDecimal.valueOf(f)).longValue();
  }

  /** A CPU count as a plain number ({@code 1}, {@code 0.5}). */
  static Object cpus(Object v) {
    double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    return d == Math.rint(d) ? (Object) (long) d : (Object) d;
  }

  /** A value as CLI and YAML text: numbers without a trailing {@code .0}, booleans as words. */
  static String text(String field, Object v) {
    if (field.equals("memory") || field.equals("memory_reservation")) {
      return size(v);
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }

  /**
   * The key of a security option ({@code no-new-privileges:true} has {@code no-new-privileges}).
   */
  static String optionKey(String opt) {
    int i = 0;
    while (i < opt.length() && opt.charAt(i) != ':' && opt.charAt(i) != '=') {
      i++;
    }
    return opt.substring(0, i).trim().toLowerCase(Locale.ROOT);
  }

  /** Whether the container's list {@code field} already holds {@code value}. */
  static boolean holds(Container c, String field, Object value) {
    String v = String.valueOf(value);
    return switch (field) {
      case "cap_drop" -> c.capDrop().contains(capability(v));
      case "cap_add" -> c.capAdd().contains(capability(v));
      case "tmpfs" -> c.tmpfs().stream().map(Tmpfs::target).anyMatch(v::equals);
      case "security_opt" -> c.securityOpt().stream().anyMatch(o -> sameOption(o, v));
      case "networks" -> c.networks().contains(v);
      default -> false;
    };
  }

  /** Whether two security options are the same (separator and bare-boolean forms agree). */
  static boolean sameOption(String a, String b) {
    return normalOption(a).equals(normalOption(b));
  }

  private static String normalOption(String o) {
    String s = o.trim().toLowerCase(Locale.ROOT).replace('=', ':');
    return s.equals("no-new-privileges") ? "no-new-privileges:true" : s;
  }

  /** A capability name as the model keeps it: upper case, without {@code CAP_}. */
  static String capability(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    return n.startsWith("CAP_") ? n.substring(4) : n;
  }

  /** {@code spec} with its host IP set to {@code ip}: {@code 80:80} becomes {@code ip:80:80}. */
  static String withHostIp(String spec, String ip) {
    String rest = spec;
    if (rest.startsWith("[")) {
      int close = rest.indexOf("]:");
      rest = close < 0 ? rest : rest.substring(close + 2);
      return ip + ":" + rest;
    }
    String[] parts = rest.split(":", -1);
    if (parts.length >= 3) {
      return ip + rest.substring(parts[0].length());
    }
    if (parts.length == 2) {
      return ip + ":" + rest;
    }
    return ip + "::" + rest;
  }
}
