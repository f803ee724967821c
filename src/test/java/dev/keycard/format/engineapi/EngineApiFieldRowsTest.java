package dev.keycard.format.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.FieldSource;
import dev.keycard.format.FieldValues;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Engine API path a row names is one the parser reads: a body setting only that path (beside
 * an image) comes out with the row's field set. The parser is the oracle of what is a real path.
 */
class EngineApiFieldRowsTest {

  /** A value for each member a row ends in, as Docker's API types it. */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("Name", "\"/web\""),
          Map.entry("Image", "\"nginx\""),
          Map.entry("User", "\"1000:1000\""),
          Map.entry("Cmd", "[\"sleep\", \"1\"]"),
          Map.entry("Entrypoint", "[\"/bin/sh\"]"),
          Map.entry("Env", "[\"A=1\"]"),
          Map.entry("Healthcheck", "{\"Test\": [\"CMD\", \"true\"]}"),
          Map.entry("Volumes", "{\"/data\": {}}"),
          Map.entry("Privileged", "true"),
          Map.entry("CapAdd", "[\"NET_ADMIN\"]"),
          Map.entry("CapDrop", "[\"ALL\"]"),
          Map.entry("ReadonlyRootfs", "true"),
          Map.entry("Tmpfs", "{\"/tmp\": \"\"}"),
          Map.entry("SecurityOpt", "[\"no-new-privileges\"]"),
          Map.entry("MaskedPaths", "[]"),
          Map.entry("ReadonlyPaths", "[]"),
          Map.entry("Memory", "1048576"),
          Map.entry("MemoryReservation", "1048576"),
          Map.entry("MemorySwap", "2097152"),
          Map.entry("NanoCpus", "500000000"),
          Map.entry("CpuShares", "512"),
          Map.entry("CpuQuota", "50000"),
          Map.entry("CpuPeriod", "100000"),
          Map.entry("PidsLimit", "100"),
          Map.entry("OomKillDisable", "true"),
          Map.entry("NetworkMode", "\"host\""),
          Map.entry("EndpointsConfig", "{\"backend\": {}}"),
          Map.entry("Networks", "{\"backend\": {}}"),
          Map.entry("PidMode", "\"host\""),
          Map.entry("IpcMode", "\"host\""),
          Map.entry("UTSMode", "\"host\""),
          Map.entry("UsernsMode", "\"host\""),
          Map.entry("CgroupnsMode", "\"host\""),
          Map.entry("CgroupParent", "\"/custom\""),
          Map.entry("Binds", "[\"/srv:/data\"]"),
          Map.entry(
              "Mounts",
              "[{\"Type\": \"bind\", \"Source\": \"/srv\", \"Target\": \"/data\","
                  + " \"Destination\": \"/data\"}]"),
          Map.entry(
              "Devices",
              "[{\"PathOnHost\": \"/dev/fuse\", \"PathInContainer\": \"/dev/fuse\","
                  + " \"CgroupPermissions\": \"rwm\"}]"),
          Map.entry("DeviceCgroupRules", "[\"c 10:229 rwm\"]"),
          Map.entry("PortBindings", "{\"80/tcp\": [{\"HostPort\": \"8080\"}]}"),
          Map.entry("PublishAllPorts", "true"),
          Map.entry("Sysctls", "{\"net.ipv4.ip_forward\": \"1\"}"),
          Map.entry("RestartPolicy", "{\"Name\": \"always\"}"),
          Map.entry("RestartPolicy.Name", "\"always\""),
          Map.entry("RestartPolicy.MaximumRetryCount", "3"));

  private static ParsedInput parse(String json) {
    return new EngineApiParser().parse(Source.of(json), ParseOptions.defaults());
  }

  /**
   * A body with {@code path} set: a create body, or {@code docker inspect} output for the paths
   * only inspect has ({@code Config.*}, {@code Name}, {@code Mounts}, {@code NetworkSettings.*}).
   */
  static String body(String path, String value) {
    boolean inspect =
        path.startsWith("Config.")
            || path.equals("Name")
            || path.equals("Mounts")
            || path.startsWith("NetworkSettings.");
    String member = nest(path.split("\\."), value);
    if (inspect) {
      String config = path.startsWith("Config.") ? "" : "\"Config\": {\"Image\": \"nginx\"}, ";
      return path.equals("Config.Image") ? "{" + member + "}" : "{" + config + member
          .replaceFirst("^\"Config\": \\{", "\"Config\": {\"Image\": \"nginx\", ") + "}";
    }
    return path.equals("Image") ? "{" + member + "}" : "{\"Image\": \"nginx\", " + member + "}";
  }

  private static String nest(String[] keys, String value) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      b.append('"').append(keys[i]).append("\": ");
      b.append(i == keys.length - 1 ? value : "{");
    }
    b.append("}".repeat(keys.length - 1));
    return b.toString();
  }

  private static String sample(String path) {
    if (path.startsWith("HostConfig.")) {
      String rest = path.substring("HostConfig.".length());
      if (SAMPLES.containsKey(rest)) {
        return SAMPLES.get(rest);
      }
    }
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    String v = SAMPLES.get(leaf);
    assertThat(v).as("a sample value for " + path).isNotNull();
    return v;
  }

  @Test
  void everyPathARowNamesSetsItsField() {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, FieldSource> e : EngineApiFields.sources().entrySet()) {
      if (e.getValue().kind() != FieldSource.Kind.READ) {
        continue;
      }
      Field field = Field.named(e.getKey());
      for (String path : e.getValue().readFrom()) {
        String json = body(path, sample(path));
        if (field.name().equals("systempaths")) {
          // only both empty together unmask everything
          json = "{\"Image\": \"nginx\", \"HostConfig\": {\"MaskedPaths\": [], \"ReadonlyPaths\": []}}";
        }
        if (field.name().equals("restart_max_retries")) {
          json =
              "{\"Image\": \"nginx\", \"HostConfig\": {\"RestartPolicy\": {\"Name\": \"on-failure\","
                  + " \"MaximumRetryCount\": 3}}}";
        }
        ParsedInput in = parse(json);
        assertThat(in.errors()).as(json).isEmpty();
        assertThat(in.containers()).as(json).hasSize(1);
        Container c = in.containers().get(0);
        assertThat(FieldValues.isSet(c, field)).as(field + " from " + json).isTrue();
        checked.add(path);
      }
    }
    assertThat(checked).hasSizeGreaterThan(40);
  }

  @Test
  void aFixWritesAPathThatIsRead() {
    EngineApiFields.sources()
        .forEach(
            (field, s) -> {
              if (s.fixable()) {
                assertThat(s.readFrom().stream().anyMatch(p -> p.equals(s.fix()) || p.startsWith(s.fix() + ".")))
                    .as(field + " fix " + s.fix())
                    .isTrue();
              }
            });
  }

  @Test
  void theRendererFindsHostConfigMembersInTheTable() {
    assertThat(EngineApiFields.hostConfigMember("privileged")).isEqualTo("Privileged");
    assertThat(EngineApiFields.hostConfigMember("cpus")).isEqualTo("NanoCpus");
    assertThat(EngineApiFields.hostConfigMember("restart_policy")).isEqualTo("RestartPolicy");
    assertThat(EngineApiFields.hostConfigMember("user")).isNull();
    assertThat(EngineApiFields.hostConfigMember("sysctls")).isNull();
  }
}
