package dev.keycard.format.compose;

import dev.keycard.input.common.DeviceSpecs;
import dev.keycard.input.common.PartlyKnown;
import dev.keycard.input.common.PortSpecs;
import dev.keycard.input.common.SpecResult;
import dev.keycard.input.common.VolumeSpecs;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Field;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Tmpfs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The service keys that come in a short (string) and a long (mapping) syntax: volumes, tmpfs,
 * devices, ports, sysctls, environment, and command-like lists.
 */
record Fields(Values v, Container.Builder b) {
  void volumes(YNode.Entry e) {
    List<YNode> items = v.items(e.value(), "volumes", false);
    if (items == null) {
      return;
    }
    shortOrLong(items, "mounts", b.mounts, this::longVolume, this::shortVolume);
  }

  /**
   * Adds each item, read in its long (mapping) or short syntax, to {@code into}, located at {@code
   * name[i]}; an item that reads as null is left out.
   */
  private <T> void shortOrLong(
      List<YNode> items,
      String name,
      List<T> into,
      BiFunction<YNode.Map, String, T> longSyntax,
      BiFunction<YNode, String, T> shortSyntax) {
    for (YNode item : items) {
      String p = name + "[" + into.size() + "]";
      T x = item instanceof YNode.Map map ? longSyntax.apply(map, p) : shortSyntax.apply(item, p);
      if (x != null) {
        into.add(x);
        v.locate(p, item);
      }
    }
  }

  private Mount shortVolume(YNode item, String p) {
    Values.Text t = v.text(item, p);
    if (t == null) {
      return null;
    }
    SpecResult<Mount> r = VolumeSpecs.parse(t.value());
    if (!r.isOk()) {
      v.invalid(item, "volumes: " + r.error());
      return null;
    }
    Mount m = r.values().get(0);
    if (t.unknown() && markUnknownParts(p, t, m)) {
      // only the parts that hold the variable are unknown: the mode and propagation are literal
      b.unknown.remove(p);
    }
    v.locate(p + ".source", item);
    v.locate(p + ".target", item);
    return m;
  }

  /**
   * Marks the source, target and mode that hold a variable unknown (a mode makes read_only and
   * propagation unknown); false when none does.
   */
  private boolean markUnknownParts(String p, Values.Text t, Mount m) {
    boolean any = false;
    if (m.source() != null && m.source().contains("$")) {
      b.unknown(p + ".source");
      any = true;
    }
    if (m.target() != null && m.target().contains("$")) {
      b.unknown(p + ".target");
      any = true;
    }
    int modeFrom = (m.source() == null ? 0 : m.source().length() + 1) + m.target().length() + 1;
    if (modeFrom < t.value().length() && t.value().indexOf('$', modeFrom) >= 0) {
      b.unknown(p + ".read_only");
      b.unknown(p + ".propagation");
      any = true;
    }
    return any;
  }

  private Mount longVolume(YNode.Map map, String p) {
    String type = field(map, "type", p + ".type");
    String source = field(map, "source", p + ".source");
    String target = field(map, "target", p + ".target");
    if (target == null) {
      v.invalid(map, "volumes: long syntax needs a target");
      return null;
    }
    YNode ro = map.get("read_only");
    boolean readOnly = ro != null && Boolean.TRUE.equals(v.bool(ro, p + ".read_only"));
    String propagation = null;
    if (map.get("bind") instanceof YNode.Map bind && bind.get("propagation") != null) {
      propagation = v.known(bind.get("propagation"), p + ".propagation");
    }
    if (type == null) {
      type =
          source == null
              ? Mount.VOLUME
              : VolumeSpecs.isFilePath(source) ? Mount.BIND : Mount.VOLUME;
    }
    for (String k : List.of("type", "source", "target", "read_only")) {
      YNode.Entry fe = map.entry(k);
      if (fe != null) {
        v.locate(p + "." + k, fe);
      }
    }
    return new Mount(type, source, target, readOnly, propagation);
  }

  private String field(YNode.Map map, String key, String path) {
    Values.Text t = text(map, key, path);
    return t == null ? null : t.value();
  }

  /** The text of {@code key}, marked unknown at {@code path} when a variable has no value. */
  private Values.Text text(YNode.Map map, String key, String path) {
    YNode n = map.get(key);
    return n == null ? null : v.text(n, path);
  }

