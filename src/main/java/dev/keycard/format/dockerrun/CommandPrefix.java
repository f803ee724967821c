package dev.keycard.format.dockerrun;

import dev.keycard.input.Diagnostics;
import java.util.List;
import java.util.Set;

/**
 * Recognises how a pasted command reaches {@code run}: {@code NAME=value} assignments, {@code sudo}
 * with its options, {@code env}, then {@code docker} (or {@code podman}, or a path ending in {@code
 * /docker}), the global options before the command, and {@code run} | {@code create} | {@code
 * container run} | {@code container create}.
 */
final class CommandPrefix {
  /**
   * A recognised invocation: dialect, whether it is {@code create}, and where its options start.
   */
  record Invocation(boolean podman, boolean create, int argsStart, String command) {}

  private static final Set<String> SUDO_LONG_WITH_VALUE =
      Set.of(
          "--user",
          "--group",
          "--close-from",
          "--host",
          "--prompt",
          "--role",
          "--type",
          "--other-user",
          "--chdir",
          "--command-timeout",
          "--chroot");
  private static final String SUDO_SHORT_WITH_VALUE = "ugCDpRrTtU";

  private CommandPrefix() {}

  /** The invocation, or null when the words are not a {@code docker run}-like command. */
  static Invocation find(List<Piece> words, Diagnostics sink) {
    int n = words.size();
    int i = 0;
    while (i < n) {
      String t = words.get(i).text();
      if (isAssignment(t)) {
        i++;
      } else if (t.equals("sudo") || t.endsWith("/sudo") || t.equals("doas")) {
        i = skipSudo(words, i + 1);
      } else if (t.equals("env") || t.endsWith("/env")) {
        i++;
        while (i < n && words.get(i).text().startsWith("-") && words.get(i).text().length() > 1) {
          i++;
        }
      } else {
        break;
      }
    }
    if (i >= n) {
      return null;
    }
    String program = basename(words.get(i).text());
    boolean podman = program.equals("podman");
    if (!podman && !program.equals("docker")) {
      return null;
    }
    FlagTable global = podman ? FlagTable.podmanGlobal() : FlagTable.dockerGlobal();
    Pflag.Result globals = Pflag.parse(words, i + 1, global, sink);
    if (globals.failed()) {
      return null;
    }
    i = globals.positional();
    String display = program;
    if (i < n && words.get(i).text().equals("container")) {
      i++;
      display += " container";
    }
    if (i >= n) {
      return null;
    }
    String sub = words.get(i).text();
    if (!sub.equals("run") && !sub.equals("create")) {
      return null;
    }
    return new Invocation(podman, sub.equals("create"), i + 1, display + " " + sub);
  }

  static boolean isAssignment(String t) {
    int eq = t.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    for (int k = 0; k < eq; k++) {
      char c = t.charAt(k);
      boolean ok = c == '_' || (c < 128 && Character.isLetterOrDigit(c));
      if (!ok || (k == 0 && Character.isDigit(c))) {
        return false;
      }
    }
    return true;
  }

  private static String basename(String t) {
    String b = t.substring(t.lastIndexOf('/') + 1);
    b = b.substring(b.lastIndexOf('\\') + 1);
    return b.endsWith(".exe") ? b.substring(0, b.length() - 4) : b;
  }

  private static int skipSudo(List<Piece> words, int i) {
    int n = words.size();
    while (i < n) {
      String t = words.get(i).text();
      if (t.equals("--")) {
        return i + 1;
      }
      if (!t.startsWith("-") || t.length() < 2) {
        return i;
      }
      if (t.startsWith("--")) {
        i += !t.contains("=") && SUDO_LONG_WITH_VALUE.contains(t) ? 2 : 1;
        continue;
      }
      int next = i + 1;
      for (int k = 1; k < t.length(); k++) {
        if (SUDO_SHORT_WITH_VALUE.indexOf(t.charAt(k)) >= 0) {
          next = k + 1 < t.length() ? i + 1 : i + 2;
          break;
        }
      }
      i = next;
    }
    return i;
  }
}
