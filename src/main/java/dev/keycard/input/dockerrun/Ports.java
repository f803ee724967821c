package dev.keycard.input.dockerrun;

import dev.keycard.input.common.PortSpecs;
import dev.keycard.input.common.SpecResult;
import dev.keycard.model.Origin;
import dev.keycard.model.Port;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code -p}: the short syntax via {@link PortSpecs}, or the long syntax (any value with {@code
 * =}), which docker/cli's {@code convertToStandardNotation} turns into {@code
 * published:target/protocol}, silently ignoring every other key.
 */
final class Ports {
  private Ports() {}

  static void publish(MapContext ctx, FlagUse u) {
    String spec = u.value().maskedText();
    if (spec.contains("=")) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("protocol", "tcp");
      for (String param : spec.split(",", -1)) {
        int eq = param.indexOf('=');
        if (eq <= 0) {
          ctx.invalid(
              u, "invalid publish opts format (should be name=value but got '" + param + "')");
          return;
        }
        params.put(param.substring(0, eq), param.substring(eq + 1));
      }
      spec =
          params.getOrDefault("published", "")
              + ":"
              + params.getOrDefault("target", "")
              + "/"
              + params.get("protocol");
    }
    SpecResult<Port> r = PortSpecs.parse(spec);
    if (!r.isOk()) {
      // a port written with a variable ($PORT:80) is published, but only the client knows where
      if (!ctx.unknownIf("ports", u.value(), u)) {
        ctx.invalid(u, r.error());
      }
      return;
    }
    Origin at = ctx.origin(u);
    for (Port masked : r.values()) {
      Port p =
          new Port(
              Piece.unmask(masked.hostIp()),
              masked.hostPort(),
              masked.hostPortEnd(),
              masked.containerPort(),
              masked.containerPortEnd(),
              masked.protocol());
      int index = ctx.b.ports.size();
      ctx.b.ports.add(p);
      ctx.locateElement("ports", index, at);
      ctx.unknownIf("ports[" + index + "]", u.value(), u);
    }
  }
}
