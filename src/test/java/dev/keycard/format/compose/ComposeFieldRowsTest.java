package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.FieldSource;
import dev.keycard.format.FieldValues;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every compose key path a row names sets the row's field when a service writes only it. */
class ComposeFieldRowsTest {

  /** A value for each key a row's path ends in. */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("image", "nginx"),
          Map.entry("user", "\"1000:1000\""),
          Map.entry("dockerfile", "Dockerfile.prod"),
          Map.entry("privileged", "true"),
          Map.entry("read_only", "true"),
          Map.entry("oom_kill_disable", "true"),
          Map.entry("cap_add", "[NET_ADMIN]"),
          Map.entry("cap_drop", "[ALL]"),
          Map.entry("tmpfs", "[/tmp]"),
          Map.entry("security_opt", "[\"no-new-privileges:true\"]"),
          Map.entry("mem_limit", "512m"),
          Map.entry("mem_reservation", "256m"),
          Map.entry("memswap_limit", "1g"),
          Map.entry("memory", "512M"),
          Map.entry("cpus", "\"0.5\""),
          Map.entry("cpu_shares", "512"),
          Map.entry("cpu_quota", "50000"),
          Map.entry("cpu_period", "100000"),
          Map.entry("pids_limit", "100"),
          Map.entry("pids", "100"),
          Map.entry("network_mode", "host"),
          Map.entry("networks", "[backend]"),
          Map.entry("pid", "host"),
          Map.entry("ipc", "host"),
          Map.entry("uts", "host"),
          Map.entry("userns_mode", "host"),
          Map.entry("cgroup", "host"),
          Map.entry("cgroup_parent", "/custom"),
          Map.entry("volumes", "[\"/srv:/data\"]"),
          Map.entry("use_api_socket", "true"),
          Map.entry("devices", "[\"/dev/fuse\"]"),
          Map.entry("device_cgroup_rules", "[\"c 10:229 rwm\"]"),
          Map.entry("ports", "[\"8080:80\"]"),
          Map.entry("sysctls", "[\"net.ipv4.ip_forward=1\"]"),
          Map.entry("environment", "[\"A=1\"]"),
          Map.entry("restart", "\"on-failure:3\""),
          Map.entry("condition", "on-failure"),
          Map.entry("max_attempts", "3"),
          Map.entry("healthcheck", "{test: [CMD, \"true\"]}"),
          Map.entry("command", "[sleep, \"1\"]"),
          Map.entry("entrypoint", "[/bin/sh]"));

  /** A service writing {@code path} (dotted, relative to the service) and an image. */
  static String service(String path, String value) {
    String[] keys = path.split("\\.");
    StringBuilder b = new StringBuilder("services:\n  web:\n");
    if (!path.equals("image")) {
      b.append("    image: nginx\n");
    }
    String indent = "    ";
    for (int i = 0; i < keys.length; i++) {
      b.append(indent).append(keys[i]).append(':');
      if (i == keys.length - 1) {
        b.append(' ').append(value);
      } else if (keys[i].equals("build")) {
        b.append("\n").append(indent).append("  context: .");
      }
      b.append('\n');
      indent += "  ";
    }
    return b.toString();
  }

  @Test
  void everyKeyARowNamesSetsItsField() {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, FieldSource> e : ComposeKeys.sources().entrySet()) {
      if (e.getValue().kind() != FieldSource.Kind.READ) {
        continue;
      }
      Field field = Field.named(e.getKey());
      for (String path : e.getValue().readFrom()) {
        String yaml =
            path.equals("services.<name>")
                ? service("image", "nginx")
                : service(path, sample(path.substring(path.lastIndexOf('.') + 1)));
        ParsedInput in = Compose.parse(yaml);
        assertThat(in.errors()).as(yaml).isEmpty();
        assertThat(in.containers()).as(yaml).hasSize(1);
        Container c = in.containers().get(0);
        assertThat(FieldValues.isSet(c, field)).as(field + " from\n" + yaml).isTrue();
        checked.add(path);
      }
    }
    assertThat(checked).hasSizeGreaterThan(40);
  }

  @Test
  void theRendererWritesTheRowsKeys() {
    ComposeKeys.sources()
        .forEach(
            (field, s) -> {
              if (s.fixable()) {
                assertThat(ComposeKeys.key(field)).isEqualTo(s.fix());
                assertThat(s.readFrom()).as(field).contains(s.fix());
              } else {
                assertThat(ComposeKeys.key(field)).isEqualTo(field);
              }
            });
    assertThat(ComposeKeys.key("memory")).isEqualTo("mem_limit");
    assertThat(ComposeKeys.settableAt("memory", "memory")).isTrue();
    assertThat(ComposeKeys.settableAt("restart_policy", "condition")).isFalse();
    assertThat(ComposeKeys.isBoolean("privileged")).isTrue();
    assertThat(ComposeKeys.isBoolean("user")).isFalse();
  }

  private static String sample(String key) {
    String v = SAMPLES.get(key);
    assertThat(v).as("a sample value for " + key).isNotNull();
    return v;
  }
}