  void tmpfs(YNode.Entry e) {
    List<YNode> items = v.items(e, Field.TMPFS, true);
    if (items == null) {
      return;
    }
    for (YNode item : items) {
      String p = "tmpfs[" + b.tmpfs.size() + "]";
      Values.Text t = v.text(item, p);
      if (t == null) {
        continue;
      }
      int colon = t.value().indexOf(':');
      b.tmpfs.add(
          colon < 0
              ? new Tmpfs(t.value(), null)
              : new Tmpfs(t.value().substring(0, colon), t.value().substring(colon + 1)));
      if (item == e.value()) {
        v.locate(p, e);
      } else {
        v.locate(p, item);
      }
    }
  }

  void devices(YNode.Entry e) {
    List<YNode> items = v.items(e, Field.DEVICES, false);
    if (items == null) {
      return;
    }
    shortOrLong(items, "devices", b.devices, this::longDevice, this::shortDevice);
  }

  private Device longDevice(YNode.Map map, String p) {
    String src = field(map, "source", p + ".source");
    String dst = field(map, "target", p + ".target");
    String perms = field(map, "permissions", p + ".permissions");
    if (src == null) {
      v.invalid(map, "devices: long syntax needs a source");
      return null;
    }
    return new Device(src, dst == null ? src : dst, perms == null ? "rwm" : perms);
  }

  private Device shortDevice(YNode item, String p) {
    Values.Text t = v.text(item, p);
    if (t == null) {
      return null;
    }
    SpecResult<PartlyKnown<Device>> r =
        t.unknown() ? DeviceSpecs.parse(t.partly(), t.chars()) : known(t.value());
    if (!r.isOk()) {
      v.invalid(item, "devices: " + r.error());
      return null;
    }
    if (t.unknown()) {
      // only the parts that hold a variable are unknown
      b.unknown.remove(p);
      r.values().get(0).unknownParts().forEach(part -> b.unknown(p + "." + part));
    }
    return r.values().get(0).value();
  }

  private static SpecResult<PartlyKnown<Device>> known(String spec) {
    SpecResult<Device> r = DeviceSpecs.parse(spec);
    return r.isOk()
        ? SpecResult.ok(List.of(PartlyKnown.known(r.values().get(0))))
        : SpecResult.fail(r.error());
  }

  void ports(YNode.Entry e) {
    List<YNode> items = v.items(e, Field.PORTS, false);
    if (items == null) {
      return;
    }
    shortOrLong(items, "ports", b.ports, this::longPort, this::shortPort);
  }

  private Port shortPort(YNode item, String p) {
    Values.Text t = v.text(item, p);
    if (t == null) {
      return null;
    }
    if (!t.unknown()) {
      SpecResult<Port> r = PortSpecs.parse(t.value());
      if (!r.isOk()) {
        v.invalid(item, "ports: " + r.error());
        return null;
      }
      return r.values().get(0);
    }
    // only the parts that hold a variable are unknown: ${IP}:8080:80 publishes host port 8080
    b.unknown.remove(p);
    SpecResult<PartlyKnown<Port>> r = PortSpecs.parse(t.partly(), t.chars());
    if (!r.isOk()) {
      v.invalid(item, "ports: " + r.error());
      return null;
    }
    PartlyKnown<Port> port = r.values().get(0);
    if (port.value() == null) {
      // no part is known, not even how many ports: the list is what is unknown
      b.unknown("ports");
      return null;
    }
    for (String part : port.unknownParts()) {
      b.unknown(p + "." + part);
    }
    return port.value();
  }

  /** The long syntax; a field that holds a variable leaves that part of the port unknown. */
  private Port longPort(YNode.Map map, String p) {
    Values.Text target = text(map, "target", p + ".container_port");
    int[] c = null;
    if (target != null && target.unknown()) {
      b.unknown(p + ".container_port_end");
    } else {
      c = target == null ? null : PortSpecs.range(target.value().trim());
      if (c == null) {
        v.invalid(map, "ports: long syntax needs a valid target");
        return null;
      }
    }
    Values.Text published = text(map, "published", p + ".host_port");
    int[] h = null;
    if (published != null && published.unknown()) {
      b.unknown(p + ".host_port_end");
    } else if (published != null && !published.value().isBlank()) {
      h = PortSpecs.range(published.value().trim());
      if (h == null) {
        v.invalid(
            map.get("published"), "ports: invalid published port '" + published.value() + "'");
        return null;
      }
    }
    String ip = field(map, "host_ip", p + ".host_ip");
    Values.Text proto = text(map, "protocol", p + ".protocol");
    return new Port(
        ip == null || ip.isEmpty() ? null : ip,
        h == null ? null : h[0],
        h == null ? null : h[1],
        c == null ? null : c[0],
        c == null ? null : c[1],
        proto == null
            ? "tcp"
            : proto.unknown() ? proto.value() : proto.value().toLowerCase(Locale.ROOT));
  }

