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
public final class RenderValues {
  private RenderValues() {}

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
  public static String size(Object v) {
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
  public static long bytes(Object v) {
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
  public static Object cpus(Object v) {
    double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    return d == Math.rint(d) ? (Object) (long) d : (Object) d;
  }

  /** A value as CLI and YAML text: numbers without a trailing {@code .0}, booleans as words. */
  public static String text(String field, Object v) {
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
  public static String optionKey(String opt) {
    int i = 0;
    while (i < opt.length() && opt.charAt(i) != ':' && opt.charAt(i) != '=') {
      i++;
    }
    return opt.substring(0, i).trim().toLowerCase(Locale.ROOT);
  }

  /** Whether the container's list {@code field} already holds {@code value}. */
  public static boolean holds(Container c, String field, Object value) {
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
  public static boolean sameOption(String a, String b) {
    return normalOption(a).equals(normalOption(b));
  }

  private static String normalOption(String o) {
    String s = o.trim().toLowerCase(Locale.ROOT).replace('=', ':');
    return s.equals("no-new-privileges") ? "no-new-privileges:true" : s;
  }

  /** A capability name as the model keeps it: upper case, without {@code CAP_}. */
  public static String capability(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    return n.startsWith("CAP_") ? n.substring(4) : n;
  }

  /** {@code spec} with its host IP set to {@code ip}: {@code 80:80} becomes {@code ip:80:80}. */
  /**
   * A short volume spec ({@code src:dst:opts}) or a {@code --mount} CSV without its propagation
   * option ({@code shared}, {@code rslave}, ... or {@code bind-propagation=...}); null when there is
   * none to remove.
   */
  public static String withoutPropagation(String spec) {
    java.util.Set<String> modes = java.util.Set.of("shared", "rshared", "slave", "rslave", "private", "rprivate");
    if (spec.contains("=")) {
      java.util.List<String> kept = new java.util.ArrayList<>();
      boolean found = false;
      for (String field : spec.split(",", -1)) {
        if (field.trim().toLowerCase(java.util.Locale.ROOT).startsWith("bind-propagation=")) {
          found = true;
        } else {
          kept.add(field);
        }
      }
      return found ? String.join(",", kept) : null;
    }
    int last = spec.lastIndexOf(':');
    if (last < 0 || spec.indexOf(':') == last) {
      return null;
    }
    java.util.List<String> opts = new java.util.ArrayList<>(java.util.List.of(spec.substring(last + 1).split(",")));
    if (!opts.removeIf(modes::contains)) {
      return null;
    }
    return opts.isEmpty() ? spec.substring(0, last) : spec.substring(0, last + 1) + String.join(",", opts);
  }

  public static String withHostIp(String spec, String ip) {
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
