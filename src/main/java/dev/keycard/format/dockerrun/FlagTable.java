package dev.keycard.format.dockerrun;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The flags one command accepts, looked up by long name or by shorthand letter. */
final class FlagTable {
  private final Map<String, FlagSpec> byName = new HashMap<>();
  private final Map<Character, FlagSpec> byShorthand = new HashMap<>();

  FlagTable(List<FlagSpec> flags) {
    for (FlagSpec f : flags) {
      byName.put(f.name(), f);
      if (f.hasShorthand()) {
        byShorthand.put(f.shorthand(), f);
      }
    }
  }

  // Built once: a table never changes after construction, and every command line asks for one.
  private static final FlagTable DOCKER_RUN = dockerTable(false);
  private static final FlagTable DOCKER_CREATE = dockerTable(true);
  private static final FlagTable PODMAN = new FlagTable(PodmanFlags.all());
  private static final FlagTable DOCKER_GLOBAL = dockerGlobalTable();
  private static final FlagTable PODMAN_GLOBAL = podmanGlobalTable();

  /** {@code docker run} or {@code docker create} (which lacks the run-only flags). */
  static FlagTable docker(boolean create) {
    return create ? DOCKER_CREATE : DOCKER_RUN;
  }

  private static FlagTable dockerTable(boolean create) {
    return new FlagTable(DockerFlags.RUN.stream().filter(f -> !(create && f.runOnly())).toList());
  }

  /** Podman's {@code run}/{@code create}: docker's flags plus podman's own and its aliases. */
  static FlagTable podman() {
    return PODMAN;
  }

  /** The global options of {@code docker} before the command ({@code cli/flags/options.go}). */
  static FlagTable dockerGlobal() {
    return DOCKER_GLOBAL;
  }

  private static FlagTable dockerGlobalTable() {
    return new FlagTable(
        List.of(
            FlagSpec.string("--config"),
            new FlagSpec("--context", 'c', FlagSpec.Type.STRING, null, false),
            new FlagSpec("--debug", 'D', FlagSpec.Type.BOOL, null, false),
            new FlagSpec("--host", 'H', FlagSpec.Type.LIST, null, false),
            new FlagSpec("--log-level", 'l', FlagSpec.Type.STRING, null, false),
            FlagSpec.bool("--tls"),
            FlagSpec.string("--tlscacert"),
            FlagSpec.string("--tlscert"),
            FlagSpec.string("--tlskey"),
            FlagSpec.bool("--tlsverify"),
            new FlagSpec("--version", 'v', FlagSpec.Type.BOOL, null, false),
            new FlagSpec("--help", 'h', FlagSpec.Type.BOOL, null, false)));
  }

  /** A usable subset of podman's global options (unknown ones are reported, not fatal). */
  static FlagTable podmanGlobal() {
    return PODMAN_GLOBAL;
  }

  private static FlagTable podmanGlobalTable() {
    List<FlagSpec> flags = new java.util.ArrayList<>();
    for (String b :
        List.of(
            "--remote",
            "--transient-store",
            "--syslog",
            "--noout",
            "--debug",
            "--help",
            "--version")) {
      flags.add(FlagSpec.bool(b));
    }
    for (String s :
        List.of(
            "--log-level",
            "--url",
            "--connection",
            "--identity",
            "--root",
            "--runroot",
            "--storage-driver",
            "--storage-opt",
            "--cgroup-manager",
            "--events-backend",
            "--runtime",
            "--runtime-flag",
            "--tmpdir",
            "--network-cmd-path",
            "--conmon",
            "--module",
            "--imagestore",
            "--network-config-dir",
            "--ssh",
            "--config",
            "--hooks-dir",
            "--cni-config-dir")) {
      flags.add(FlagSpec.string(s));
    }
    return new FlagTable(flags);
  }

  FlagSpec byName(String name) {
    return byName.get(name);
  }

  FlagSpec byShorthand(char c) {
    return byShorthand.get(c);
  }

  int size() {
    return byName.size();
  }
}
