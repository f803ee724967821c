package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Path normalisation is Go's {@code path.Clean}, which Docker cleans mount paths with. */
class PathFunctionsTest {
  /**
   * {@code cleantests} from golang/go src/path/path_test.go (commit
   * 11d83d11ca2eca9d542036cf5e23559388fd323e), pasted verbatim.
   */
  private static final String CLEANTESTS =
"""
	// Already clean
	{"", "."},
	{"abc", "abc"},
	{"abc/def", "abc/def"},
	{"a/b/c", "a/b/c"},
	{".", "."},
	{"..", ".."},
	{"../..", "../.."},
	{"../../abc", "../../abc"},
	{"/abc", "/abc"},
	{"/", "/"},

	// Remove trailing slash
	{"abc/", "abc"},
	{"abc/def/", "abc/def"},
	{"a/b/c/", "a/b/c"},
	{"./", "."},
	{"../", ".."},
	{"../../", "../.."},
	{"/abc/", "/abc"},

	// Remove doubled slash
	{"abc//def//ghi", "abc/def/ghi"},
	{"//abc", "/abc"},
	{"///abc", "/abc"},
	{"//abc//", "/abc"},
	{"abc//", "abc"},

	// Remove . elements
	{"abc/./def", "abc/def"},
	{"/./abc/def", "/abc/def"},
	{"abc/.", "abc"},

	// Remove .. elements
	{"abc/def/ghi/../jkl", "abc/def/jkl"},
	{"abc/def/../ghi/../jkl", "abc/jkl"},
	{"abc/def/..", "abc"},
	{"abc/def/../..", "."},
	{"/abc/def/../..", "/"},
	{"abc/def/../../..", ".."},
	{"/abc/def/../../..", "/"},
	{"abc/def/../../../ghi/jkl/../../../mno", "../../mno"},

	// Combinations
	{"abc/./../def", "def"},
	{"abc//./../def", "def"},
	{"abc/../../././../def", "../../def"},
""";

  private static final Pattern ROW = Pattern.compile("\\s*\\{\"(.*)\", \"(.*)\"},");

  static Stream<Arguments> cleantests() {
    return CLEANTESTS
        .lines()
        .map(ROW::matcher)
        .filter(Matcher::matches)
        .map(m -> Arguments.of(m.group(1), m.group(2)));
  }

  /** As Go's TestClean: the table's answer, and a clean path cleans to itself. */
  @ParameterizedTest(name = "Clean(\"{0}\") = \"{1}\"")
  @MethodSource("cleantests")
  void normalize_answersGosCleanTable(String path, String clean) {
    assertThat(PathFunctions.normalize(path)).isEqualTo(clean);
    assertThat(PathFunctions.normalize(clean)).isEqualTo(clean);
  }

  @Test
  void cleantests_areAllRead() {
    assertThat(cleantests()).hasSize(36);
  }

  /**
   * Go's Clean is idempotent and its result has no empty, {@code .} or inner {@code ..} element:
   * checked on random paths, which also drive the shortcut for already-clean paths.
   */
  @Test
  void normalize_onRandomPaths_isACleanFixedPoint() {
    Random r = new Random(5);
    String[] pieces = {"/", "/", "a", "b", ".", "..", "etc", "run", ".x", "x.", "..."};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(7);
      for (int k = 0; k < n; k++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String p = b.toString();
      String c = PathFunctions.normalize(p);
      assertThat(PathFunctions.normalize(c)).as(p).isEqualTo(c);
      assertThat(c).as(p).isNotEmpty().doesNotContain("//").doesNotContain("/./");
      assertThat(c.equals("/") || !c.endsWith("/")).as(p).isTrue();
      assertThat(c.startsWith("/")).as(p).isEqualTo(p.startsWith("/"));
      String inner = c.replaceFirst("^(\\.\\./)*(\\.\\.$)?", "");
      assertThat(("/" + inner + "/").contains("/../")).as(p + " → " + c).isFalse();
      if (PathFunctions.isNormal(p)) {
        assertThat(c).as(p).isEqualTo(p);
      }
    }
  }

  /**
   * KC-031's sensitive host paths and KC-030's runtime sockets, as the rule pages define them:
   * {@code /}, {@code /dev}, {@code /lib}, {@code /usr} themselves, and {@code /etc}, {@code
   * /root}, {@code /boot}, {@code /proc}, {@code /sys}, {@code /var/lib/docker} with everything
   * below; Docker, containerd, CRI-O and Podman sockets and their folders, {@code /run}, {@code
   * /var/run}, and rootless sockets under {@code /run/user/<uid>}.
   */
  @ParameterizedTest(name = "{0}: sensitive={1} socket={2}")
  @CsvSource({
    "/etc, true, false",
    "/etc/, true, false",
    "/etc/passwd, true, false",
    "/etcetera, false, false",
    "/, true, false",
    "/dev, true, false",
    "/dev/null, false, false",
    "/usr, true, false",
    "/usr/lib, false, false",
    "/lib, true, false",
    "/root/.ssh, true, false",
    "/boot, true, false",
    "/proc/1/root, true, false",
    "/sys/fs/cgroup, true, false",
    "/var/lib/docker/x, true, false",
    "/var/lib/dockerx, false, false",
    "/a/../etc/shadow, true, false",
    "//proc, true, false",
    "/run/user/1000/docker.sock, false, true",
    "/run/user/1000/podman, false, true",
    "/run/user/1000/podman/podman.sock, false, true",
    "/run/user/x/docker.sock, false, false",
    "/var/run/docker.sock, false, true",
    "/var/run/../run/docker.sock, false, true",
    "/run/docker.sock/, false, true",
    "/run, false, true",
    "/var/run, false, true",
    "/run/containerd/containerd.sock, false, true",
    "/var/run/crio, false, true",
    "/run/podman/podman.sock, false, true",
    "/data, false, false",
    "./etc, false, false",
    "etc, false, false",
    "'', false, false",
  })
  void sensitiveAndSocketChecks(String path, boolean sensitive, boolean socket) {
    assertThat(PathFunctions.isSensitivePath(path)).isEqualTo(sensitive);
    assertThat(PathFunctions.isRuntimeSocket(path)).isEqualTo(socket);
  }

  @ParameterizedTest(name = "pathUnder({0}, {1}) = {2}")
  @CsvSource({
    "/etc/passwd, /etc, true",
    "/etc, /etc/, true",
    "/etcetera, /etc, false",
    "/a/b/../../etc/x, /etc, true",
    "/anything, /, true",
    "etc/x, /etc, false",
    "a/b, a, true",
    "a, a/.., false",
  })
  void pathUnder_cleansBothSides(String path, String prefix, boolean under) {
    assertThat(PathFunctions.pathUnder(path, prefix)).isEqualTo(under);
  }
}
