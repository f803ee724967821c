package dev.keycard.engine.fn;

import com.google.re2j.Pattern;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Host paths: lexical normalisation, containment, sensitive folders and runtime sockets. */
public final class PathFunctions {
  /** KC-031: these paths and everything below them. */
  private static final List<String> SENSITIVE_TREES =
      List.of("/etc", "/root", "/boot", "/proc", "/sys", "/var/lib/docker");

  /** KC-031: only these exact paths (their children are ordinary). */
  private static final List<String> SENSITIVE_EXACT = List.of("/", "/dev", "/lib", "/usr");

  /** KC-030: runtime sockets and the folders holding them. */
  private static final List<String> RUNTIME_SOCKETS =
      List.of(
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/var/run",
          "/run",
          "/run/containerd/containerd.sock",
          "/var/run/containerd/containerd.sock",
          "/run/containerd",
          "/var/run/containerd",
          "/run/crio/crio.sock",
          "/var/run/crio/crio.sock",
          "/run/crio",
          "/var/run/crio",
          "/run/podman/podman.sock",
          "/var/run/podman/podman.sock",
          "/run/podman",
          "/var/run/podman");

  /** Rootless daemons: {@code /run/user/1000/docker.sock}, {@code .../podman/podman.sock}. */
  private static final Pattern ROOTLESS_SOCKET =
      Pattern.compile("^/run/user/\\d+/(docker\\.sock|podman(/podman\\.sock)?)$");

  private PathFunctions() {}

  /**
   * Go's {@code path.Clean}, which Docker cleans mount paths with: repeated and trailing slashes
   * removed, {@code .} dropped, {@code ..} resolved (never above the root, kept at the start of a
   * relative path), and {@code .} for an empty result. Null stays null.
   */
  public static String normalize(String path) {
    if (path == null) {
      return null;
    }
    if (isNormal(path)) {
      return path; // most paths are written normalised: skip splitting and joining them
    }
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!absolute) {
          parts.addLast(part);
        }
      } else {
        parts.addLast(part);
      }
    }
    String joined = String.join("/", parts);
    return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  /**
   * Whether {@link #normalize} would return {@code path} unchanged: not empty, no empty, {@code .}
   * or {@code ..} segment and no trailing slash (the root itself aside).
   */
  static boolean isNormal(String path) {
    int n = path.length();
    if (n == 0) {
      return false; // cleans to "."
    }
    if (n > 1 && path.charAt(n - 1) == '/') {
      return false;
    }
    int segment = path.startsWith("/") ? 1 : 0;
    for (int i = segment; i <= n; i++) {
      if (i == n || path.charAt(i) == '/') {
        int len = i - segment;
        if (i < n && len == 0) {
          return false; // "//"
        }
        if ((len == 1 || len == 2) && path.startsWith(len == 1 ? "." : "..", segment)) {
          return false;
        }
        segment = i + 1;
      }
    }
    return true;
  }

  /** True when {@code path} equals {@code prefix} or lies below it, after normalising both. */
  public static boolean pathUnder(String path, String prefix) {
    Text.read(path, prefix);
    if (path == null || prefix == null) {
      return false;
    }
    return under(normalize(path), normalize(prefix));
  }

  /** {@link #pathUnder} of two normalised paths. */
  private static boolean under(String p, String q) {
    if (p.startsWith("/") != q.startsWith("/")) {
      return false;
    }
    if (q.equals("/") || p.equals(q)) {
      return true;
    }
    return !q.isEmpty() && p.startsWith(q + "/");
  }

  /**
   * KC-031: {@code /}, {@code /dev}, {@code /lib}, {@code /usr} themselves, and {@code /etc},
   * {@code /root}, {@code /boot}, {@code /proc}, {@code /sys}, {@code /var/lib/docker} and anything
   * below them. The rule itself exempts read-only {@code /etc/localtime} and {@code /etc/timezone}.
   */
  public static boolean isSensitivePath(String path) {
    Text.read(path);
    if (path == null || !path.startsWith("/")) {
      return false;
    }
    String p = normalize(path);
    if (SENSITIVE_EXACT.contains(p)) {
      return true;
    }
    for (String tree : SENSITIVE_TREES) {
      if (under(p, tree)) { // both normalised already
        return true;
      }
    }
    return false;
  }

  /** KC-030: a Docker, containerd, CRI-O or Podman socket, a folder of one, or /run, /var/run. */
  public static boolean isRuntimeSocket(String path) {
    Text.read(path);
    if (path == null) {
      return false;
    }
    String p = normalize(path);
    return RUNTIME_SOCKETS.contains(p)
        || (p.startsWith("/run/user/") && ROOTLESS_SOCKET.matcher(p).matches());
  }
}
