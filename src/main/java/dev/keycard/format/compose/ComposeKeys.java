package dev.keycard.format.compose;

import dev.keycard.remediation.RenderValues;
import java.util.Map;
import java.util.Set;

/**
 * Canonical fields as compose service keys, the keys whose value a {@code set} may rewrite in
 * place, and how each value is typed in the document.
 */
final class ComposeKeys {
  private ComposeKeys() {}

  private static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("memory", "mem_limit"),
          Map.entry("userns", "userns_mode"),
          Map.entry("cgroupns", "cgroup"),
          Map.entry("restart_policy", "restart"),
          Map.entry("mounts", "volumes"));

  private static final Map<String, Set<String>> SETTABLE =
      Map.of(
          "memory", Set.of("mem_limit", "memory"),
          "cpus", Set.of("cpus"),
          "pids_limit", Set.of("pids_limit", "pids"),
          "restart_policy", Set.of("restart"));

  private static final Set<String> BOOLEANS =
      Set.of("read_only", "privileged", "oom_kill_disable", "publish_all");

  /** The service key for a canonical field. */
  static String key(String field) {
    return KEYS.getOrDefault(field, field);
  }

  /** Whether a value located at a key named {@code key} may be rewritten to set {@code field}. */
  static boolean settableAt(String field, String key) {
    return SETTABLE.getOrDefault(field, Set.of(key(field))).contains(key);
  }

  static boolean isBoolean(String field) {
    return BOOLEANS.contains(field);
  }

  /** The value as the compose document holds it. */
  static Object value(String field, Object v) {
    return switch (field) {
      case "memory", "memory_reservation" -> RenderValues.size(v);
      case "cpus" -> RenderValues.cpus(v);
      case "pids_limit" ->
          v instanceof Number n ? (Object) n.longValue() : Long.parseLong(String.valueOf(v));
      case "user", "restart_policy" -> String.valueOf(v);
      default -> BOOLEANS.contains(field) && v instanceof String s ? Boolean.parseBoolean(s) : v;
    };
  }

  /** The value that switches a boolean setting off, or null for settings without one. */
  static Object neutral(String field) {
    return BOOLEANS.contains(field) ? Boolean.FALSE : null;
  }
}
