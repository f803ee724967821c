package dev.keycard.format.dockerrun;

import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --network} / {@code --net}, which accumulate: the simple form {@code NAME} or the advanced
 * CSV form {@code name=...,alias=...,ip=...} (detected, as docker/cli's {@code opts/network.go}
 * does, by an unanchored {@code \w+=\w+} match; its fields are lower-cased). The first network is
 * the network mode when it is {@code host}, {@code none}, {@code bridge}, {@code default} or {@code
 * container:x}; user-defined networks are listed in {@code networks}.
 */
final class NetworkFlags {
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "alias",
          "ip",
          "ip6",
          "mac-address",
          "link-local-ip",
          "driver-opt",
          "gw-priority");

  /** One network as written, with the flag that named it. */
  private record Net(String name, FlagUse use, Piece namePiece) {}

  private final MapContext ctx;
  private final List<Net> nets = new ArrayList<>();

  NetworkFlags(MapContext ctx) {
    this.ctx = ctx;
  }

  void add(FlagUse u) {
    Piece v = u.value();
    if (!advanced(v.text())) {
      nets.add(new Net(v.text(), u, v));
      return;
    }
    List<Piece> fields = Csv.read(v);
    if (fields == null) {
      ctx.invalid(u, "invalid CSV quoting in the network options");
      return;
    }
    Piece name = null;
    for (Piece f : fields) {
      String field = f.text().toLowerCase(Locale.ROOT);
      int eq = field.indexOf('=');
      String key = eq < 0 ? field : field.substring(0, eq);
      if (eq < 0 || !KEYS.contains(key)) {
        ctx.invalid(u, "invalid field key " + key);
        return;
      }
      if (key.equals("name")) {
        name = f.sub(eq + 1);
      }
    }
    if (name == null || name.text().isEmpty()) {
      ctx.invalid(u, "network name/id is not specified");
      return;
    }
    nets.add(new Net(name.text().toLowerCase(Locale.ROOT), u, name));
  }

  void finish() {
    if (nets.isEmpty()) {
      return;
    }
    Container.Builder b = ctx.b;
    Net first = nets.get(0);
    boolean firstSpecial = isSpecial(first.name());
    for (Net net : nets) {
      boolean special = isSpecial(net.name());
      if (net != first && (special || firstSpecial)) {
        ctx.sink.add(
            DiagnosticCode.INPUT_INVALID_VALUE,
            "conflicting options: cannot attach both user-defined and non-user-defined network"
                + " modes ('"
                + first.name()
                + "' and '"
                + net.name()
                + "'); '"
                + net.name()
                + "' ignored",
            net.use().start(),
            net.use().end());
        if (special && firstSpecial) {
          // "--net=host ... --net=host": a fix removing host networking removes both
          ctx.locateRepeat("network_mode", ctx.origin(net.use()));
        }
        continue;
      }
      if (special) {
        b.networkMode = net.name();
        b.locate(Field.NETWORK_MODE, ctx.origin(net.use()));
        ctx.unknownIf("network_mode", net.namePiece(), net.use());
      } else {
        int index = b.networks.size();
        b.networks.add(net.name());
        ctx.locateElement("networks", index, ctx.origin(net.use()));
        ctx.unknownIf("networks[" + index + "]", net.namePiece(), net.use());
      }
    }
  }

  private boolean isSpecial(String name) {
    if (Set.of("host", "none", "bridge", "default").contains(name)
        || name.startsWith("container:")) {
      return true;
    }
    return ctx.podman
        && (Set.of("slirp4netns", "pasta", "private").contains(name) || name.startsWith("ns:"));
  }

  /**
   * Whether the value holds {@code key=value} anywhere, as docker/cli's {@code \\w+=\\w+(,\\w+=\\w+)*}
   * found: the repetition cannot change whether a match is found, and as a {@code java.util.regex}
   * it recursed once per repeat (a stack overflow on 50,000 of them). Linear, by hand.
   */
  static boolean advanced(String s) {
    for (int i = s.indexOf('='); i >= 0; i = s.indexOf('=', i + 1)) {
      if (i > 0 && i + 1 < s.length() && isWord(s.charAt(i - 1)) && isWord(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
