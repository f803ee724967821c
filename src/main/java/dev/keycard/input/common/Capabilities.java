package dev.keycard.input.common;

import java.util.Locale;

/** Capability names as the daemon compares them: upper case, without {@code CAP_}. */
public final class Capabilities {
  private Capabilities() {}

  public static String normalize(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    return n.startsWith("CAP_") ? n.substring(4) : n;
  }
}
