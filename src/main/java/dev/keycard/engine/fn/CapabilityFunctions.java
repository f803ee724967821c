package dev.keycard.engine.fn;

import dev.keycard.input.common.Capabilities;
import java.util.List;

/** Linux capabilities: Docker's default set, names compared upper case without {@code CAP_}. */
public final class CapabilityFunctions {
  private static final List<String> DOCKER_DEFAULT =
      List.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "NET_RAW",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  private CapabilityFunctions() {}

  /** Docker's default capability set, sorted. */
  public static List<String> dockerDefaultCaps() {
    Text.read(null); // no input: a fixed list, handed over without copying
    return DOCKER_DEFAULT;
  }

  /** True when {@code name} (any case, with or without {@code CAP_}) is a Docker default. */
  public static boolean isDefaultCap(String name) {
    Text.read(name);
    return name != null && DOCKER_DEFAULT.contains(Capabilities.normalize(name));
  }
}
