package dev.keycard.format.compose;

import java.util.Set;

/**
 * The keys only a service has: a root mapping holding one is a service fragment (the parser), and
 * a fragment left without any is no service (the renderer refuses a fix that would do that).
 */
final class ServiceKeys {
  private ServiceKeys() {}

  /** Keys that only a service has, so a root mapping holding one is a service fragment. */
  private static final Set<String> KEYS =
      Set.of(
          "image",
          "build",
          "privileged",
          "ports",
          "command",
          "entrypoint",
          "cap_add",
          "cap_drop",
          "user",
          "environment",
          "env_file",
          "network_mode",
          "security_opt",
          "read_only",
          "devices",
          "restart",
          "healthcheck",
          "deploy",
          "extends",
          "container_name",
          "depends_on",
          "labels",
          "working_dir",
          "mem_limit",
          "pid",
          "ipc",
          "tmpfs",
          "sysctls",
          "cpus",
          "pids_limit",
          "userns_mode",
          "cgroup",
          "expose",
          "use_api_socket",
          "hostname",
          "stdin_open",
          "tty",
          "ulimits",
          "logging");

  /** Whether {@code key} is one only a service has. */
  static boolean is(String key) {
    return KEYS.contains(key);
  }
}
