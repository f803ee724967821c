package dev.keycard.input.common;

import dev.keycard.model.Port;
import java.util.ArrayList;
import java.util.BitSet;
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

  /**
   * A port spec some of whose characters only the client knows ({@code unknown}, by index): each of
   * the host IP, host port, container port and protocol that holds one is unknown, the others are
   * read as {@link #parse(String)} reads them. An unknown port is null, an unknown IP or protocol
   * keeps its text; a spec with no known character has no known shape (a null value).
   */
  public static SpecResult<PartlyKnown<Port>> parse(String spec, BitSet unknown) {
    if (unknown.isEmpty()) {
      SpecResult<Port> r = parse(spec);
      return r.isOk()
          ? SpecResult.ok(List.of(PartlyKnown.known(r.values().get(0))))
          : SpecResult.fail(r.error());
    }
    int from = 0;
    int to = spec.length();
    while (from < to && Character.isWhitespace(spec.charAt(from)) && !unknown.get(from)) {
      from++;
    }
    while (to > from && Character.isWhitespace(spec.charAt(to - 1)) && !unknown.get(to - 1)) {
      to--;
    }
    String raw = spec.substring(from, to);
    BitSet mask = unknown.get(from, to);
    if (PartlyKnown.allUnknown(raw, mask)) {
      return SpecResult.ok(List.of(new PartlyKnown<Port>(null, List.of())));
    }
    List<String> parts = new ArrayList<>();
    String proto = "tcp";
    int slash = -1;
    for (int i = raw.length() - 1; i >= 0 && slash < 0; i--) {
      if (raw.charAt(i) == '/' && !mask.get(i)) {
        slash = i;
      }
    }
    int end = raw.length();
    if (slash >= 0) {
      proto = raw.substring(slash + 1);
      if (PartlyKnown.unknownIn(mask, slash + 1, raw.length())) {
        parts.add("protocol");
      }
      end = slash;
    }
    List<int[]> fields = PartlyKnown.split(raw.substring(0, end), mask, ':');
    int n = fields.size();
    int[] container = fields.get(n - 1);
    int[] host = n >= 2 ? fields.get(n - 2) : null;
    int[] ip = n >= 3 ? new int[] {0, fields.get(n - 3)[1]} : null;
    boolean ipUnknown = ip != null && PartlyKnown.unknownIn(mask, ip[0], ip[1]);
    boolean hostUnknown = host != null && PartlyKnown.unknownIn(mask, host[0], host[1]);
    boolean containerUnknown = PartlyKnown.unknownIn(mask, container[0], container[1]);
    // parse with a stand-in for every unknown part, then put the unknowns back
    StringBuilder standIn = new StringBuilder();
    if (ip != null && !ipUnknown) {
      standIn.append(raw, ip[0], ip[1]).append(':');
    }
    if (host != null) {
      standIn.append(hostUnknown ? "1" : raw.substring(host[0], host[1])).append(':');
    }
    standIn.append(containerUnknown ? "1" : raw.substring(container[0], container[1]));
    if (slash >= 0 && !parts.contains("protocol")) {
      standIn.append('/').append(proto);
    }
    SpecResult<Port> r = parse(standIn.toString());
    if (!r.isOk()) {
      return SpecResult.fail(r.error());
    }
    Port p = r.values().get(0);
    List<String> unknownParts = new ArrayList<>();
    if (ipUnknown) {
      unknownParts.add("host_ip");
    }
    if (hostUnknown) {
      unknownParts.add("host_port");
      unknownParts.add("host_port_end");
    }
    if (containerUnknown) {
      unknownParts.add("container_port");
      unknownParts.add("container_port_end");
    }
    unknownParts.addAll(parts);
    Port value =
        new Port(
            ipUnknown ? raw.substring(ip[0], ip[1]) : p.hostIp(),
            hostUnknown ? null : p.hostPort(),
            hostUnknown ? null : p.hostPortEnd(),
            containerUnknown ? null : p.containerPort(),
            containerUnknown ? null : p.containerPortEnd(),
            parts.contains("protocol") ? proto : p.protocol());
    return SpecResult.ok(List.of(new PartlyKnown<>(value, unknownParts)));
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
