package dev.keycard.input.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Docker's namespacing of sysctls, as docker/cli's ValidateSysctl and runc's validator apply it
 * (and as Docker's and Podman's --sysctl reference lists it).
 */
class SysctlsTest {
  @ParameterizedTest(name = "{0} net={1} ipc={2} → set: {3}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "net.ipv4.ip_forward, NULL, NULL, true",
        "net.core.somaxconn, bridge, NULL, true",
        "net.core.somaxconn, container:vpn, NULL, true",
        "net.core.somaxconn, host, NULL, false",
        "net/ipv4/ip_forward, NULL, NULL, true",
        "kernel.shmmax, NULL, NULL, true",
        "kernel.shmall, NULL, shareable, true",
        "kernel.shm_rmid_forced, NULL, NULL, true",
        "kernel.msgmax, NULL, NULL, true",
        "kernel.msgmnb, NULL, NULL, true",
        "kernel.msgmni, NULL, NULL, true",
        "kernel.sem, NULL, NULL, true",
        "fs.mqueue.msg_max, NULL, NULL, true",
        "kernel.sem, NULL, host, false",
        "fs.mqueue.msg_max, host, host, false",
        "kernel.shmmax, host, NULL, true",
        "kernel.core_pattern, NULL, NULL, false",
        "kernel.shm_next_id, NULL, NULL, false",
        "kernel.hostname, NULL, NULL, false",
        "vm.max_map_count, NULL, NULL, false",
        "fs.file-max, NULL, NULL, false",
        "NET.core.somaxconn, NULL, NULL, false",
      })
  void refusal(String name, String network, String ipc, boolean set) {
    assertThat(Sysctls.refusal(name, network, ipc) == null).isEqualTo(set);
  }
}
