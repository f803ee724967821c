package dev.keycard.engine.fn;

import dev.keycard.input.common.GoBool;
import dev.keycard.input.common.SecurityOptions;
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
    if (raw == null || raw.isBlank()) {
      return false;
    }
    String key = SecurityOptions.key(raw);
    String value = SecurityOptions.value(raw);
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
