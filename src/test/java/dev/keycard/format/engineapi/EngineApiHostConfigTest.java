package dev.keycard.format.engineapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Tmpfs;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per HostConfig field: the JSON member and what it becomes in the model. */
class EngineApiHostConfigTest {

  static Stream<Arguments> fields() {
    return Stream.of(
        row("Privileged true", "\"Privileged\": true", Container::privileged, true, "privileged"),
        row(
            "Privileged false",
            "\"Privileged\": false",
            Container::privileged,
            false,
            "privileged"),
        row(
            "CapAdd normalised",
            "\"CapAdd\": [\"cap_net_admin\", \"SYS_PTRACE\"]",
            Container::capAdd,
            List.of("NET_ADMIN", "SYS_PTRACE"),
            "cap_add[1]"),
        row(
            "CapAdd as a single string (StrSlice)",
            "\"CapAdd\": \"NET_RAW\"",
            Container::capAdd,
            List.of("NET_RAW"),
            "cap_add[0]"),
        row(
            "CapDrop ALL",
            "\"CapDrop\": [\"ALL\"]",
            Container::capDrop,
            List.of("ALL"),
            "cap_drop[0]"),
        row("ReadonlyRootfs", "\"ReadonlyRootfs\": true", Container::readOnly, true, "read_only"),
        row(
            "Tmpfs map",
            "\"Tmpfs\": {\"/run\": \"rw,noexec\", \"/tmp\": \"\"}",
            Container::tmpfs,
            List.of(new Tmpfs("/run", "rw,noexec"), new Tmpfs("/tmp", null)),
            "tmpfs[1]"),
        row(
            "SecurityOpt seccomp",
            "\"SecurityOpt\": [\"seccomp=unconfined\"]",
            Container::seccomp,
            "unconfined",
            "security_opt[0]"),
        row(
            "SecurityOpt no-new-privileges legacy colon",
            "\"SecurityOpt\": [\"no-new-privileges:true\"]",
            Container::noNewPrivileges,
            true,
            "no_new_privileges"),
        row("Memory", "\"Memory\": 536870912", Container::memory, 536870912L, "memory"),
        row(
            "MemoryReservation",
            "\"MemoryReservation\": 1024",
            Container::memoryReservation,
            1024L,
            "memory_reservation"),
        row(
            "MemorySwap unlimited",
            "\"MemorySwap\": -1",
            Container::memorySwap,
            -1L,
            "memory_swap"),
        row("NanoCpus to cpus", "\"NanoCpus\": 1500000000", Container::cpus, 1.5, "cpus"),
        row("CpuQuota with default period", "\"CpuQuota\": 50000", Container::cpus, 0.5, "cpus"),
        row(
            "CpuQuota with CpuPeriod",
            "\"CpuQuota\": 50000, \"CpuPeriod\": 25000",
            Container::cpus,
            2.0,
            "cpu_period"),
        row(
            "NanoCpus wins over CpuQuota",
            "\"NanoCpus\": 2000000000, \"CpuQuota\": 50000",
            Container::cpus,
            2.0,
            "cpu_quota"),
        row("NanoCpus 0 is no limit", "\"NanoCpus\": 0", Container::cpus, null, null),
        row("CpuShares", "\"CpuShares\": 512", Container::cpuShares, 512L, "cpu_shares"),
        row("PidsLimit", "\"PidsLimit\": 100", Container::pidsLimit, 100L, "pids_limit"),
        row("PidsLimit null is absent", "\"PidsLimit\": null", Container::pidsLimit, null, null),
        row(
            "OomKillDisable",
            "\"OomKillDisable\": true",
            Container::oomKillDisable,
            true,
            "oom_kill_disable"),
        row(
            "NetworkMode host",
            "\"NetworkMode\": \"host\"",
            Container::networkMode,
            "host",
            "network_mode"),
        row(
            "NetworkMode default kept raw",
            "\"NetworkMode\": \"default\"",
            Container::networkMode,
            "default",
            "network_mode"),
        row("PidMode", "\"PidMode\": \"host\"", Container::pid, "host", "pid"),
        row("PidMode empty is absent", "\"PidMode\": \"\"", Container::pid, null, null),
        row("IpcMode", "\"IpcMode\": \"host\"", Container::ipc, "host", "ipc"),
        row("UTSMode", "\"UTSMode\": \"host\"", Container::uts, "host", "uts"),
        row("UsernsMode", "\"UsernsMode\": \"host\"", Container::userns, "host", "userns"),
        row("CgroupnsMode", "\"CgroupnsMode\": \"host\"", Container::cgroupns, "host", "cgroupns"),
        row(
            "CgroupParent",
            "\"CgroupParent\": \"/kube\"",
            Container::cgroupParent,
            "/kube",
            "cgroup_parent"),
        row(
            "Binds",
            "\"Binds\": [\"/var/run/docker.sock:/var/run/docker.sock:ro\", \"data:/d\"]",
            Container::mounts,
            List.of(
                new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", true, null),
                new Mount("volume", "data", "/d", false, null)),
            "mounts[0].source"),
        row(
            "Mounts objects",
            "\"Mounts\": [{\"Type\": \"bind\", \"Source\": \"/\", \"Target\": \"/host\","
                + " \"ReadOnly\": true, \"BindOptions\": {\"Propagation\": \"rshared\"}}]",
            Container::mounts,
            List.of(new Mount("bind", "/", "/host", true, "rshared")),
            "mounts[0].target"),
        row(
            "Devices",
            "\"Devices\": [{\"PathOnHost\": \"/dev/fuse\", \"PathInContainer\": \"/dev/fuse\","
                + " \"CgroupPermissions\": \"rwm\"}]",
            Container::devices,
            List.of(new Device("/dev/fuse", "/dev/fuse", "rwm")),
            "devices[0]"),
        row(
            "DeviceCgroupRules",
            "\"DeviceCgroupRules\": [\"c 10:200 rwm\"]",
            Container::deviceCgroupRules,
            List.of("c 10:200 rwm"),
            "device_cgroup_rules[0]"),
        row(
            "PortBindings all interfaces",
            "\"PortBindings\": {\"80/tcp\": [{\"HostIp\": \"\", \"HostPort\": \"8080\"}]}",
            Container::ports,
            List.of(new Port(null, 8080, 8080, 80, 80, "tcp")),
            "ports[0]"),
        row(
            "PortBindings ephemeral host port on an IP",
            "\"PortBindings\": {\"53/udp\": [{\"HostIp\": \"127.0.0.1\", \"HostPort\": \"\"}]}",
            Container::ports,
            List.of(new Port("127.0.0.1", null, null, 53, 53, "udp")),
            "ports[0]"),
        row(
            "PublishAllPorts",
            "\"PublishAllPorts\": true",
            Container::publishAll,
            true,
            "publish_all"),
        row(
            "Sysctls",
            "\"Sysctls\": {\"net.ipv4.ip_forward\": \"1\"}",
            Container::sysctls,
            List.of(new Sysctl("net.ipv4.ip_forward", "1")),
            "sysctls[0]"),
        row(
            "RestartPolicy name",
            "\"RestartPolicy\": {\"Name\": \"on-failure\", \"MaximumRetryCount\": 3}",
            Container::restartPolicy,
            "on-failure",
            "restart_policy"),
        row(
            "RestartPolicy retries",
            "\"RestartPolicy\": {\"Name\": \"on-failure\", \"MaximumRetryCount\": 3}",
            Container::restartMaxRetries,
            3,
            "restart_max_retries"),
        row(
            "empty MaskedPaths and ReadonlyPaths unmask system paths",
            "\"MaskedPaths\": [], \"ReadonlyPaths\": []",
            Container::systempaths,
            "unconfined",
            "systempaths"),
        row(
            "default MaskedPaths keep system paths masked",
            "\"MaskedPaths\": [\"/proc/kcore\"], \"ReadonlyPaths\": []",
            Container::systempaths,
            null,
            null),
        row(
            "wrong type is ignored",
            "\"Privileged\": \"yes\"",
            Container::privileged,
            false,
            null));
  }

  private static Arguments row(
      String name, String member, Function<Container, Object> get, Object want, String path) {
    return arguments(name, member, get, want, path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void engineApi_hostConfigField_readIntoModel(
      String name, String member, Function<Container, Object> get, Object want, String path) {
    String body = "{\"Image\": \"nginx\", \"HostConfig\": {" + member + "}}";
    ParsedInput in = new EngineApiParser().parse(Source.of(body), ParseOptions.defaults());

    assertThat(in.errors()).isEmpty();
    Container c = in.containers().get(0);
    assertThat(get.apply(c)).isEqualTo(want);
    if (path != null) {
      assertThat(c.locations()).containsKey(path);
      String pointer = c.locations().get(path).path();
      assertThat(pointer).startsWith("/HostConfig/");
      assertThat(JsonPointers.resolve(in.document(), pointer)).isNotNull();
    }
  }
}
