package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host paths of rule revisions 2: system paths, public files, control sockets, raw devices. */
class HostPathsTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/, true",
    "/etc, true",
    "/etc/, true",
    "/etc/shadow, true",
    "/etc/sudoers, true",
    "/etc/sudoers.d/90-cloud, true",
    "/etc/ssh, true",
    "/etc/ssl, true",
    "/etc/ssl/private, true",
    "/etc/ssl/certs, false",
    "/etc/docker/daemon.json, true",
    "/etc/kubernetes/admin.conf, true",
    "/etc/cron.d, true",
    "/etc/passwd, true",
    "/etc/localtime, true",
    "/etc/pihole, false",
    "/etc/pihole/, false",
    "/etc/dnsmasq.d, false",
    "/etc/nginx/conf.d, false",
    "/etc/../etc/pihole, false",
    "/etc/pihole/../shadow, true",
    "/root, true",
    "/root/.ssh, true",
    "/proc, true",
    "/sys/fs/cgroup, true",
    "/boot, true",
    "/lib, true",
    "/lib/modules, true",
    "/usr/lib/modules/6.1.0, true",
    "/lib/x86_64-linux-gnu, false",
    "/usr, true",
    "/usr/src, true",
    "/usr/share/zoneinfo, false",
    "/usr/share/appdata/wireguard/config, false",
    "/dev, true",
    "/dev/input, true",
    "/dev/input/event0, true",
    "/dev/dri, false",
    "/run/dbus, true",
    "/var/run/dbus/system_bus_socket, true",
    "/run/systemd/journal, true",
    "/run/udev/data, true",
    "/var, true",
    "/var/lib, true",
    "/var/lib/docker, true",
    "/var/lib/kubelet/pods, true",
    "/var/lib/containerd, true",
    "/var/log, false",
    "/var/lib/mysql, false",
    "/srv/app, false",
    "/home/me/.config, false",
    "relative/etc, false",
    "./etc, false",
  })
  void isHostSystemPath(String path, boolean expected) {
    assertThat(HostPaths.isHostSystemPath(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/etc/os-release, true",
    "/usr/lib/os-release, true",
    "/etc/localtime, true",
    "/etc/timezone, true",
    "/etc/passwd, true",
    "/etc/group, true",
    "/etc//passwd, true",
    "/etc/shadow, false",
    "/etc, false",
    "etc/passwd, false",
  })
  void isPublicHostFile(String path, boolean expected) {
    assertThat(HostPaths.isPublicHostFile(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/var/run/docker.sock, true",
    "/run/docker.sock, true",
    "/var/run, true",
    "/run, true",
    "/run/, true",
    "/run/containerd/containerd.sock, true",
    "/run/k3s/containerd/containerd.sock, true",
    "/var/run/k3s/containerd, true",
    "/run/k3s, true",
    "/run/crio/crio.sock, true",
    "/var/run/crio, true",
    "/run/podman/podman.sock, true",
    "/run/user/1000/podman/podman.sock, true",
    "/run/user/1000/docker.sock, true",
    "/run/user/1000, true",
    "/run/user, true",
    "/run/user/1000/pulse, false",
    "/var/run/libvirt/libvirt-sock, true",
    "/run/libvirt/virtqemud-sock, true",
    "/run/user/1000/libvirt/libvirt-sock, true",
    "/Users/me/.colima/default/docker.sock, true",
    "/home/me/.docker/run/docker.sock, true",
    "/home/me/.rd/docker.sock, true",
    "/run/cri-dockerd.sock, true",
    "/run/dbus, false",
    "/run/docker.socket, false",
    "/srv/docker.sock.d, false",
    "docker.sock, false",
    "data, false",
  })
  void isHostControlSocket(String path, boolean expected) {
    assertThat(HostPaths.isHostControlSocket(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/dev/mem, true",
    "/dev/kmem, true",
    "/dev/port, true",
    "/dev/sda, true",
    "/dev/sdb1, true",
    "/dev/sdaa, true",
    "/dev/hda, true",
    "/dev/vda, true",
    "/dev/xvdf, true",
    "/dev/xvda1, true",
    "/dev/nvme0, true",
    "/dev/nvme0n1, true",
    "/dev/nvme0n1p2, true",
    "/dev/mmcblk0, true",
    "/dev/mmcblk0p1, true",
    "/dev/dm-0, true",
    "/dev/md0, true",
    "/dev/mapper/vg0-root, true",
    "/dev/disk/by-uuid/1234, true",
    "/dev//sda, true",
    "/dev/dri, false",
    "/dev/dri/renderD128, false",
    "/dev/fuse, false",
    "/dev/net/tun, false",
    "/dev/ttyUSB0, false",
    "/dev/snd, false",
    "/dev/kmsg, false",
    "/dev/hidraw0, false",
    "/dev/mapper, false",
    "/dev/video0, false",
    "/dev/input/event3, false",
  })
  void isRawHostDevice(String path, boolean expected) {
    assertThat(HostPaths.isRawHostDevice(path)).isEqualTo(expected);
  }
}