  void sysctls(YNode.Entry e) {
    v.locate(Field.SYSCTLS, e);
    forEachPair(
        e,
        "sysctls",
        n -> "sysctls[" + b.sysctls.size() + "]",
        (name, nameUnknown, value, at) -> {
          String p = "sysctls[" + b.sysctls.size() + "]";
          b.sysctls.add(new Sysctl(name, value == null ? null : value.value()));
          b.unknown.remove(p);
          if (nameUnknown) {
            b.unknown(p);
          } else if (value != null && value.unknown()) {
            b.unknown(p + ".value"); // the name, which Docker judges a sysctl by, is known
          }
          v.locate(p, at);
        });
  }

  void environment(YNode.Entry e) {
    v.locate(Field.ENVIRONMENT, e);
    forEachPair(
        e,
        "environment",
        n -> "environment." + n,
        (name, nameUnknown, value, at) -> {
          String p = "environment." + name;
          boolean unknown = value == null || value.unknown();
          int index = b.environment.size();
          b.environment.add(new EnvVar(name, unknown ? null : value.value()));
          if (nameUnknown) {
            // ${NAME}=x: the variable's name is unknown, so it is named by its place
            b.unknown.remove(p);
            b.unknown("environment[" + index + "]" + (unknown ? "" : ".name"));
          } else if (unknown) {
            b.unknown(p);
          }
          v.locate(p, at);
          v.locate("environment[" + index + "]", at);
        });
  }

  /**
   * A pair of a map entry or of a {@code k=v} list item; the value may be null. A list item is
   * interpolated whole and then split at its first known {@code =}, as compose-go does, so its name
   * may hold a variable without a value ({@code nameUnknown}).
   */
  interface PairSink {
    void accept(String name, boolean nameUnknown, Values.Text value, YNode at);
  }

  private void forEachPair(YNode.Entry e, String key, UnaryOperator<String> pathOf, PairSink sink) {
    if (e.value() instanceof YNode.Map m) {
      for (YNode.Entry pe : m.entries()) {
        Values.Text t = v.text(pe.value(), pathOf.apply(pe.name()));
        sink.accept(
            pe.name(),
            false,
            t,
            new YNode.Map(pe.key().pointer(), pe.start(), pe.end(), List.of()));
      }
      return;
    }
    List<YNode> items = v.items(e.value(), key, false);
    for (YNode item : items == null ? List.<YNode>of() : items) {
      if (!(item instanceof YNode.Scalar s) || s.isNull()) {
        v.invalid(item, key + ": expected NAME=value");
        continue;
      }
      int rawEq = s.text().indexOf('=');
      String path = pathOf.apply(rawEq < 0 ? s.text() : s.text().substring(0, rawEq));
      Values.Text whole = v.text(s, path);
      if (whole == null) {
        continue;
      }
      String text = whole.unknown() ? whole.partly() : whole.value();
      BitSet dark = whole.chars();
      if (whole.unknown()) {
        b.unknown.remove(path); // the sink marks the part that is unknown
      }
      int eq = -1;
      for (int i = text.indexOf('='); i >= 0 && eq < 0; i = text.indexOf('=', i + 1)) {
        eq = dark.get(i) ? -1 : i;
      }
      String name = eq < 0 ? text : text.substring(0, eq);
      boolean nameUnknown = dark.nextSetBit(0) >= 0 && dark.nextSetBit(0) < name.length();
      Values.Text t = null;
      if (eq >= 0) {
        String value = text.substring(eq + 1);
        BitSet valueDark = dark.get(eq + 1, text.length());
        t = new Values.Text(value, !valueDark.isEmpty(), value, valueDark);
      }
      sink.accept(name, nameUnknown, t, item);
    }
  }

  /** A list of strings, or a string split as a shell would (quotes respected). */
  List<String> command(YNode.Entry e, String path) {
    YNode val = e.value();
    if (val instanceof YNode.Scalar s) {
      if (s.isNull()) {
        return null;
      }
      Values.Text t = v.text(s, path);
      v.locate(path, e);
      return t == null ? null : ShellWords.split(t.value());
    }
    List<YNode> items = v.items(val, path, false);
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (YNode item : items) {
      Values.Text t = v.text(item, path + "[" + out.size() + "]");
      out.add(t == null ? "" : t.value());
    }
    v.locate(path, e);
    return out;
  }
}
