package dev.keycard.engine;

import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import java.util.List;
import java.util.Map;

/** Container variants shared by the engine tests, built from the canonical model. */
final class Containers {
  private Containers() {}

  /** A risky container: privileged, root, docker.sock and /etc mounted, SSH published. */
  static Container risky() {
    Container.Builder b = Container.builder();
    b.name = "web";
    b.image = "docker.io/library/nginx:latest";
    b.user = "root";
    b.privileged = true;
    b.capAdd.addAll(List.of("NET_ADMIN", "SYS_ADMIN", "CHOWN"));
    b.securityOpt.addAll(List.of("seccomp=unconfined", "label:disable", "bogus=1"));
    b.seccomp = "unconfined";
    b.memory = 0L;
    b.pidsLimit = 5_000_000_000L;
    b.cpus = 1.5;
    b.networkMode = "host";
    b.mounts.add(new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, null));
    b.mounts.add(new Mount("bind", "/etc", "/host-etc", false, "rshared"));
    b.mounts.add(new Mount("bind", "/etc/localtime", "/etc/localtime", true, null));
    b.devices.add(new Device("/dev/sda", "/dev/sda", "rwm"));
    b.ports.add(new Port(null, 22, null, 22, null, "tcp"));
    b.ports.add(new Port("0.0.0.0", 8080, null, 80, null, "tcp"));
    b.sysctls.add(new Sysctl("kernel.msgmax", "65536"));
    b.environment.add(new EnvVar("DB_PASSWORD", "hunter2"));
    b.environment.add(new EnvVar("DB_PASSWORD_FILE", "/run/secrets/db"));
    b.environment.add(new EnvVar("MODE", "prod"));
    b.command = List.of("nginx", "-g", "daemon off;");
    b.unknown("user");
    return b.build();
  }

  /** A hardened container: non-root, read-only, all caps dropped, limits set. */
  static Container hardened() {
    Container.Builder b = Container.builder();
    b.name = "api";
    b.image = "ghcr.io/acme/api:1.2.3";
    b.user = "1000:1000";
    b.capDrop.add("ALL");
    b.capAdd.add("NET_BIND_SERVICE");
    b.readOnly = true;
    b.securityOpt.add("no-new-privileges:true");
    b.noNewPrivileges = true;
    b.memory = 536870912L;
    b.pidsLimit = 100L;
    b.mounts.add(new Mount("volume", "data", "/data", false, null));
    b.ports.add(new Port("127.0.0.1", 8443, null, 8443, null, "tcp"));
    b.healthcheck = new Healthcheck(List.of("CMD", "curl", "-f", "http://localhost/"), false);
    b.restartPolicy = "on-failure";
    b.restartMaxRetries = 5;
    return b.build();
  }

  /** Everything absent. */
  static Container empty() {
    return Container.builder().build();
  }

  static List<Map<String, Object>> frozenVariants() {
    return List.of(
        FrozenModel.freeze(risky()), FrozenModel.freeze(hardened()), FrozenModel.freeze(empty()));
  }
}
