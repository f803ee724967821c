package dev.keycard.input.common;

import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import dev.keycard.model.Sysctl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Kernel parameters as Docker sets them: only sysctls that live in one of the container's own
 * namespaces. The IPC ones ({@code kernel.msgmax}, {@code kernel.msgmnb}, {@code kernel.msgmni},
 * {@code kernel.sem}, {@code kernel.shmall}, {@code kernel.shmmax}, {@code kernel.shmmni}, {@code
 * kernel.shm_rmid_forced}, {@code fs.mqueue.*}) unless the container shares the host's IPC
 * namespace, and {@code net.*} unless it shares the host's network namespace. The CLI refuses any
 * other name ({@code docker run --sysctl}), and the runtime (runc, crun) refuses the rest when the
 * container is created: either way the container does not start.
 */
public final class Sysctls {
  /** The IPC namespace's sysctls, as docker/cli's {@code ValidateSysctl} and runc list them. */
  private static final Set<String> IPC =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  private Sysctls() {}

  /** The name with slashes read as dots, as runc reads it (case matters, as it does to Docker). */
  public static String canonical(String name) {
    return name == null ? null : name.trim().replace('/', '.');
  }

  /** True for a sysctl of the IPC namespace. */
  public static boolean isIpc(String name) {
    String n = canonical(name);
    return n != null && (IPC.contains(n) || n.startsWith("fs.mqueue."));
  }

  /** True for a sysctl of the network namespace. */
  public static boolean isNet(String name) {
    String n = canonical(name);
    return n != null && n.startsWith("net.");
  }

  /** True when docker/cli accepts the name at all (an IPC or a network sysctl). */
  public static boolean isNamespacedName(String name) {
    return isIpc(name) || isNet(name);
  }

  /**
   * Why Docker will not set {@code name} in a container with this network mode and IPC mode, or
   * null when it sets it in the container's own namespace.
   */
  public static String refusal(String name, String networkMode, String ipc) {
    if (isNet(name)) {
      return "host".equals(networkMode)
          ? "a net.* sysctl is not allowed in the host's network namespace"
          : null;
    }
    if (isIpc(name)) {
      return "host".equals(ipc) ? "an IPC sysctl is not allowed in the host's IPC namespace" : null;
    }
    return "it is not namespaced: only net.*, kernel.msg*, kernel.sem, kernel.shm* and"
        + " fs.mqueue.* sysctls can be set for one container";
  }

  /**
   * The warning for a sysctl Docker refuses: the container does not start, so the setting is not
   * something Keycard can weigh, it is an error in the input.
   */
  public static String refusedMessage(String name, String value, String why) {
    return refusedMessage(name, value, why, "Docker");
  }

  /**
   * The warning for a sysctl that {@code runtime} ({@code Docker}, {@code the kubelet}) refuses.
   * The kubelet refuses the same names for the same reasons (it sets only sysctls of the pod's own
   * IPC and network namespaces: {@code kernel.shm*}, {@code kernel.msg*}, {@code kernel.sem},
   * {@code fs.mqueue.*}, {@code net.*}, and not those of a namespace shared with the host); it
   * also refuses a namespaced sysctl outside its safe set unless the node allows it
   * ({@code --allowed-unsafe-sysctls}), which the input cannot tell, so that is not warned about.
   */
  public static String refusedMessage(String name, String value, String why, String runtime) {
    return "sysctl '"
        + name
        + (value == null ? "" : "=" + value)
        + "' is refused by "
        + runtime
        + " ("
        + why
        + "): "
        + runtime
        + " will not start the container";
  }

  /**
   * Warnings for every sysctl of {@code containers} that Docker refuses, located at the sysctl.
   * Sysctls or modes whose value only the client knows are left alone.
   */
  public static List<Diagnostic> refused(List<Container> containers) {
    return refused(containers, "Docker");
  }

  /** {@link #refused(List)} for containers that {@code runtime} starts. */
  public static List<Diagnostic> refused(List<Container> containers, String runtime) {
    List<Diagnostic> out = new ArrayList<>();
    for (Container c : containers) {
      if (c.sysctls().isEmpty()) {
        continue;
      }
      String net = c.unknown().contains("network_mode") ? null : c.networkMode();
      String ipc = c.unknown().contains("ipc") ? null : c.ipc();
      for (int i = 0; i < c.sysctls().size(); i++) {
        String path = "sysctls[" + i + "]";
        Sysctl s = c.sysctls().get(i);
        if (c.unknown().contains(path) || c.unknown().contains("sysctls")) {
          continue;
        }
        String why = refusal(s.name(), net, ipc);
        if (why != null) {
          Origin at = c.locate(path);
          out.add(
              Diagnostic.of(
                      DiagnosticCode.INPUT_INVALID_VALUE,
                      "container '" + c.name() + "': " + refusedMessage(s.name(), s.value(), why, runtime),
                      at == null ? null : at.span())
                  .withPath(at == null ? null : at.path()));
        }
      }
    }
    return out;
  }
}
