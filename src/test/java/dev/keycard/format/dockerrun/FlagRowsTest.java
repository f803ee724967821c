package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.FieldSource;
import dev.keycard.format.FieldValues;
import dev.keycard.model.Container;
import dev.keycard.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The docker run field table names only flags of the generated flag table, and every flag a row
 * names sets the row's field when the parser reads it.
 */
class FlagRowsTest {

  /** A value for each valued flag (by canonical name). */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("--name", "web"),
          Map.entry("--user", "1000:1000"),
          Map.entry("--cap-add", "NET_ADMIN"),
          Map.entry("--cap-drop", "ALL"),
          Map.entry("--tmpfs", "/tmp"),
          Map.entry("--security-opt", "no-new-privileges"),
          Map.entry("--memory", "512m"),
          Map.entry("--memory-reservation", "256m"),
          Map.entry("--memory-swap", "1g"),
          Map.entry("--cpus", "0.5"),
          Map.entry("--cpu-quota", "50000"),
          Map.entry("--cpu-period", "100000"),
          Map.entry("--cpu-shares", "512"),
          Map.entry("--pids-limit", "100"),
          Map.entry("--network", "host"),
          Map.entry("--pid", "host"),
          Map.entry("--ipc", "host"),
          Map.entry("--uts", "host"),
          Map.entry("--userns", "host"),
          Map.entry("--cgroupns", "host"),
          Map.entry("--cgroup-parent", "/custom"),
          Map.entry("--volume", "/srv:/data"),
          Map.entry("--mount", "type=bind,source=/srv,target=/data"),
          Map.entry("--device", "/dev/fuse"),
          Map.entry("--device-cgroup-rule", "c 10:229 rwm"),
          Map.entry("--publish", "8080:80"),
          Map.entry("--sysctl", "net.ipv4.ip_forward=1"),
          Map.entry("--env", "A=1"),
          Map.entry("--restart", "on-failure:3"),
          Map.entry("--health-cmd", "true"),
          Map.entry("--health-interval", "5s"),
          Map.entry("--health-retries", "3"),
          Map.entry("--health-start-interval", "5s"),
          Map.entry("--health-start-period", "5s"),
          Map.entry("--health-timeout", "5s"),
          Map.entry("--entrypoint", "/bin/sh"));

  /** Flags that set their field only together with another flag, or with the value shown. */
  private static final Map<String, String> SPECIAL =
      Map.of(
          "networks --network", "docker run --network backend nginx",
          "networks --net", "docker run --net backend nginx",
          "cpus --cpu-period", "docker run --cpu-quota 50000 --cpu-period 100000 nginx",
          "healthcheck --no-healthcheck", "docker run --no-healthcheck nginx",
          "image IMAGE", "docker run nginx",
          "command COMMAND", "docker run nginx sleep 1");

  private static final FlagTable TABLE = FlagTable.docker(false);

  private static FlagSpec spec(String flag) {
    return flag.startsWith("--")
        ? TABLE.byName(flag)
        : flag.length() == 2 ? TABLE.byShorthand(flag.charAt(1)) : null;
  }

  @Test
  void everyFlagARowNamesIsInTheGeneratedFlagTable() {
    Flags.sources()
        .forEach(
            (field, s) -> {
              for (String flag : s.readFrom()) {
                if (s.kind() == FieldSource.Kind.READ && flag.startsWith("-")) {
                  assertThat(spec(flag)).as(field + " " + flag).isNotNull();
                }
              }
              if (s.fixable()) {
                assertThat(spec(s.fix())).as(field + " fix " + s.fix()).isNotNull();
                assertThat(s.readFrom()).contains(s.fix());
              }
            });
  }

  @Test
  void theRenderersFlagsAreTheRowsFixes() {
    Flags.sources()
        .forEach(
            (field, s) -> {
              Flags.Flag f = Flags.of(field);
              if (s.fixable()) {
                assertThat(f.name()).isEqualTo(s.fix());
                assertThat(f.bool()).isEqualTo(spec(s.fix()).isBool());
                assertThat(s.readFrom()).containsAll(f.names());
              } else {
                assertThat(f).as(field).isNull();
              }
            });
  }

  @Test
  void everyFlagARowNamesSetsItsField() {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, FieldSource> e : Flags.sources().entrySet()) {
      if (e.getValue().kind() != FieldSource.Kind.READ) {
        continue;
      }
      Field field = Field.named(e.getKey());
      for (String flag : e.getValue().readFrom()) {
        String line = SPECIAL.get(field.name() + " " + flag);
        if (line == null) {
          FlagSpec spec = spec(flag);
          assertThat(spec).as(flag).isNotNull();
          String canonical = spec.canonical();
          line =
              spec.isBool()
                  ? "docker run " + flag + " nginx"
                  : "docker run " + flag + " '" + sample(canonical) + "' nginx";
        }
        Container c = Runs.one(line);
        assertThat(FieldValues.isSet(c, field)).as(field + " from " + line).isTrue();
        checked.add(flag);
      }
    }
    assertThat(checked).hasSizeGreaterThan(50);
  }

  private static String sample(String canonical) {
    String v = SAMPLES.get(canonical);
    assertThat(v).as("a sample value for " + canonical).isNotNull();
    return v;
  }
}
