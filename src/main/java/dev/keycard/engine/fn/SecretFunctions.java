package dev.keycard.engine.fn;

import java.util.List;
import java.util.Locale;

/** Environment variable names that usually hold credentials (KC-063). */
public final class SecretFunctions {
  private static final List<String> MARKERS =
      List.of(
          "PASSWORD",
          "PASSWD",
          "SECRET",
          "TOKEN",
          "API_KEY",
          "PRIVATE_KEY",
          "ACCESS_KEY",
          "CREDENTIALS");

  private SecretFunctions() {}

  /**
   * True when the name contains a marker (any case, {@code -} and {@code .} read as {@code _}),
   * except names ending in {@code _FILE}, which by convention hold a path to the secret.
   */
  public static boolean looksSecret(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    if (n.endsWith("_FILE")) {
      return false;
    }
    for (String marker : MARKERS) {
      if (n.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
