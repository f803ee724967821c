package dev.keycard.engine.fn;

import dev.keycard.input.common.Sysctls;
import java.util.Set;

/**
 * Kernel parameters: the safe list of rule sets 1.0.0 (KC-053@1), and what Docker sets in the
 * container's own namespaces (KC-053@2).
 */
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
    Text.read(name);
    return name != null && SAFE.contains(name.trim().replace('/', '.'));
  }

  /**
   * True when Docker sets {@code name} in the container's own namespace: an IPC sysctl ({@code
   * kernel.msg*}, {@code kernel.sem}, {@code kernel.shm*}, {@code fs.mqueue.*}) unless {@code ipc} is
   * {@code host}, a {@code net.*} sysctl unless {@code networkMode} is {@code host}. Docker refuses
   * every other sysctl, and the container does not start.
   */
  public static boolean isNamespacedSysctl(String name, String networkMode, String ipc) {
    Text.read(name, networkMode, ipc);
    return name != null && Sysctls.refusal(name, networkMode, ipc) == null;
  }
}
