package dev.keycard.engine.fn;

import java.util.Set;

/** Kernel parameters: the namespaced sysctls Docker/Kubernetes treat as safe (KC-053). */
public final class SysctlFunctions {
  private static final Set<String> SAFE =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");

  private SysctlFunctions() {}

  /** True when {@code name} (dots or slashes) is on the safe list. */
  public static boolean isSafeSysctl(String name) {
    return name != null && SAFE.contains(name.trim().replace('/', '.'));
  }
}
