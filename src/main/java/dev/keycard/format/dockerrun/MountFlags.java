package dev.keycard.format.dockerrun;

import dev.keycard.input.common.GoBool;
import dev.keycard.input.common.SpecResult;
import dev.keycard.input.common.VolumeSpecs;
import dev.keycard.model.Container;
import dev.keycard.model.Mount;
import dev.keycard.model.Origin;
import dev.keycard.model.Tmpfs;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The flags that mount something: {@code -v} (short syntax, via {@link VolumeSpecs}), {@code
 * --mount} (CSV {@code key=value} fields, as docker/cli's {@code opts/mount.go}), {@code --tmpfs}
 * and {@code --use-api-socket} (a bind of the daemon's socket). Each mount records where its source
 * and target were written.
 */
final class MountFlags {
  static final String DOCKER_SOCKET = "/var/run/docker.sock";
  private static final Set<String> TYPES =
      Set.of("bind", "volume", "tmpfs", "npipe", "cluster", "image");
  private static final Set<String> OTHER_KEYS =
      Set.of(
          "consistency",
          "bind-recursive",
          "bind-create-src",
          "volume-subpath",
          "volume-nocopy",
          "volume-label",
          "volume-driver",
          "volume-opt",
          "image-subpath",
          "tmpfs-size",
          "tmpfs-mode",
          "bind-nonrecursive");

  private final MapContext ctx;
  private final Container.Builder b;

  MountFlags(MapContext ctx) {
    this.ctx = ctx;
    this.b = ctx.b;
  }

  void volume(FlagUse u) {
    Piece v = u.value();
    SpecResult<Mount> r = VolumeSpecs.parse(v.maskedText());
    if (!r.isOk()) {
      ctx.invalid(u, Piece.unmask(r.error()));
      return;
    }
    Mount masked = r.values().get(0);
    Mount m =
        new Mount(
            masked.type(),
            Piece.unmask(masked.source()),
            Piece.unmask(masked.target()),
            masked.readOnly(),
            masked.propagation());
    Piece source = m.source() == null ? null : v.sub(0, m.source().length());
    int targetFrom = source == null ? 0 : m.source().length() + 1;
    Piece target = v.sub(targetFrom, targetFrom + m.target().length());
    if (source != null && source.isUnknown(0, 1)) {
      // $PWD:/app, $(pwd):/app: the shell expands these to host paths, not volume names
      m = new Mount(Mount.BIND, m.source(), m.target(), m.readOnly(), m.propagation());
    }
    add(u, m, source, target);
    int modeFrom = targetFrom + m.target().length() + 1;
    if (modeFrom < v.text().length() && v.isUnknown(modeFrom, v.text().length())) {
      // /data:/data:$MODE: whether it is read-only and how it propagates only the client knows
      ctx.unknownParts(
          "mounts[" + (b.mounts.size() - 1) + "]", List.of("read_only", "propagation"), v, u);
    }
  }

  void mount(FlagUse u) {
    List<Piece> fields = Csv.read(u.value());
    if (fields == null) {
      ctx.invalid(u, "invalid CSV quoting in the mount options");
      return;
    }
    String type = Mount.VOLUME;
    Piece source = null;
    Piece target = null;
    boolean readOnly = false;
    String propagation = null;
    List<String> unknownParts = new java.util.ArrayList<>();
    for (Piece f : fields) {
      String text = f.text();
      int eq = text.indexOf('=');
      String key = (eq < 0 ? text : text.substring(0, eq)).toLowerCase(Locale.ROOT);
      Piece value = eq < 0 ? null : f.sub(eq + 1);
      if (value != null && value.isUnknown()) {
        // type=$T, readonly=$RO, bind-propagation=$P: that part only the client knows
        String part =
            switch (key) {
              case "type" -> "type";
              case "readonly", "ro" -> "read_only";
              case "bind-propagation" -> "propagation";
              default -> null;
            };
        if (part != null) {
          unknownParts.add(part);
          if (part.equals("type")) {
            type = value.text();
          } else if (part.equals("propagation")) {
            propagation = value.text();
          }
          continue;
        }
      }
      switch (key) {
        case "type" -> type = value == null ? "" : value.text().toLowerCase(Locale.ROOT);
        case "source", "src" -> source = value;
        case "target", "dst", "destination" -> target = value;
        case "readonly", "ro" -> {
          var parsed = value == null ? java.util.Optional.of(true) : GoBool.parse(value.text());
          if (parsed.isEmpty()) {
            ctx.invalid(u, "invalid value for " + key + ": " + value.text());
            return;
          }
          readOnly = parsed.get();
        }
        case "bind-propagation" -> propagation = value == null ? null : value.text();
        default -> {
          if (!OTHER_KEYS.contains(key) || (value == null && !key.equals("bind-nonrecursive"))) {
            ctx.invalid(u, "unexpected key '" + key + "' in '" + text + "'");
            return;
          }
        }
      }
    }
    if (!TYPES.contains(type) && !unknownParts.contains("type")) {
      ctx.invalid(u, "invalid mount type '" + type + "'");
      return;
    }
    if (target == null || target.text().isEmpty()) {
      ctx.invalid(u, "target is required");
      return;
    }
    String src = source == null || source.text().isEmpty() ? null : source.text();
    add(
        u,
        new Mount(type, src, target.text(), readOnly, propagation),
        src == null ? null : source,
        target);
    ctx.unknownParts("mounts[" + (b.mounts.size() - 1) + "]", unknownParts, u.value(), u);
  }

  void tmpfs(FlagUse u) {
    Piece v = u.value();
    String s = v.text();
    int colon = s.indexOf(':');
    String path = colon < 0 ? s : s.substring(0, colon);
    Tmpfs t = new Tmpfs(path, colon < 0 ? null : s.substring(colon + 1));
    int index = -1;
    for (int i = 0; i < b.tmpfs.size(); i++) {
      if (b.tmpfs.get(i).target().equals(path)) {
        index = i; // the same path twice: the last one wins
      }
    }
    if (index < 0) {
      index = b.tmpfs.size();
      b.tmpfs.add(t);
    } else {
      b.tmpfs.set(index, t);
    }
    ctx.locateElement("tmpfs", index, ctx.origin(u));
    ctx.unknownIf("tmpfs[" + index + "]", v, u);
  }

  void apiSocket(FlagUse u) {
    if (u.value() != null && !GoBool.parse(u.text()).orElse(false)) {
      return;
    }
    add(u, new Mount(Mount.BIND, DOCKER_SOCKET, DOCKER_SOCKET, false, null), null, null);
    int index = b.mounts.size() - 1;
    b.locate("mounts[" + index + "].source", ctx.origin(u));
  }

  private void add(FlagUse u, Mount m, Piece source, Piece target) {
    int index = b.mounts.size();
    b.mounts.add(m);
    String path = "mounts[" + index + "]";
    Origin at = ctx.origin(u);
    ctx.locateElement("mounts", index, at);
    if (source != null) {
      b.locate(path + ".source", ctx.origin(source));
      ctx.unknownIf(path + ".source", source, u);
    }
    if (target != null) {
      b.locate(path + ".target", ctx.origin(target));
      ctx.unknownIf(path + ".target", target, u);
    }
  }
}
