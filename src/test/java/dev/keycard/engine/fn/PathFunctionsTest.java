package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path normalisation's shortcut for already-normal paths changes no answer (a relative path that
 * starts with {@code ..} is normal but not taken by the shortcut, which is merely slower).
 */
class PathFunctionsTest {
  /** The normalisation as it was before the shortcut: split, resolve, join. */
  private static String reference(String path) {
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
    return absolute ? "/" + joined : joined;
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "/",
        "//",
        "///",
        ".",
        "..",
        "./",
        "../",
        "/.",
        "/..",
        "/./",
        "a",
        "a/",
        "/a",
        "/a/",
        "a/b",
        "/a/b",
        "/a//b",
        "/a/./b",
        "/a/../b",
        "a/..",
        "../a",
        "../../a",
        ".a",
        "..a",
        "a.",
        "a..",
        "/a/.b/..c/...",
        "/var/run/docker.sock",
        "/etc/",
        "/etc/../etc/passwd",
        "~/x"
      })
  void normalize_equalsTheSplittingNormalisation(String path) {
    assertThat(PathFunctions.normalize(path)).isEqualTo(reference(path));
    if (PathFunctions.isNormal(path)) {
      assertThat(reference(path)).isEqualTo(path);
    }
  }

  @Test
  void normalize_equalsTheSplittingNormalisation_onRandomPaths() {
    Random r = new Random(5);
    String[] pieces = {"/", "/", "a", "b", ".", "..", "etc", "run", ".x", "x.", "..."};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(7);
      for (int k = 0; k < n; k++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String p = b.toString();
      assertThat(PathFunctions.normalize(p)).as(p).isEqualTo(reference(p));
      if (PathFunctions.isNormal(p)) {
        assertThat(reference(p)).as(p).isEqualTo(p);
      }
    }
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "/etc",
        "/etc/",
        "/etc/passwd",
        "/etcetera",
        "/",
        "/dev",
        "/dev/null",
        "/usr",
        "/usr/lib",
        "/var/lib/docker/x",
        "/var/lib/dockerx",
        "/a/../etc/shadow",
        "//proc",
        "/run/user/1000/docker.sock",
        "/run/user/x/docker.sock",
        "/var/run/docker.sock",
        "/var/run/../run/docker.sock",
        "/run",
        "/data",
        "./etc",
        "etc"
      })
  void sensitiveAndSocketChecks_answerAsThroughPathUnder(String path) {
    String p = reference(path);
    boolean tree = false;
    for (String t : new String[] {"/etc", "/root", "/boot", "/proc", "/sys", "/var/lib/docker"}) {
      tree |= PathFunctions.pathUnder(p, t);
    }
    boolean sensitive =
        path.startsWith("/")
            && (java.util.List.of("/", "/dev", "/lib", "/usr").contains(p) || tree);
    assertThat(PathFunctions.isSensitivePath(path)).isEqualTo(sensitive);
    boolean socket =
        java.util.List.of(
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
                    "/var/run/podman")
                .contains(p)
            || p.matches("^/run/user/\\d+/(docker\\.sock|podman(/podman\\.sock)?)$");
    assertThat(PathFunctions.isRuntimeSocket(path)).isEqualTo(socket);
  }
}
