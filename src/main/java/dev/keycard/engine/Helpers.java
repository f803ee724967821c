package dev.keycard.engine;

import dev.keycard.engine.fn.CapabilityFunctions;
import dev.keycard.engine.fn.PathFunctions;
import dev.keycard.engine.fn.SecretFunctions;
import dev.keycard.engine.fn.SecurityOptFunctions;
import dev.keycard.engine.fn.SizeFunctions;
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
        "KC-031: `/`, `/dev`, `/lib`, `/usr`, or `/etc`, `/root`, `/boot`, `/proc`, `/sys`,"
            + " `/var/lib/docker` and anything below them (normalised).",
        "($ in c.mounts if $.type == 'bind' && is_sensitive_path($.source)).size() > 0");
    add(
        "is_runtime_socket",
        List.of("path"),
        "bool",
        PathFunctions.class,
        "isRuntimeSocket",
        "KC-030: a Docker, containerd, CRI-O or Podman socket (also rootless), its folder,"
            + " or `/run`, `/var/run`.",
        "($ in c.mounts if is_runtime_socket($.source)).size() > 0");
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
        "KC-053: the sysctl is on the namespaced safe list.",
        "($ in c.sysctls if !is_safe_sysctl($.name)).size() > 0");
    add(
        "looks_secret",
        List.of("name"),
        "bool",
        SecretFunctions.class,
        "looksSecret",
        "KC-063: the variable name contains PASSWORD, PASSWD, SECRET, TOKEN, API_KEY,"
            + " PRIVATE_KEY, ACCESS_KEY or CREDENTIALS (any case) and does not end in `_FILE`.",
        "($ in c.environment if looks_secret($.name) && $.value != null).size() > 0");
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
