package dev.keycard.format.engineapi;

import dev.keycard.input.common.Users;
import dev.keycard.model.Container;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Field;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one container from a {@code POST /containers/create} body (config fields at the top) or
 * from one {@code docker inspect} object (config fields under {@code Config}, real mounts in {@code
 * Mounts}).
 */
final class ContainerReader {
  /** The config members read: at a create body's top, under {@code Config} in inspect output. */
  static final Set<String> CONFIG_KNOWN =
      Set.of("Image", "User", "Cmd", "Entrypoint", "Env", "Healthcheck", "Volumes");

  /** The top-level members read: the config members, and the rest of a body or inspect object. */
  static final Set<String> TOP_KNOWN =
      Stream.concat(
              CONFIG_KNOWN.stream(),
              Stream.of(
                  "HostConfig",
                  "NetworkingConfig",
                  "Name",
                  "name",
                  "Config",
                  "Mounts",
                  "NetworkSettings"))
          .collect(Collectors.toUnmodifiableSet());

  private final Values v;

  ContainerReader(Values v) {
    this.v = v;
  }

  /** Whether {@code obj} looks like {@code docker inspect} output rather than a create body. */
  static boolean isInspect(JsonNode obj) {
    JsonNode config = obj.get("Config");
    return config != null && config.isObject();
  }

  Container read(JsonNode obj) {
    Container.Builder b = Container.builder();
    boolean inspect = isInspect(obj);
    v.checkCase(obj, TOP_KNOWN);
    JsonNode config = inspect ? obj.get("Config") : obj;
    if (inspect) {
      v.checkCase(config, CONFIG_KNOWN);
    }
    b.origin = origin(obj, inspect);
    config(config, b);
    JsonNode realMounts = inspect ? v.array(obj, "Mounts") : null;
    JsonNode hostConfig = v.object(obj, "HostConfig");
    if (hostConfig != null) {
      new HostConfigReader(v, b).read(hostConfig, realMounts == null);
    }
    if (realMounts != null) {
      new MountReader(v, b).inspectMounts(realMounts);
    } else {
      new MountReader(v, b).anonymousVolumes(v.object(config, "Volumes"));
    }
    networks(
        inspect
            ? v.object(v.object(obj, "NetworkSettings"), "Networks")
            : v.object(v.object(obj, "NetworkingConfig"), "EndpointsConfig"),
        b);
    name(obj, b);
    return b.build();
  }

  /** The {@code Image} member of a create body, the {@code Config} of an inspect object. */
  private Origin origin(JsonNode obj, boolean inspect) {
    JsonNode anchor = Values.present(obj, inspect ? "Config" : "Image");
    Origin whole = v.value(obj);
    return anchor == null ? whole : Origin.of(obj.pointer(), v.member(anchor).span());
  }

  private void config(JsonNode config, Container.Builder b) {
    String image = v.string(config, "Image");
    if (image != null) {
      b.image = image;
      b.locate(Field.IMAGE, v.member(config.get("Image")));
    }
    String user = v.string(config, "User");
    if (user != null && !user.isEmpty()) {
      Users.apply(b, user);
      b.locate(Field.USER, v.member(config.get("User")));
    }
    b.command = strings(config, "Cmd", Field.COMMAND, b);
    b.entrypoint = strings(config, "Entrypoint", Field.ENTRYPOINT, b);
    environment(config, b);
    healthcheck(config, b);
  }

  private List<String> strings(JsonNode obj, String key, Field field, Container.Builder b) {
    List<JsonNode> nodes = v.strings(obj, key, true);
    if (nodes == null) {
      return null;
    }
    b.locate(field, v.member(obj.get(key)));
    List<String> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      out.add((String) n.plain());
    }
    return out;
  }

  private void environment(JsonNode config, Container.Builder b) {
    List<JsonNode> env = v.strings(config, "Env", false);
    if (env == null) {
      return;
    }
    b.locate(Field.ENVIRONMENT, v.member(config.get("Env")));
    for (JsonNode n : env) {
      String raw = (String) n.plain();
      int eq = raw.indexOf('=');
      String name = eq < 0 ? raw : raw.substring(0, eq);
      // "NAME" alone: the CLI found no value in the client's environment; only the client knows
      String value = eq < 0 ? null : raw.substring(eq + 1);
      b.locate("environment[" + b.environment.size() + "]", v.value(n));
      b.locate("environment." + name, v.value(n));
      b.environment.add(new EnvVar(name, value));
      if (value == null) {
        b.unknown("environment." + name);
      }
    }
  }

  private void healthcheck(JsonNode config, Container.Builder b) {
    JsonNode hc = v.object(config, "Healthcheck");
    if (hc == null) {
      return;
    }
    List<JsonNode> test = v.strings(hc, "Test", false);
    List<String> words = new ArrayList<>();
    if (test != null) {
      test.forEach(n -> words.add((String) n.plain()));
    }
    boolean disabled = words.size() == 1 && "NONE".equals(words.get(0));
    b.healthcheck = new Healthcheck(disabled ? List.of() : words, disabled);
    b.locate(Field.HEALTHCHECK, v.member(hc));
  }

  private void networks(JsonNode endpoints, Container.Builder b) {
    if (endpoints == null) {
      return;
    }
    for (JsonNode n : endpoints.fields().values()) {
      b.locate("networks[" + b.networks.size() + "]", v.member(n));
    }
    b.networks.addAll(endpoints.fields().keySet());
  }

  private void name(JsonNode obj, Container.Builder b) {
    String name = v.string(obj, "Name");
    JsonNode at = obj.get("Name");
    if (name == null || name.isEmpty()) {
      name = v.string(obj, "name");
      at = obj.get("name");
    }
    if (name != null && !name.isEmpty()) {
      b.name = name.startsWith("/") ? name.substring(1) : name;
      b.locate(Field.NAME, v.member(at));
    } else {
      // Docker names an unnamed container itself; without an Image to name it after, say what it is
      b.name = b.image != null ? imageName(b.image) : UNNAMED;
    }
  }

  /** The name of a container whose body has neither Name nor Image. */
  static final String UNNAMED = "container";

  /** {@code registry:5000/library/nginx:1.25@sha256:..} is {@code nginx}. */
  static String imageName(String image) {
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    s = s.substring(s.lastIndexOf('/') + 1);
    int colon = s.indexOf(':');
    return colon >= 0 ? s.substring(0, colon) : s;
  }
}
