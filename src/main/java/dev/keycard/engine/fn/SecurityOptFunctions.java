package dev.keycard.engine.fn;

import dev.keycard.input.common.GoBool;
import java.util.List;

/** Security options ({@code --security-opt}) as the Docker daemon validates them (KC-024). */
public final class SecurityOptFunctions {
  private static final List<String> LABEL_PREFIXES =
      List.of("user:", "role:", "type:", "level:", "filetype:");

  private SecurityOptFunctions() {}

  /**
   * True when Docker accepts {@code raw} and reads it as written: a known key (no-new-privileges,
   * seccomp, apparmor, label, systempaths, credentialspec) with a value that key understands.
   */
  public static boolean isValidSecurityOpt(String raw) {
    Text.read(raw);
    if (raw == null || raw.isBlank()) {
      return false;
    }
    // Split and compare as the daemon does: at the first '=' if there is one, else at the first
    // ':', and keys are case-sensitive ("SECCOMP=unconfined" is rejected, not read as seccomp).
    int eq = raw.indexOf('=');
    int sep = eq >= 0 ? eq : raw.indexOf(':');
    String key = sep < 0 ? raw : raw.substring(0, sep);
    String value = sep < 0 ? null : raw.substring(sep + 1);
    switch (key) {
      case "no-new-privileges":
        return value == null || GoBool.parse(value.trim()).isPresent();
      case "seccomp":
        return value != null
            && (value.equals("unconfined") || value.equals("builtin") || value.endsWith(".json"));
      case "apparmor":
      case "credentialspec":
        return value != null && !value.isBlank();
      case "systempaths":
        return "unconfined".equals(value);
      case "label":
        if (value == null) {
          return false;
        }
        if (value.equals("disable") || value.equals("nested")) {
          return true;
        }
        return LABEL_PREFIXES.stream()
            .anyMatch(p -> value.startsWith(p) && value.length() > p.length());
      default:
        return false;
    }
  }
}
