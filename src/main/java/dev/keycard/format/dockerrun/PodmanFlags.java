package dev.keycard.format.dockerrun;

import dev.keycard.format.dockerrun.FlagSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Podman's dialect of {@code run}/{@code create} (containers/podman {@code
 * cmd/podman/common/create.go}, {@code cmd/podman/utils/alias.go}): docker's flags, podman's own
 * extra flags and its {@code --healthcheck-*} aliases. A quick look only; unknown podman flags are
 * reported as warnings.
 */
final class PodmanFlags {
  /** Podman list flags that are pflag {@code StringSlice}s, which do split on commas. */
  static final Set<String> COMMA_SPLIT =
      Set.of(
          "--cap-add",
          "--cap-drop",
          "--expose",
          "--log-opt",
          "--env-file",
          "--device-cgroup-rule",
          "--group-add",
          "--annotation",
          "--attach");

  private PodmanFlags() {}

  static List<FlagSpec> all() {
    List<FlagSpec> flags = new ArrayList<>(DockerFlags.RUN);
    for (String b :
        List.of(
            "--rmi",
            "--read-only-tmpfs",
            "--env-host",
            "--http-proxy",
            "--passwd",
            "--replace",
            "--rootfs",
            "--no-hosts",
            "--tls-verify",
            "--env-merge",
            "--privileged-tmpfs")) {
      flags.add(FlagSpec.bool(b));
    }
    for (String s :
        List.of(
            "--pod",
            "--pod-id-file",
            "--requires",
            "--secret",
            "--unsetenv",
            "--health-on-failure",
            "--health-startup-cmd",
            "--health-startup-interval",
            "--health-startup-retries",
            "--health-startup-success",
            "--health-startup-timeout",
            "--health-log-destination",
            "--health-max-log-count",
            "--health-max-log-size",
            "--arch",
            "--os",
            "--variant",
            "--sdnotify",
            "--cgroups",
            "--preserve-fds",
            "--preserve-fd",
            "--uidmap",
            "--gidmap",
            "--subuidname",
            "--subgidname",
            "--systemd",
            "--timezone",
            "--umask",
            "--hostuser",
            "--chrootdirs",
            "--init-path",
            "--personality",
            "--pidfile",
            "--seccomp-policy",
            "--shm-size-systemd",
            "--image-volume",
            "--authfile",
            "--cert-dir",
            "--creds",
            "--decryption-key",
            "--conmon-pidfile",
            "--infra-conmon-pidfile",
            "--retry",
            "--retry-delay",
            "--blkio-weight-device",
            "--mac-address",
            "--hosts-file",
            "--gpus",
            "--label-file")) {
      if (flags.stream().noneMatch(f -> f.name().equals(s))) {
        flags.add(FlagSpec.string(s));
      }
    }
    alias(flags, "--healthcheck-command", "--health-cmd");
    alias(flags, "--healthcheck-interval", "--health-interval");
    alias(flags, "--healthcheck-retries", "--health-retries");
    alias(flags, "--healthcheck-start-period", "--health-start-period");
    alias(flags, "--healthcheck-timeout", "--health-timeout");
    return flags;
  }

  private static void alias(List<FlagSpec> flags, String alias, String of) {
    // podman's --health-* are strings, so an alias of a duration flag still takes a value
    flags.add(new FlagSpec(alias, FlagSpec.NO_SHORTHAND, Type.STRING, of, false));
  }
}
