package dev.keycard.input.common;

import dev.keycard.model.Port;
import java.util.List;
import java.util.Locale;

/**
 * The short port syntax shared by {@code -p} and compose {@code ports}: {@code
 * [ip:][hostPort:]containerPort[/protocol]}, ranges allowed, IPv6 in brackets (as go-connections
 * {@code nat.ParsePortSpec} splits it: the last part is the container port, the one before it the
 * host port, everything before that the IP).
 */
public final class PortSpecs {
  private PortSpecs() {}

  public static SpecResult<Port> parse(String spec) {
    String raw = spec.trim();
    if (raw.isEmpty()) {
      return SpecResult.fail("empty port specification");
    }
    String proto = "tcp";
    int slash = raw.lastIndexOf('/');
    if (slash >= 0) {
      proto = raw.substring(slash + 1).toLowerCase(Locale.ROOT);
      raw = raw.substring(0, slash);
      if (!List.of("tcp", "udp", "sctp").contains(proto)) {
        return SpecResult.fail("invalid protocol '" + proto + "' in port '" + spec + "'");
      }
    }
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    String container = parts[n - 1];
    String host = n >= 2 ? parts[n - 2] : "";
    String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    int[] c = range(container);
    if (c == null) {
      return SpecResult.fail("invalid container port '" + container + "' in '" + spec + "'");
    }
    int[] h = host.isEmpty() ? null : range(host);
    if (!host.isEmpty() && h == null) {
      return SpecResult.fail("invalid host port '" + host + "' in '" + spec + "'");
    }
    return SpecResult.ok(
        List.of(
            new Port(
                ip.isEmpty() ? null : ip,
                h == null ? null : h[0],
                h == null ? null : h[1],
                c[0],
                c[1],
                proto)));
  }

  /** {@code 80} or {@code 8000-8010} as [start, end], or null. */
  public static int[] range(String s) {
    int dash = s.indexOf('-');
    Integer a = port(dash < 0 ? s : s.substring(0, dash));
    Integer b = dash < 0 ? a : port(s.substring(dash + 1));
    if (a == null || b == null || b < a) {
      return null;
    }
    return new int[] {a, b};
  }

  private static Integer port(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return null;
      }
    }
    int p = Integer.parseInt(s);
    return p > 65535 ? null : p;
  }
}
