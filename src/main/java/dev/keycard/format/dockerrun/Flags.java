package dev.keycard.format.dockerrun;

import static dev.keycard.format.FieldSource.derived;
import static dev.keycard.format.FieldSource.kubernetesOnly;
import static dev.keycard.format.FieldSource.notExpressible;
import static dev.keycard.format.FieldSource.read;

import dev.keycard.format.DockerFieldRows;
import dev.keycard.format.FieldSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code docker run} field table: for every canonical field, the flags the parser reads it
 * from (as {@link DockerFlags} names them, shorthands included), the flag a fix writes, or why
 * {@code docker run} cannot say it; the rows it says like every Docker format are {@link
 * DockerFieldRows}'. The renderer's {@link #of} is read from here; {@link DockerRunFormat#fields()}
 * shows the table.
 */
final class Flags {
  private Flags() {}

  /**
   * One flag a fix writes: the name Keycard writes, the spellings that set the same field, whether
   * it is a boolean, and the model path whose location points at it.
   */
  record Flag(String name, Set<String> names, boolean bool, String locatedAs) {}

  private static final Map<String, FieldSource> ROWS = new LinkedHashMap<>();
  private static final Map<String, Flag> BY_FIELD = new LinkedHashMap<>();

  static {
    ROWS.put("name", read("--name"));
    ROWS.put("image", read("IMAGE").noting("the first word after the options"));
    value("user", "--user", "-u");
    ROWS.put("dockerfile", notExpressible("docker run names an image, never the build that made it"));
    bool("privileged", "--privileged");
    ROWS.put("os", kubernetesOnly("the pod's spec.os.name (--platform names the image's)"));
    value("cap_add", "--cap-add");
    value("cap_drop", "--cap-drop");
    bool("read_only", "--read-only");
    value("tmpfs", "--tmpfs");
    ROWS.put("tmpfs", ROWS.get("tmpfs").noting("--mount type=tmpfs is a mount"));
    value("security_opt", "--security-opt");
    ROWS.put("systempaths", derived("security_opt"));
    value("memory", "--memory", "-m");
    ROWS.put("memory_reservation", read("--memory-reservation"));
    ROWS.put("memory_swap", read("--memory-swap"));
    value("cpus", "--cpus");
    ROWS.put(
        "cpus",
        read("--cpus", "--cpu-quota", "--cpu-period")
            .fixedAs("--cpus")
            .noting("--cpu-quota / --cpu-period when --cpus is absent"));
    ROWS.put("cpu_shares", read("--cpu-shares", "-c"));
    ROWS.put("cpu_quota", read("--cpu-quota"));
    ROWS.put("cpu_period", read("--cpu-period"));
    value("pids_limit", "--pids-limit");
    bool("oom_kill_disable", "--oom-kill-disable");
    value("network_mode", "--network", "--net");
    value("networks", "--network", "--net");
    value("pid", "--pid");
    value("ipc", "--ipc");
    value("uts", "--uts");
    value("userns", "--userns");
    value("cgroupns", "--cgroupns");
    value("cgroup_parent", "--cgroup-parent");
    ROWS.put(
        "mounts",
        read("--volume", "-v", "--mount", "--use-api-socket")
            .noting("--use-api-socket binds the Docker socket"));
    ROWS.put("volumes", kubernetesOnly("a pod's volumes; docker run volumes are mounts"));
    value("devices", "--device");
    value("device_cgroup_rules", "--device-cgroup-rule");
    ROWS.put("ports", read("--publish", "-p"));
    bool("publish_all", "--publish-all", "-P");
    value("sysctls", "--sysctl");
    ROWS.put(
        "environment",
        read("--env", "-e").noting("--env-file is not read: the parser reports it unread"));
    value("restart_policy", "--restart");
    ROWS.put(
        "restart_max_retries",
        read("--restart")
            .noting("--restart on-failure:N; a fix writes it with the policy's --restart"));
    ROWS.put(
        "healthcheck",
        read("--health-cmd", "--no-healthcheck")
            .noting("--health-interval and the other timings are not in the model"));
    ROWS.put("command", read("COMMAND").noting("the words after the image"));
    ROWS.put("entrypoint", read("--entrypoint"));
  }

  private static final Map<String, FieldSource> SOURCES =
      DockerFieldRows.with(ROWS, "a command line");

  /** Every canonical field's row, in the model's order. */
  static Map<String, FieldSource> sources() {
    return SOURCES;
  }

  /** The flag a fix writes for a canonical field, or null when fixes of it are not rendered. */
  static Flag of(String field) {
    return BY_FIELD.get(field);
  }

  private static void bool(String field, String name, String... aliases) {
    add(field, true, name, aliases);
  }

  private static void value(String field, String name, String... aliases) {
    add(field, false, name, aliases);
  }

  private static void add(String field, boolean bool, String name, String... aliases) {
    String[] all = new String[aliases.length + 1];
    all[0] = name;
    System.arraycopy(aliases, 0, all, 1, aliases.length);
    FieldSource row = read(all).fixedAs(name);
    ROWS.put(field, row);
    Set<String> names = new LinkedHashSet<>(row.readFrom());
    BY_FIELD.put(field, new Flag(row.fix(), Set.copyOf(names), bool, field));
  }


}
