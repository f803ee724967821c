package dev.keycard.format.compose;

import static dev.keycard.format.FieldSource.capabilityNamesAsWritten;
import static dev.keycard.format.FieldSource.derived;
import static dev.keycard.format.FieldSource.kubernetesOnly;
import static dev.keycard.format.FieldSource.notExpressible;
import static dev.keycard.format.FieldSource.read;

import dev.keycard.format.FieldSource;
import dev.keycard.remediation.RenderValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The compose field table: for every canonical field, the service keys the parser reads it from,
 * the key a fix writes, the keys whose value a {@code set} may rewrite in place, and whether the
 * key holds a boolean. The renderer reads its keys from here; {@link ComposeFormat#fields()} shows
 * the table.
 */
final class ComposeKeys {
  private ComposeKeys() {}

  /** One row: the source, the last keys a set may rewrite in place, and whether it is boolean. */
  private record Row(FieldSource source, Set<String> settable, boolean bool) {}

  private static final Map<String, Row> ROWS = new LinkedHashMap<>();

  static {
    row("name", read("services.<name>").noting("the service's key"));
    row("image", own("image"));
    row("user", own("user"));
    row("uid", derived("user"));
    row("gid", derived("user"));
    row("run_as_non_root", kubernetesOnly("runAsNonRoot: the runtime refusing root"));
    row("image_user", derived("dockerfile").noting("the USER of the companion Dockerfile"));
    row("dockerfile", read("build.dockerfile").noting("the build context is never read"));
    bool("privileged");
    row("host_process", kubernetesOnly("a Windows HostProcess container"));
    row("os", kubernetesOnly("the pod's spec.os.name; platform names the image's"));
    row("cap_add", own("cap_add"));
    row("cap_drop", own("cap_drop"));
    row("cap_add_as_written", capabilityNamesAsWritten("compose"));
    row("cap_drop_as_written", capabilityNamesAsWritten("compose"));
    bool("read_only");
    row("tmpfs", own("tmpfs"));
    row("security_opt", own("security_opt"));
    row("no_new_privileges", derived("security_opt"));
    row("seccomp", derived("security_opt"));
    row("seccomp_default", notExpressible(dockerDefaultSeccomp()));
    row("apparmor", derived("security_opt"));
    row("selinux", derived("security_opt"));
    row("pod_selinux", kubernetesOnly("the pod's own seLinuxOptions"));
    row("systempaths", derived("security_opt"));
    row(
        "memory",
        own("mem_limit", "deploy.resources.limits.memory")
            .noting("deploy.resources wins when both differ"),
        Set.of("mem_limit", "memory"));
    row("memory_reservation", own("mem_reservation", "deploy.resources.reservations.memory"));
    row("memory_swap", own("memswap_limit"));
    row("cpus", own("cpus", "deploy.resources.limits.cpus"));
    row("cpu_shares", own("cpu_shares"));
    row("cpu_quota", own("cpu_quota"));
    row("cpu_period", own("cpu_period"));
    row(
        "pids_limit",
        own("pids_limit", "deploy.resources.limits.pids"),
        Set.of("pids_limit", "pids"));
    bool("oom_kill_disable");
    row("network_mode", own("network_mode"));
    row("networks", own("networks"));
    row("pid", own("pid"));
    row("ipc", own("ipc"));
    row("uts", own("uts"));
    row("userns", own("userns_mode"));
    row("cgroupns", own("cgroup"));
    row("cgroup_parent", own("cgroup_parent"));
    row(
        "mounts",
        own("volumes", "use_api_socket").noting("use_api_socket: true binds /var/run/docker.sock"));
    row("volumes", kubernetesOnly("a pod's volumes; compose volumes are mounts"));
    row("devices", own("devices"));
    row("device_cgroup_rules", own("device_cgroup_rules"));
    row("ports", own("ports"));
    row(
        "publish_all",
        notExpressible("compose has no key that publishes every exposed port (docker run -P)"));
    row("sysctls", own("sysctls"));
    row(
        "environment",
        own("environment").noting("env_file is not read: its variables are reported unread"));
    row(
        "restart_policy",
        own("restart", "deploy.restart_policy.condition")
            .noting("deploy.restart_policy wins; a fix edits it where it is"));
    row(
        "restart_max_retries",
        own("restart", "deploy.restart_policy.max_attempts").noting("restart: on-failure:N"));
    row("healthcheck", own("healthcheck"));
    row("probe_hosts", kubernetesOnly("the hosts of HTTP and TCP probes"));
    row("command", own("command"));
    row("entrypoint", own("entrypoint"));
  }

  private static final Map<String, FieldSource> SOURCES;

  static {
    Map<String, FieldSource> s = new LinkedHashMap<>();
    ROWS.forEach((field, r) -> s.put(field, r.source()));
    SOURCES = Collections.unmodifiableMap(s);
  }

  /** A key the parser reads and a fix writes. */
  private static FieldSource own(String key) {
    return read(key).fixedAs(key);
  }

  /** A key the parser reads and a fix writes, its value also read from {@code alsoFrom}. */
  private static FieldSource own(String key, String alsoFrom) {
    return read(key, alsoFrom).fixedAs(key);
  }

  private static void bool(String field) {
    ROWS.put(field, new Row(own(field), Set.of(field), true));
  }

  private static void row(String field, FieldSource source) {
    ROWS.put(field, new Row(source, Set.of(source.fixable() ? source.fix() : field), false));
  }

  private static void row(String field, FieldSource source, Set<String> settable) {
    ROWS.put(field, new Row(source, settable, false));
  }

  private static String dockerDefaultSeccomp() {
    return "Docker's default seccomp profile applies when none is named; only Kubernetes defaults"
        + " to unconfined";
  }

  /** Every canonical field's row, in the model's order. */
  static Map<String, FieldSource> sources() {
    return SOURCES;
  }

  /** The service key a fix writes for a canonical field (the field's name when it has none). */
  static String key(String field) {
    Row r = ROWS.get(field);
    return r != null && r.source().fixable() ? r.source().fix() : field;
  }

  /** Whether a value located at a key named {@code key} may be rewritten to set {@code field}. */
  static boolean settableAt(String field, String key) {
    Row r = ROWS.get(field);
    return r != null ? r.settable().contains(key) : key.equals(field);
  }

  static boolean isBoolean(String field) {
    Row r = ROWS.get(field);
    return r != null && r.bool();
  }

  /** The value as the compose document holds it. */
  static Object value(String field, Object v) {
    return switch (field) {
      case "memory", "memory_reservation" -> RenderValues.size(v);
      case "cpus" -> RenderValues.cpus(v);
      case "pids_limit" ->
          v instanceof Number n ? (Object) n.longValue() : Long.parseLong(String.valueOf(v));
      case "user", "restart_policy" -> String.valueOf(v);
      default -> isBoolean(field) && v instanceof String s ? Boolean.parseBoolean(s) : v;
    };
  }

  /** The value that switches a boolean setting off, or null for settings without one. */
  static Object neutral(String field) {
    return isBoolean(field) ? Boolean.FALSE : null;
  }
}
