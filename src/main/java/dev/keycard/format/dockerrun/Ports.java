package dev.keycard.format.dockerrun;

import dev.keycard.input.common.PartlyKnown;
import dev.keycard.input.common.PortSpecs;
import dev.keycard.input.common.SpecResult;
import dev.keycard.model.Port;
import java.util.BitSet;
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
    Piece v = u.value();
    String spec = v.text();
    BitSet unknown = v.unknownChars();
    if (spec.contains("=")) {
      // the long syntax, rebuilt as published:target/protocol with each value's unknown characters
      Map<String, Piece> params = new LinkedHashMap<>();
      int from = 0;
      for (String param : spec.split(",", -1)) {
        int eq = param.indexOf('=');
        if (eq <= 0) {
          ctx.invalid(
              u, "invalid publish opts format (should be name=value but got '" + param + "')");
          return;
        }
        params.put(param.substring(0, eq), v.sub(from + eq + 1, from + param.length()));
        from += param.length() + 1;
      }
      StringBuilder standard = new StringBuilder();
      unknown = new BitSet();
      append(standard, unknown, params.get("published"));
      standard.append(':');
      append(standard, unknown, params.get("target"));
      standard.append('/');
      if (params.get("protocol") == null) {
        standard.append("tcp");
      } else {
        append(standard, unknown, params.get("protocol"));
      }
      spec = standard.toString();
    }
    SpecResult<PartlyKnown<Port>> r = PortSpecs.parse(spec, unknown);
    if (!r.isOk()) {
      ctx.invalid(u, r.error());
      return;
    }
    PartlyKnown<Port> p = r.values().get(0);
    if (p.value() == null) {
      // -p $PORTS: only the client knows what is published, and how many ports
      ctx.unknownIf("ports", v, u);
      return;
    }
    int index = ctx.b.ports.size();
    ctx.b.ports.add(p.value());
    ctx.locateElement("ports", index, ctx.origin(u));
    ctx.unknownParts("ports[" + index + "]", p.unknownParts(), v, u);
  }

  private static void append(StringBuilder out, BitSet unknown, Piece value) {
    if (value == null) {
      return;
    }
    int at = out.length();
    out.append(value.text());
    BitSet u = value.unknownChars();
    for (int i = u.nextSetBit(0); i >= 0; i = u.nextSetBit(i + 1)) {
      unknown.set(at + i);
    }
  }
}
