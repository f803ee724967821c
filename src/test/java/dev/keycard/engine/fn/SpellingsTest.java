package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A setting as each format writes it, for messages in the input's own terms. */
class SpellingsTest {
  @ParameterizedTest(name = "{0} {1}={2} → {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "docker-run | privileged    | true            | --privileged",
        "docker-run | privileged    | false           | --privileged=false",
        "docker-run | network_mode  | host            | --net=host",
        "docker-run | pid           | host            | --pid=host",
        "docker-run | cap_add       | SYS_ADMIN       | --cap-add SYS_ADMIN",
        "docker-run | mounts        | /a:/b:ro        | -v /a:/b:ro",
        "docker-run | devices       | /dev/sda        | --device /dev/sda",
        "docker-run | sysctls       | net.x=1         | --sysctl net.x=1",
        "docker-run | read_only     | true            | --read-only",
        "compose    | privileged    | true            | privileged: true",
        "compose    | network_mode  | host            | network_mode: host",
        "compose    | userns        | host            | userns_mode: host",
        "compose    | cgroupns      | host            | cgroup: host",
        "compose    | cap_add       | SYS_ADMIN       | cap_add: [SYS_ADMIN]",
        "compose    | mounts        | /a:/b           | volumes: [/a:/b]",
        "engine-api | privileged    | true            | HostConfig.Privileged: true",
        "engine-api | network_mode  | host            | HostConfig.NetworkMode: \"host\"",
        "engine-api | cap_add       | BPF             | HostConfig.CapAdd: [\"BPF\"]",
        "engine-api | mounts        | /a:/b           | HostConfig.Binds: [\"/a:/b\"]",
        "engine-api | devices       | /dev/mem        | HostConfig.Devices: [{\"PathOnHost\": \"/dev/mem\"}]",
        "engine-api | sysctls       | vm.x=1          | HostConfig.Sysctls: {\"vm.x\": \"1\"}",
        "engine-api | user          | a\"b            | User: \"a\\\"b\"",
        "NULL       | network_mode  | host            | network_mode: host",
        "kubernetes | privileged    | true            | securityContext.privileged: true",
        "kubernetes | pid           | host            | hostPID: true",
        "kubernetes | network_mode  | host            | hostNetwork: true",
        "kubernetes | ipc           | host            | hostIPC: true",
        "kubernetes | network_mode  | bridge          | network_mode: bridge",
        "kubernetes | cap_add       | SYS_ADMIN       | securityContext.capabilities.add: [SYS_ADMIN]",
        "kubernetes | user          | 0               | securityContext.runAsUser: 0",
        "kubernetes | cgroupns      | host            | cgroupns: host",
        "docker-run | no_such_field | x               | no_such_field: x",
      })
  void spell(String format, String field, String value, String expected) {
    assertThat(Spellings.spell(format, field, value)).isEqualTo(expected);
  }
}
