package dev.keycard.engine.fn;

import java.util.Map;

/**
 * Canonical settings as each input format writes them, so that a message can speak the input's
 * own terms: {@code --privileged} to a {@code docker run} line, {@code privileged: true} to a
 * compose file, {@code HostConfig.Privileged: true} to an Engine API body, {@code
 * securityContext.privileged: true} to a Kubernetes manifest. For messages only: a
 * rule's condition reads the canonical model and never the format.
 */
public final class Spellings {
  /** A setting in the three Docker formats; {@code {}} stands for the value. */
  private record Forms(String dockerRun, String compose, String engineApi) {}

  private static final String VALUE = "{}";

  /**
   * A Kubernetes pod setting that is {@code true} when the Docker mode is {@code host}
   * ({@code hostPID: true} for {@code --pid=host}); any other mode is written in Docker's terms.
   */
  private static final String HOST = "host-flag:";

  private static final Map<String, Forms> FORMS =
      Map.ofEntries(
          Map.entry("privileged", bool("--privileged", "privileged", "HostConfig.Privileged")),
          Map.entry("read_only", bool("--read-only", "read_only", "HostConfig.ReadonlyRootfs")),
          Map.entry(
              "oom_kill_disable",
              bool("--oom-kill-disable", "oom_kill_disable", "HostConfig.OomKillDisable")),
          Map.entry("network_mode", mode("--net", "network_mode", "HostConfig.NetworkMode")),
          Map.entry("pid", mode("--pid", "pid", "HostConfig.PidMode")),
          Map.entry("ipc", mode("--ipc", "ipc", "HostConfig.IpcMode")),
          Map.entry("uts", mode("--uts", "uts", "HostConfig.UTSMode")),
          Map.entry("userns", mode("--userns", "userns_mode", "HostConfig.UsernsMode")),
          Map.entry("cgroupns", mode("--cgroupns", "cgroup", "HostConfig.CgroupnsMode")),
          Map.entry("user", new Forms("--user {}", "user: {}", "User: \"{}\"")),
          Map.entry(
              "cgroup_parent",
              new Forms(
                  "--cgroup-parent {}", "cgroup_parent: {}", "HostConfig.CgroupParent: \"{}\"")),
          Map.entry("cap_add", list("--cap-add", "cap_add", "HostConfig.CapAdd")),
          Map.entry("cap_drop", list("--cap-drop", "cap_drop", "HostConfig.CapDrop")),
          Map.entry(
              "security_opt", list("--security-opt", "security_opt", "HostConfig.SecurityOpt")),
          Map.entry("mounts", list("-v", "volumes", "HostConfig.Binds")),
          Map.entry("tmpfs", list("--tmpfs", "tmpfs", "HostConfig.Tmpfs")),
          Map.entry("ports", list("-p", "ports", "HostConfig.PortBindings")),
          Map.entry("environment", list("-e", "environment", "Env")),
          Map.entry(
              "device_cgroup_rules",
              list("--device-cgroup-rule", "device_cgroup_rules", "HostConfig.DeviceCgroupRules")),
          Map.entry(
              "devices",
              new Forms(
                  "--device {}",
                  "devices: [{}]",
                  "HostConfig.Devices: [{\"PathOnHost\": \"{}\"}]")),
          Map.entry(
              "sysctls", new Forms("--sysctl {}", "sysctls: [{}]", "HostConfig.Sysctls: {{}}")));

  /**
   * The settings a Kubernetes manifest has, as its pod or container fields write them; it has no
   * other, and those are written in canonical terms.
   */
  private static final Map<String, String> KUBERNETES =
      Map.of(
          "privileged", "securityContext.privileged: {}",
          "read_only", "securityContext.readOnlyRootFilesystem: {}",
          "network_mode", HOST + "hostNetwork",
          "pid", HOST + "hostPID",
          "ipc", HOST + "hostIPC",
          "user", "securityContext.runAsUser: {}",
          "cap_add", "securityContext.capabilities.add: [{}]",
          "cap_drop", "securityContext.capabilities.drop: [{}]",
          "environment", "env: [{}]",
          "sysctls", "securityContext.sysctls: [{}]");

  private Spellings() {}

  private static Forms bool(String flag, String key, String field) {
    return new Forms(flag, key + ": {}", field + ": {}");
  }

  private static Forms mode(String flag, String key, String field) {
    return new Forms(flag + "={}", key + ": {}", field + ": \"{}\"");
  }

  private static Forms list(String flag, String key, String field) {
    return new Forms(flag + " {}", key + ": [{}]", field + ": [\"{}\"]");
  }

  /**
   * The setting {@code field} (a canonical field name) with {@code value} as {@code format} ({@code
   * docker-run}, {@code compose}, {@code engine-api}) writes it. Another or a null format, or a
   * field without a form, is written in canonical terms ({@code field: value}).
   */
  public static String spell(String format, String field, String value) {
    Text.read(format, field, value);
    String spelt = spelling(format, field, value);
    dev.keycard.budget.Budget.current().created(spelt.length());
    return spelt;
  }

  private static String spelling(String format, String field, String value) {
    String v = String.valueOf(value);
    Forms forms = field == null ? null : FORMS.get(field);
    if (forms == null || format == null) {
      return field + ": " + v;
    }
    return switch (format) {
      case "docker-run" -> dockerRun(forms.dockerRun(), v);
      case "compose" -> forms.compose().replace(VALUE, v);
      case "engine-api" -> engineApi(field, forms.engineApi(), v);
      case "kubernetes" -> kubernetes(field, v);
      default -> field + ": " + v;
    };
  }

  /** A manifest's field for the setting, or the canonical terms when a manifest has none. */
  private static String kubernetes(String field, String v) {
    String form = KUBERNETES.get(field);
    if (form == null) {
      return field + ": " + v;
    }
    if (form.startsWith(HOST)) {
      String key = form.substring(HOST.length());
      return "host".equals(v) ? key + ": true" : field + ": " + v;
    }
    return form.replace(VALUE, v);
  }

  /** A boolean flag is written bare when true ({@code --privileged}), else {@code =value}. */
  private static String dockerRun(String form, String v) {
    if (!form.contains(VALUE)) {
      return "true".equals(v) ? form : form + "=" + v;
    }
    return form.replace(VALUE, v);
  }

  /** JSON values: strings quoted and escaped; a sysctl {@code name=value} as a JSON member. */
  private static String engineApi(String field, String form, String v) {
    if (field.equals("sysctls")) {
      int eq = v.indexOf('=');
      String member =
          eq < 0
              ? json(v) + ": \"\""
              : json(v.substring(0, eq)) + ": " + json(v.substring(eq + 1));
      return form.replace(VALUE, member);
    }
    return form.replace(VALUE, form.contains("\"{}\"") ? escape(v) : v);
  }

  private static String json(String s) {
    return "\"" + escape(s) + "\"";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
