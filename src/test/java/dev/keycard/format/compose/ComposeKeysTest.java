package dev.keycard.format.compose;

import static dev.keycard.format.compose.Compose.service;
import static dev.keycard.format.compose.Compose.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Tmpfs;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each compose service key, in each of its syntaxes, lands in the canonical model. */
class ComposeKeysTest {

  static Arguments row(String name, String body, Function<Container, Object> get, Object want) {
    return Arguments.of(name, body, get, want);
  }

  static Stream<Arguments> keys() {
    return Stream.of(
        row("image", "image: nginx:1.25", Container::image, "nginx:1.25"),
        row(
            "user numeric",
            "user: '1000:1000'",
            c -> List.of(c.user(), c.uid(), c.gid()),
            List.of("1000:1000", 1000L, 1000L)),
        row("user name", "user: root", Container::uid, null),
        row("privileged true", "privileged: true", Container::privileged, true),
        row("privileged false", "privileged: false", Container::privileged, false),
        row("privileged yaml11 yes", "privileged: yes", Container::privileged, true),
        row("read_only", "read_only: true", Container::readOnly, true),
        row(
            "cap_add normalised",
            "cap_add: [cap_sys_admin, NET_ADMIN]",
            Container::capAdd,
            List.of("SYS_ADMIN", "NET_ADMIN")),
        row("cap_drop ALL", "cap_drop:\n  - ALL", Container::capDrop, List.of("ALL")),
        row(
            "security_opt both separators",
            "security_opt: ['no-new-privileges:true', 'seccomp=unconfined']",
            c -> List.of(c.noNewPrivileges(), c.seccomp()),
            List.of(true, "unconfined")),
        row("mem_limit units", "mem_limit: 512m", Container::memory, 512L * 1024 * 1024),
        row("mem_limit number is bytes", "mem_limit: 1048576", Container::memory, 1048576L),
        row("mem_reservation", "mem_reservation: 1g", Container::memoryReservation, 1L << 30),
        row("memswap_limit -1", "memswap_limit: -1", Container::memorySwap, -1L),
        row("memswap_limit '-1' string", "memswap_limit: '-1'", Container::memorySwap, -1L),
        row("mem_limit '.5g' (go-units)", "mem_limit: '.5g'", Container::memory, 512L << 20),
        row("mem_limit '1e3' (go-units)", "mem_limit: '1e3'", Container::memory, 1000L),
        row("mem_limit ' 512m' is refused", "mem_limit: ' 512m'", Container::memory, null),
        row("cpus number", "cpus: 0.5", Container::cpus, 0.5),
        row("cpus string", "cpus: '1.5'", Container::cpus, 1.5),
        row("cpu_shares", "cpu_shares: 512", Container::cpuShares, 512L),
        row(
            "cpu_quota and period",
            "cpu_quota: 50000\ncpu_period: 100000",
            c -> List.of(c.cpuQuota(), c.cpuPeriod()),
            List.of(50000L, 100000L)),
        row("pids_limit", "pids_limit: 100", Container::pidsLimit, 100L),
        row("oom_kill_disable", "oom_kill_disable: true", Container::oomKillDisable, true),
        row(
            "deploy limits",
            "deploy:\n  resources:\n    limits: {memory: 256M, cpus: '0.25', pids: 50}",
            c -> List.of(c.memory(), c.cpus(), c.pidsLimit()),
            List.of(256L << 20, 0.25, 50L)),
        row(
            "deploy limits win over service keys",
            "mem_limit: 1g\ndeploy:\n  resources:\n    limits:\n      memory: 512m",
            Container::memory,
            512L << 20),
        row(
            "deploy reservations",
            "deploy:\n  resources:\n    reservations: {memory: 64m}",
            Container::memoryReservation,
            64L << 20),
        row("network_mode host", "network_mode: host", Container::networkMode, "host"),
        row(
            "networks list",
            "networks: [front, back]",
            Container::networks,
            List.of("front", "back")),
        row(
            "networks map",
            "networks:\n  front:\n    aliases: [a]\n  back: {}",
            Container::networks,
            List.of("front", "back")),
        row(
            "namespaces",
            "pid: host\nipc: host\nuts: host\nuserns_mode: host\ncgroup: host",
            c -> List.of(c.pid(), c.ipc(), c.uts(), c.userns(), c.cgroupns()),
            List.of("host", "host", "host", "host", "host")),
        row("cgroup_parent", "cgroup_parent: m-executor", Container::cgroupParent, "m-executor"),
        row(
            "volume short bind ro",
            "volumes: ['/var/run/docker.sock:/var/run/docker.sock:ro']",
            Container::mounts,
            List.of(new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", true, null))),
        row(
            "volume short named",
            "volumes: ['data:/data']",
            Container::mounts,
            List.of(new Mount("volume", "data", "/data", false, null))),
        row(
            "volume short anonymous",
            "volumes: ['/cache']",
            Container::mounts,
            List.of(new Mount("volume", null, "/cache", false, null))),
        row(
            "volume long bind",
            "volumes:\n  - type: bind\n    source: /\n    target: /host\n"
                + "    read_only: true\n    bind:\n      propagation: rshared",
            Container::mounts,
            List.of(new Mount("bind", "/", "/host", true, "rshared"))),
        row(
            "volume long tmpfs",
            "volumes:\n  - type: tmpfs\n    target: /run",
            Container::mounts,
            List.of(new Mount("tmpfs", null, "/run", false, null))),
        row(
            "use_api_socket",
            "use_api_socket: true",
            Container::mounts,
            List.of(
                new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, null))),
        row("tmpfs string", "tmpfs: /run", Container::tmpfs, List.of(new Tmpfs("/run", null))),
        row(
            "tmpfs list with options",
            "tmpfs: ['/tmp:size=64m,noexec', /run]",
            Container::tmpfs,
            List.of(new Tmpfs("/tmp", "size=64m,noexec"), new Tmpfs("/run", null))),
        row(
            "devices short",
            "devices: ['/dev/fuse', '/dev/sda:/dev/xvda:r']",
            Container::devices,
            List.of(
                new Device("/dev/fuse", "/dev/fuse", "rwm"),
                new Device("/dev/sda", "/dev/xvda", "r"))),
        row(
            "devices long",
            "devices:\n  - source: /dev/kvm\n    target: /dev/kvm\n" + "    permissions: rw",
            Container::devices,
            List.of(new Device("/dev/kvm", "/dev/kvm", "rw"))),
        row(
            "device_cgroup_rules",
            "device_cgroup_rules: ['c 1:3 mr']",
            Container::deviceCgroupRules,
            List.of("c 1:3 mr")),
        row(
            "ports short string and bare integer",
            "ports:\n  - 22:22\n  - 80\n" + "  - 127.0.0.1:8000-8010:8000-8010/udp",
            Container::ports,
            List.of(
                new Port(null, 22, 22, 22, 22, "tcp"),
                new Port(null, null, null, 80, 80, "tcp"),
                new Port("127.0.0.1", 8000, 8010, 8000, 8010, "udp"))),
        row(
            "ports long",
            "ports:\n  - target: 80\n    published: '8080'\n    host_ip: 0.0.0.0\n"
                + "    protocol: tcp\n    mode: host\n  - target: 53\n    published: 5300-5301\n"
                + "    protocol: udp\n  - target: 443\n    published: 443",
            Container::ports,
            List.of(
                new Port("0.0.0.0", 8080, 8080, 80, 80, "tcp"),
                new Port(null, 5300, 5301, 53, 53, "udp"),
                new Port(null, 443, 443, 443, 443, "tcp"))),
        row(
            "sysctls map",
            "sysctls:\n  net.core.somaxconn: 1024",
            Container::sysctls,
            List.of(new Sysctl("net.core.somaxconn", "1024"))),
        row(
            "sysctls list",
            "sysctls: ['net.ipv4.ip_forward=1']",
            Container::sysctls,
            List.of(new Sysctl("net.ipv4.ip_forward", "1"))),
        row(
            "environment map",
            "environment:\n  A: '1'\n  B: two\n  C:",
            Container::environment,
            List.of(new EnvVar("A", "1"), new EnvVar("B", "two"), new EnvVar("C", null))),
        row(
            "environment list",
            "environment: ['A=1', 'B=x=y', C]",
            Container::environment,
            List.of(new EnvVar("A", "1"), new EnvVar("B", "x=y"), new EnvVar("C", null))),
        row(
            "environment name only is unknown",
            "environment: [SECRET]",
            Container::unknown,
            List.of("environment.SECRET")),
        row(
            "ulimits ignored",
            "ulimits:\n  nofile: {soft: 1, hard: 2}",
            Container::privileged,
            false),
        row("restart no", "restart: no", Container::restartPolicy, "no"),
        row("restart quoted no", "restart: 'no'", Container::restartPolicy, "no"),
        row(
            "restart unless-stopped",
            "restart: unless-stopped",
            Container::restartPolicy,
            "unless-stopped"),
        row(
            "restart on-failure:5",
            "restart: on-failure:5",
            c -> List.of(c.restartPolicy(), c.restartMaxRetries()),
            List.of("on-failure", 5)),
        row(
            "deploy restart_policy",
            "deploy:\n  restart_policy:\n    condition: on-failure\n" + "    max_attempts: 3",
            c -> List.of(c.restartPolicy(), c.restartMaxRetries()),
            List.of("on-failure", 3)),
        row(
            "deploy restart_policy any",
            "restart: 'no'\ndeploy:\n  restart_policy:\n" + "    condition: any",
            Container::restartPolicy,
            "always"),
        row(
            "healthcheck string",
            "healthcheck:\n  test: curl -f http://localhost",
            Container::healthcheck,
            new Healthcheck(List.of("CMD-SHELL", "curl -f http://localhost"), false)),
        row(
            "healthcheck list",
            "healthcheck:\n  test: [CMD, true]",
            Container::healthcheck,
            new Healthcheck(List.of("CMD", "true"), false)),
        row(
            "healthcheck disable",
            "healthcheck:\n  disable: true",
            Container::healthcheck,
            new Healthcheck(List.of(), true)),
        row(
            "healthcheck NONE",
            "healthcheck:\n  test: [NONE]",
            c -> c.healthcheck().disabled(),
            true),
        row(
            "command string shell-split",
            "command: sh -c \"echo 'a b'\" --x",
            Container::command,
            List.of("sh", "-c", "echo 'a b'", "--x")),
        row(
            "entrypoint list",
            "entrypoint: [/bin/sh, -c]",
            Container::entrypoint,
            List.of("/bin/sh", "-c")),
        row("build string", "build: .", Container::dockerfile, "Dockerfile"),
        row(
            "build dockerfile",
            "build:\n  context: .\n  dockerfile: Dockerfile.prod",
            Container::dockerfile,
            "Dockerfile.prod"),
        row("container_name ignored", "container_name: other", Container::name, "app"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void composeKey_isReadIntoModel(
      String name, String body, Function<Container, Object> get, Object want) {
    assertThat(get.apply(service(svc(body)))).isEqualTo(want);
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("privileged: maybe", "privileged"),
        Arguments.of("cap_add: 5", "cap_add"),
        Arguments.of("mem_limit: lots", "mem_limit"),
        Arguments.of("cpus: fast", "cpus"),
        Arguments.of("ports: ['99999:80']", "ports[0]"),
        Arguments.of("volumes: ['/a::/b']", "mounts[0]"),
        Arguments.of("restart: sometimes", "restart"),
        Arguments.of("healthcheck: yes", "healthcheck"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongType_warnsWithPositionAndLeavesFieldUnset(String body, String key) {
    ParsedInput in = Compose.parse(svc("image: x\n" + body));
    assertThat(in.errors()).isEmpty();
    assertThat(in.warnings()).hasSize(1);
    assertThat(in.warnings().get(0).span().start().line()).isEqualTo(4);
    Container c = in.containers().get(0);
    assertThat(c.privileged()).isFalse();
    assertThat(c.capAdd()).isEmpty();
    assertThat(c.memory()).isNull();
    assertThat(c.cpus()).isNull();
    assertThat(c.ports()).isEmpty();
    assertThat(c.mounts()).isEmpty();
    assertThat(c.restartPolicy()).isNull();
    assertThat(c.locations()).doesNotContainKey(key);
  }

  @Test
  void locations_pointToKeyAndValueOrListItem() {
    String yaml =
        svc("privileged: true\ncap_add:\n  - NET_ADMIN\n  - SYS_ADMIN\n" + "volumes:\n  - /:/host");
    ParsedInput in = Compose.parse(yaml);
    Container c = in.containers().get(0);
    assertThat(c.origin().path()).isEqualTo("/services/app");
    assertThat(Compose.text(in, c.origin().span())).isEqualTo("app");
    assertThat(c.locate("privileged").path()).isEqualTo("/services/app/privileged");
    assertThat(Compose.text(in, c.locate("privileged").span())).isEqualTo("privileged: true");
    assertThat(c.locate("cap_add[1]").path()).isEqualTo("/services/app/cap_add/1");
    assertThat(Compose.text(in, c.locate("cap_add[1]").span())).isEqualTo("SYS_ADMIN");
    assertThat(c.locate("mounts[0]").path()).isEqualTo("/services/app/volumes/0");
    assertThat(Compose.text(in, c.locate("mounts[0].source").span())).isEqualTo("/:/host");
    assertThat(c.locate("privileged").span().start().line()).isEqualTo(3);
    assertThat(c.locate("privileged").span().start().column()).isEqualTo(5);
  }

  @Test
  void pointer_escapesSlashAndTilde() {
    ParsedInput in = Compose.parse("services:\n  a/b~c:\n    privileged: true\n");
    assertThat(in.containers().get(0).locate("privileged").path())
        .isEqualTo("/services/a~1b~0c/privileged");
  }

  @Test
  void envFileIncludeAndExtendsFile_warnAndAreNeverRead() {
    String yaml =
        "include:\n  - ./other.yaml\nservices:\n  app:\n    image: x\n"
            + "    env_file: ./app.env\n    build: ./ctx\n    extends:\n      file: base.yaml\n"
            + "      service: base\n  b:\n    image: y\n    env_file:\n      - a.env\n"
            + "      - path: b.env\n";
    ParsedInput in = Compose.parse(yaml);
    assertThat(in.errors()).isEmpty();
    assertThat(in.warnings())
        .extracting(d -> d.message())
        .containsExactlyInAnyOrder(
            "include ./other.yaml was not read", "env_file ./app.env was not read",
            "extends file base.yaml was not read",
            "env_file a.env was not read", "env_file b.env was not read");
    var envWarning =
        in.warnings().stream()
            .filter(d -> d.message().startsWith("env_file ./app"))
            .findFirst()
            .orElseThrow();
    assertThat(Compose.text(in, envWarning.span())).isEqualTo("env_file: ./app.env");
    assertThat(envWarning.span().start().line()).isEqualTo(6);
  }
}
