package dev.keycard.input.common;

import dev.keycard.model.Container;
import dev.keycard.model.Field;
import dev.keycard.model.Origin;
import java.util.Locale;

/**
 * Security options as the daemon reads them: {@code key=value} or the legacy {@code key:value},
 * split at the first separator; a bare {@code no-new-privileges} means true. Fills the parsed
 * fields of the container and keeps the raw list.
 */
public final class SecurityOptions {
  private SecurityOptions() {}

  /** The key of an option ({@code seccomp} of {@code seccomp=unconfined}), lower case. */
  public static String key(String raw) {
    int sep = separator(raw);
    return (sep < 0 ? raw : raw.substring(0, sep)).trim().toLowerCase(Locale.ROOT);
  }

  /** The value of an option, or null when it has none. */
  public static String value(String raw) {
    int sep = separator(raw);
    return sep < 0 ? null : raw.substring(sep + 1);
  }

  private static int separator(String raw) {
    int eq = raw.indexOf('=');
    int colon = raw.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  /** Adds one option to the container, recording it at {@code security_opt[i]}. */
  public static void apply(Container.Builder b, String raw, Origin origin) {
    int index = b.securityOpt.size();
    b.securityOpt.add(raw);
    b.locate("security_opt[" + index + "]", origin);
    String key = key(raw);
    String value = value(raw);
    switch (key) {
      case "no-new-privileges" -> {
        b.noNewPrivileges = value == null ? Boolean.TRUE : GoBool.parse(value.trim()).orElse(null);
        b.locate(Field.NO_NEW_PRIVILEGES, origin);
      }
      case "seccomp" -> {
        b.seccomp = value;
        b.locate(Field.SECCOMP, origin);
      }
      case "apparmor" -> {
        b.apparmor = value;
        b.locate(Field.APPARMOR, origin);
      }
      case "label" -> {
        b.locate("selinux[" + b.selinux.size() + "]", origin);
        b.selinux.add(value == null ? "" : value);
      }
      case "systempaths" -> {
        b.systempaths = value;
        b.locate(Field.SYSTEMPATHS, origin);
      }
      default -> {
        // kept in the raw list only; KC-024 judges unknown keys
      }
    }
  }
}
