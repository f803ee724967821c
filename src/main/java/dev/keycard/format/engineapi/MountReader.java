package dev.keycard.format.engineapi;

import dev.keycard.input.common.SpecResult;
import dev.keycard.input.common.VolumeSpecs;
import dev.keycard.model.Container;
import dev.keycard.model.Mount;
import java.util.List;
import java.util.Locale;

/**
 * Reads mounts from the three places the Engine API has them: {@code HostConfig.Binds} (the short
 * {@code src:dst:opts} syntax), {@code HostConfig.Mounts} (objects with {@code Target}) and the
 * top-level {@code Mounts} of {@code docker inspect} (objects with {@code Destination}, what was
 * actually mounted).
 */
final class MountReader {
  private final Values v;
  private final Container.Builder b;

  MountReader(Values v, Container.Builder b) {
    this.v = v;
    this.b = b;
  }

  void binds(List<JsonNode> binds) {
    if (binds == null) {
      return;
    }
    for (JsonNode bind : binds) {
      SpecResult<Mount> r = VolumeSpecs.parse((String) bind.plain());
      if (!r.isOk()) {
        v.invalid(r.error() + "; ignored", bind, false);
        continue;
      }
      for (Mount m : r.values()) {
        add(m, bind, bind, bind);
      }
    }
  }

  /**
   * {@code Config.Volumes} of a create body: {@code -v /data} (no source) makes an anonymous volume
   * there rather than a bind.
   */
  void anonymousVolumes(JsonNode volumes) {
    if (volumes == null) {
      return;
    }
    for (var e : volumes.fields().entrySet()) {
      JsonNode member = e.getValue();
      String path = "mounts[" + b.mounts.size() + "]";
      b.mounts.add(new Mount(Mount.VOLUME, null, e.getKey(), false, null));
      b.locate(path, v.member(member));
      b.locate(path + ".target", v.member(member));
    }
  }

  /** {@code HostConfig.Mounts}: {@code Type}, {@code Source}, {@code Target}, {@code ReadOnly}. */
  void hostConfigMounts(JsonNode list) {
    read(list, "Target", "ReadOnly", false);
  }

  /** {@code docker inspect}'s {@code Mounts}: {@code Destination}, and {@code RW} not read-only. */
  void inspectMounts(JsonNode list) {
    read(list, "Destination", "RW", true);
  }

  private void read(JsonNode list, String targetKey, String roKey, boolean rw) {
    if (list == null) {
      return;
    }
    for (JsonNode m : list.items()) {
      if (!m.isObject()) {
        v.invalid(m.pointer() + " must be an object", m, false);
        continue;
      }
      String type = v.string(m, "Type");
      String target = v.string(m, targetKey);
      if (type == null || type.isEmpty() || target == null) {
        v.invalid(
            m.pointer() + " needs a Type and a " + targetKey + "; the mount is ignored",
            m,
            false);
        continue;
      }
      type = type.toLowerCase(Locale.ROOT);
      JsonNode sourceNode = Values.present(m, "Source");
      String source = v.string(m, "Source");
      if (rw && Mount.VOLUME.equals(type) && Values.present(m, "Name") != null) {
        // inspect shows a volume's host directory as Source; its name is what a user wrote
        sourceNode = Values.present(m, "Name");
        source = v.string(sourceNode);
      }
      Boolean flag = v.bool(m, roKey);
      boolean readOnly = flag != null && (rw ? !flag : flag);
      String propagation = rw ? v.string(m, "Propagation") : propagation(m);
      add(
          new Mount(
              type,
              source == null || source.isEmpty() ? null : source,
              target,
              readOnly,
              propagation == null || propagation.isEmpty() ? null : propagation),
          m,
          sourceNode,
          Values.present(m, targetKey));
    }
  }

  private String propagation(JsonNode m) {
    JsonNode options = v.object(m, "BindOptions");
    return options == null ? null : v.string(options, "Propagation");
  }

  private void add(Mount mount, JsonNode whole, JsonNode source, JsonNode target) {
    String path = "mounts[" + b.mounts.size() + "]";
    b.mounts.add(mount);
    b.locate(path, v.value(whole));
    if (source != null) {
      b.locate(path + ".source", source == whole ? v.value(source) : v.member(source));
    }
    if (target != null) {
      b.locate(path + ".target", target == whole ? v.value(target) : v.member(target));
    }
  }
}
