package dev.keycard.format.dockerrun;

import java.util.Map;
import java.util.Set;

/** Canonical fields as {@code docker run} flags: the name to write and every name that sets it. */
final class Flags {
  private Flags() {}

  /**
   * One flag: the name Keycard writes, the spellings that set the same field, whether it is a
   * boolean, and the model path whose location points at it.
   */
  record Flag(String name, Set<String> names, boolean bool, String locatedAs) {}

  private static final Map<String, Flag> BY_FIELD =
      Map.ofEntries(
          bool("read_only", "--read-only"),
          bool("privileged", "--privileged"),
          bool("oom_kill_disable", "--oom-kill-disable"),
          bool("publish_all", "--publish-all", "-P"),
          value("user", "--user", "-u"),
          value("cap_drop", "--cap-drop"),
          value("cap_add", "--cap-add"),
          value("security_opt", "--security-opt"),
          value("memory", "--memory", "-m"),
          value("cpus", "--cpus"),
          value("pids_limit", "--pids-limit"),
          value("tmpfs", "--tmpfs"),
          value("restart_policy", "--restart"),
          value("network_mode", "--network", "--net"),
          value("networks", "--network", "--net"),
          value("pid", "--pid"),
          value("ipc", "--ipc"),
          value("uts", "--uts"),
          value("userns", "--userns"),
          value("cgroupns", "--cgroupns"),
          value("cgroup_parent", "--cgroup-parent"),
          value("sysctls", "--sysctl"),
          value("devices", "--device"),
          value("device_cgroup_rules", "--device-cgroup-rule"));

  /** The flag for a canonical field, or null when {@code docker run} has none. */
  static Flag of(String field) {
    return BY_FIELD.get(field);
  }

  private static Map.Entry<String, Flag> bool(String field, String name, String... aliases) {
    return Map.entry(field, new Flag(name, names(name, aliases), true, field));
  }

  private static Map.Entry<String, Flag> value(String field, String name, String... aliases) {
    return Map.entry(field, new Flag(name, names(name, aliases), false, field));
  }

  private static Set<String> names(String name, String... aliases) {
    java.util.Set<String> s = new java.util.HashSet<>(Set.of(aliases));
    s.add(name);
    return Set.copyOf(s);
  }
}
