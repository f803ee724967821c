package dev.keycard.format.engineapi;

import static dev.keycard.format.FieldSource.kubernetesOnly;
import static dev.keycard.format.FieldSource.notExpressible;
import static dev.keycard.format.FieldSource.read;

import dev.keycard.format.DockerFieldRows;
import dev.keycard.format.FieldSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Engine API field table: for every canonical field, the members of a {@code POST
 * /containers/create} body (or of {@code docker inspect} output: its {@code Config}, {@code
 * Mounts} and {@code NetworkSettings}) the parser reads it from, as dotted paths, the member a fix
 * writes, or why the API cannot say it; the rows it says like every Docker format are {@link
 * DockerFieldRows}'. The renderer finds each field's home here; {@link EngineApiFormat#fields()}
 * shows the table.
 */
final class EngineApiFields {
  private EngineApiFields() {}

  private static final String HOST_CONFIG = "HostConfig.";

  private static final Map<String, FieldSource> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("name", read("Name").noting("docker inspect output; a create body's name is ?name="));
    ROWS.put("image", read("Image", "Config.Image"));
    ROWS.put(
        "user",
        read("User", "Config.User").fixedAs("User").noting("Config.User in docker inspect output"));
    ROWS.put("dockerfile", notExpressible("a create body names an image, never the build that made it"));
    host("privileged", "Privileged");
    ROWS.put("os", kubernetesOnly("the pod's spec.os.name (?platform names the image's)"));
    host("cap_add", "CapAdd");
    host("cap_drop", "CapDrop");
    host("read_only", "ReadonlyRootfs");
    host("tmpfs", "Tmpfs");
    host("security_opt", "SecurityOpt");
    ROWS.put(
        "systempaths",
        read("HostConfig.MaskedPaths", "HostConfig.ReadonlyPaths")
            .noting("both empty is systempaths=unconfined, as the CLI sends it"));
    host("memory", "Memory");
    ROWS.put("memory_reservation", read("HostConfig.MemoryReservation"));
    ROWS.put("memory_swap", read("HostConfig.MemorySwap"));
    ROWS.put(
        "cpus",
        read("HostConfig.NanoCpus", "HostConfig.CpuQuota")
            .fixedAs("HostConfig.NanoCpus")
            .noting("CpuQuota / CpuPeriod when NanoCpus is absent"));
    ROWS.put("cpu_shares", read("HostConfig.CpuShares"));
    ROWS.put("cpu_quota", read("HostConfig.CpuQuota"));
    ROWS.put("cpu_period", read("HostConfig.CpuPeriod"));
    host("pids_limit", "PidsLimit");
    host("oom_kill_disable", "OomKillDisable");
    host("network_mode", "NetworkMode");
    ROWS.put("networks", read("NetworkingConfig.EndpointsConfig", "NetworkSettings.Networks"));
    host("pid", "PidMode");
    host("ipc", "IpcMode");
    host("uts", "UTSMode");
    host("userns", "UsernsMode");
    host("cgroupns", "CgroupnsMode");
    host("cgroup_parent", "CgroupParent");
    ROWS.put(
        "mounts",
        read("HostConfig.Binds", "HostConfig.Mounts", "Volumes", "Mounts")
            .noting("Mounts: docker inspect output, instead of Binds and HostConfig.Mounts"));
    ROWS.put("volumes", kubernetesOnly("a pod's volumes; Engine API volumes are mounts"));
    ROWS.put("devices", read("HostConfig.Devices"));
    ROWS.put("device_cgroup_rules", read("HostConfig.DeviceCgroupRules"));
    ROWS.put("ports", read("HostConfig.PortBindings"));
    host("publish_all", "PublishAllPorts");
    ROWS.put("sysctls", read("HostConfig.Sysctls"));
    ROWS.put("environment", read("Env", "Config.Env"));
    ROWS.put(
        "restart_policy",
        read("HostConfig.RestartPolicy.Name")
            .fixedAs("HostConfig.RestartPolicy")
            .noting("a fix writes the whole RestartPolicy object"));
    ROWS.put(
        "restart_max_retries",
        read("HostConfig.RestartPolicy.MaximumRetryCount")
            .noting("a fix writes it with the policy's RestartPolicy"));
    ROWS.put("healthcheck", read("Healthcheck", "Config.Healthcheck"));
    ROWS.put("command", read("Cmd", "Config.Cmd"));
    ROWS.put("entrypoint", read("Entrypoint", "Config.Entrypoint"));
  }

  private static final Map<String, FieldSource> SOURCES = DockerFieldRows.with(ROWS, "a body");

  /** Every canonical field's row, in the model's order. */
  static Map<String, FieldSource> sources() {
    return SOURCES;
  }

  /**
   * The {@code HostConfig} member a fix of {@code field} writes ({@code Privileged}), or null when
   * the field's fixes are not written into {@code HostConfig}.
   */
  static String hostConfigMember(String field) {
    FieldSource s = ROWS.get(field);
    return s != null && s.fixable() && s.fix().startsWith(HOST_CONFIG)
        ? s.fix().substring(HOST_CONFIG.length())
        : null;
  }

  private static void host(String field, String member) {
    ROWS.put(field, read(HOST_CONFIG + member).fixedAs(HOST_CONFIG + member));
  }


}
