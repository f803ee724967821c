package dev.keycard.engine;

import dev.keycard.engine.fn.CapabilityFunctions;
import dev.keycard.engine.fn.HostPaths;
import dev.keycard.engine.fn.PathFunctions;
import dev.keycard.engine.fn.SecretFunctions;
import dev.keycard.engine.fn.SecurityOptFunctions;
import dev.keycard.engine.fn.SizeFunctions;
import dev.keycard.engine.fn.Spellings;
import dev.keycard.engine.fn.SysctlFunctions;
import dev.keycard.engine.fn.UserFunctions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of helper functions, declared as OPA declares its builtins (parameter and
 * result types): it drives the checker (names, arity, argument types), the static imports handed
 * to MVEL, and the helpers table of {@code docs/rule-language.md}. Every parameter is a string.
 */
public final class Helpers {
  private static final String INTERNAL_PREFIX = "__kc_fn_";

  private static final Map<String, HelperSpec> BY_NAME = new LinkedHashMap<>();

  static {
    add(
        "bytes",
        List.of("size"),
        "int",
        SizeFunctions.class,
        "bytes",
        "Bytes of a Docker size (`b k m g t p`, any case, optional `b`/`ib`, binary units);"
            + " an invalid size is an evaluation error.",
        "c.memory != null && c.memory < bytes('512m')");
    add(
        "docker_default_caps",
        List.of(),
        "list(string)",
        CapabilityFunctions.class,
        "dockerDefaultCaps",
        "Docker's default capability set (upper case, without `CAP_`).",
        "docker_default_caps() contains 'CHOWN'");
    add(
        "is_default_cap",
        List.of("name"),
        "bool",
        CapabilityFunctions.class,
        "isDefaultCap",
        "True when the capability (any case, with or without `CAP_`) is in Docker's default set.",
        "($ in c.cap_add if !is_default_cap($)).size() > 0");
    add(
        "path_under",
        List.of("path", "prefix"),
        "bool",
        PathFunctions.class,
        "pathUnder",
        "True when `path` equals `prefix` or lies below it; both are normalised first"
            + " (repeated/trailing slashes, `.` and `..`).",
        "($ in c.mounts if path_under($.source, '/etc')).size() > 0");
    add(
        "is_sensitive_path",
        List.of("path"),
        "bool",
        PathFunctions.class,
        "isSensitivePath",
        "KC-031@1 (rule sets 1.0.0): `/`, `/dev`, `/lib`, `/usr`, or `/etc`, `/root`, `/boot`,"
            + " `/proc`, `/sys`, `/var/lib/docker` and anything below them (normalised).",
        "($ in c.mounts if $.type == 'bind' && is_sensitive_path($.source)).size() > 0");
    add(
        "is_runtime_socket",
        List.of("path"),
        "bool",
        PathFunctions.class,
        "isRuntimeSocket",
        "KC-030@1 (rule sets 1.0.0): a Docker, containerd, CRI-O or Podman socket (also"
            + " rootless), its folder, or `/run`, `/var/run`.",
        "($ in c.mounts if is_runtime_socket($.source)).size() > 0");
    add(
        "is_host_system_path",
        List.of("path"),
        "bool",
        HostPaths.class,
        "isHostSystemPath",
        "KC-031@2: `/`; `/root`, `/boot`, `/proc`, `/sys`, `/lib/modules`, `/usr/src`,"
            + " `/dev/input`, `/run/dbus`, `/run/systemd`, `/run/udev`, `/var/lib/docker`,"
            + " `/var/lib/containerd`, `/var/lib/kubelet`, `/var/lib/rancher` and the secret or"
            + " root-run parts of `/etc` (`shadow`, `sudoers*`, `ssh`, `ssl/private`, `docker`,"
            + " `kubernetes`, `cron*`, `systemd`, ...) with everything below them; any folder above"
            + " one of them (`/etc`, `/var/lib`, `/usr`, `/dev`); the public files of"
            + " `is_public_host_file`. An application's own folder (`/etc/pihole`) is not one."
            + " Normalised, `/var/run` read as `/run`.",
        "($ in c.mounts if $.type == 'bind' && is_host_system_path($.source)).size() > 0");
    add(
        "is_public_host_file",
        List.of("path"),
        "bool",
        HostPaths.class,
        "isPublicHostFile",
        "KC-031@2: a file any host user may read, harmless read-only: `/etc/os-release`,"
            + " `/usr/lib/os-release`, `/etc/lsb-release`, `/etc/localtime`, `/etc/timezone`,"
            + " `/etc/passwd`, `/etc/group`, `/etc/hostname`, `/etc/hosts`, `/etc/resolv.conf`,"
            + " `/etc/machine-id`.",
        "($ in c.mounts if $.read_only && is_public_host_file($.source)).size() > 0");
    add(
        "is_host_control_socket",
        List.of("path"),
        "bool",
        HostPaths.class,
        "isHostControlSocket",
        "KC-030@2: a socket that controls containers or VMs on the host, or its folder: Docker"
            + " (rootless, Docker Desktop: any `docker.sock`), containerd (k3s and rke2:"
            + " `/run/k3s/containerd/containerd.sock`), CRI-O, Podman (rootful and rootless),"
            + " libvirt (`/run/libvirt`), `/run/user/<uid>`, `/run`; `/var/run` read as `/run`.",
        "($ in c.mounts if is_host_control_socket($.source)).size() > 0");
    add(
        "is_raw_host_device",
        List.of("path"),
        "bool",
        HostPaths.class,
        "isRawHostDevice",
        "KC-033@2: `/dev/mem`, `/dev/kmem`, `/dev/port`, or a disk or partition (`/dev/sd*`,"
            + " `/dev/hd*`, `/dev/vd*`, `/dev/xvd*`, `/dev/nvme*`, `/dev/mmcblk*`, `/dev/dm-*`,"
            + " `/dev/md*`, `/dev/mapper/*`, `/dev/disk/...`).",
        "($ in c.devices if is_raw_host_device($.source)).size() > 0");
    add(
        "is_root_user",
        List.of("user"),
        "bool",
        UserFunctions.class,
        "isRootUser",
        "KC-002: `root`, `0`, `0:<group>` or `root:<group>`; null is false.",
        "is_root_user(c.user)");
    add(
        "is_valid_security_opt",
        List.of("raw"),
        "bool",
        SecurityOptFunctions.class,
        "isValidSecurityOpt",
        "KC-024: a known key (`no-new-privileges`, `seccomp`, `apparmor`, `label`,"
            + " `systempaths`, `credentialspec`) with a value Docker reads as written.",
        "($ in c.security_opt if !is_valid_security_opt($)).size() > 0");
    add(
        "is_safe_sysctl",
        List.of("name"),
        "bool",
        SysctlFunctions.class,
        "isSafeSysctl",
        "KC-053@1 (rule sets 1.0.0): the sysctl is on the namespaced safe list.",
        "($ in c.sysctls if !is_safe_sysctl($.name)).size() > 0");
    add(
        "is_namespaced_sysctl",
        List.of("name", "network_mode", "ipc"),
        "bool",
        SysctlFunctions.class,
        "isNamespacedSysctl",
        "KC-053@2: Docker sets the sysctl in the container's own namespace: `net.*` unless"
            + " the network mode is `host`; `kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`,"
            + " `kernel.sem`, `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`,"
            + " `kernel.shm_rmid_forced`, `fs.mqueue.*` unless the IPC mode is `host`. Docker"
            + " refuses any other.",
        "($ in c.sysctls if !is_namespaced_sysctl($.name, c.network_mode, c.ipc)).size() > 0");
    add(
        "looks_secret",
        List.of("name"),
        "bool",
        SecretFunctions.class,
        "looksSecret",
        "KC-063: the variable name contains PASSWORD, PASSWD, SECRET, TOKEN, API_KEY,"
            + " PRIVATE_KEY, ACCESS_KEY or CREDENTIALS (any case) and does not end in `_FILE`.",
        "($ in c.environment if looks_secret($.name) && $.value != null).size() > 0");
    add(
        "has_url_credentials",
        List.of("value"),
        "bool",
        SecretFunctions.class,
        "hasUrlCredentials",
        "KC-063@2: the value holds a URL carrying a credential: a password in its user"
            + " information (`postgres://user:pass@db/x`), a notification URL that is a token"
            + " (`slack://token-a/token-b/token-c`, `discord://token@id`), a Slack or Discord"
            + " webhook, or a query parameter named like a secret (`?token=`); `${VAR}`, `$VAR`"
            + " and `<...>` placeholders are not credentials.",
        "($ in c.environment if has_url_credentials($.value)).size() > 0");
    add(
        "spell",
        List.of("format", "field", "value"),
        "string",
        Spellings.class,
        "spell",
        "For messages: the setting `field` (a canonical field name) with `value` as the input"
            + " format writes it: `--privileged`, `--net=host`, `--cap-add SYS_ADMIN`, `-v a:b` for"
            + " `docker-run`; `privileged: true`, `network_mode: host`, `cap_add: [SYS_ADMIN]` for"
            + " `compose`; `HostConfig.Privileged: true`, `HostConfig.NetworkMode: \"host\"` for"
            + " `engine-api`; `field: value` otherwise. Pass `c.format`.",
        "spell(c.format, 'network_mode', c.network_mode)");
  }

  private Helpers() {}

  private static void add(
      String name,
      List<String> params,
      String result,
      Class<?> impl,
      String method,
      String description,
      String example) {
    Class<?>[] types = new Class<?>[params.size()];
    java.util.Arrays.fill(types, String.class);
    try {
      BY_NAME.put(
          name,
          new HelperSpec(
              name, params, result, description, example, impl.getMethod(method, types)));
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Every helper, in documentation order. */
  public static List<HelperSpec> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** The helper a rule calls {@code name}, if registered. */
  public static Optional<HelperSpec> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The name MVEL sees: rules cannot type it because only registered names are roots. */
  static String internalName(HelperSpec spec) {
    return INTERNAL_PREFIX + spec.name();
  }

  /** The helpers table of {@code docs/rule-language.md}, generated so it cannot go stale. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| function | what it answers | example |\n");
    sb.append("| --- | --- | --- |\n");
    for (HelperSpec h : BY_NAME.values()) {
      sb.append("| `").append(h.signature()).append("` → ").append(h.result());
      sb.append(" | ").append(h.description());
      sb.append(" | `").append(h.example()).append("` |\n");
    }
    return sb.toString();
  }
}
