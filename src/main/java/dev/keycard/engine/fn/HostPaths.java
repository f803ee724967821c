package dev.keycard.engine.fn;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;

/**
 * Host paths by what the host loses when a container gets them (rule revisions of rule sets
 * 1.1.0): system paths (KC-031@2), control sockets of container runtimes and hypervisors (KC-030@2)
 * and raw memory and disk devices (KC-033@2). The 1.0.0 lists in {@link PathFunctions} stay as they
 * were, so that released rule sets keep their answers.
 *
 * <p>Paths are normalised first, and {@code /var/run} is read as {@code /run} (a symbolic link to
 * it on every current distribution; Docker resolves a bind mount's source).
 */
public final class HostPaths {
  /**
   * KC-031@2: these paths and everything below them. A bind of any folder above one of them ({@code
   * /}, {@code /etc}, {@code /var/lib}, {@code /usr}, {@code /dev}, {@code /etc/ssl}, ...) exposes
   * it too, so those count as well.
   */
  private static final List<String> SYSTEM_TREES =
      List.of(
          // the host's own administration: credentials, boot, kernel, processes, devices
          "/root",
          "/boot",
          "/proc",
          "/sys",
          "/lib/modules",
          "/usr/lib/modules",
          "/usr/src",
          "/dev/input",
          // daemons a container can drive as root through their sockets and state
          "/run/dbus",
          "/run/systemd",
          "/run/udev",
          // container runtimes' and orchestrators' state: every container's files and secrets
          "/var/lib/docker",
          "/var/lib/containerd",
          "/var/lib/kubelet",
          "/var/lib/rancher",
          // /etc: the files and folders that hold secrets or that the host runs as root; any
          // other folder below /etc is an application's own (/etc/pihole, /etc/nginx)
          "/etc/shadow",
          "/etc/gshadow",
          "/etc/sudoers",
          "/etc/sudoers.d",
          "/etc/ssh",
          "/etc/ssl/private",
          "/etc/pki/tls/private",
          "/etc/docker",
          "/etc/containerd",
          "/etc/kubernetes",
          "/etc/rancher",
          "/etc/crontab",
          "/etc/cron.d",
          "/etc/cron.hourly",
          "/etc/cron.daily",
          "/etc/cron.weekly",
          "/etc/cron.monthly",
          "/etc/systemd",
          "/etc/init.d",
          "/etc/rc.local",
          "/etc/profile",
          "/etc/profile.d",
          "/etc/environment",
          "/etc/ld.so.preload",
          "/etc/ld.so.conf",
          "/etc/ld.so.conf.d",
          "/etc/modules",
          "/etc/modules-load.d",
          "/etc/modprobe.d",
          "/etc/udev",
          "/etc/pam.d",
          "/etc/security",
          "/etc/sysctl.conf",
          "/etc/sysctl.d",
          "/etc/apt",
          "/etc/yum.repos.d",
          "/etc/polkit-1");

  /**
   * Single files anyone on the host may read: harmless read-only, but a system path when writable
   * (a writable {@code /etc/passwd} adds a root account). KC-031@2 exempts them when read-only.
   */
  private static final Set<String> PUBLIC_FILES =
      Set.of(
          "/etc/os-release",
          "/usr/lib/os-release",
          "/etc/lsb-release",
          "/etc/localtime",
          "/etc/timezone",
          "/etc/passwd",
          "/etc/group",
          "/etc/hostname",
          "/etc/hosts",
          "/etc/resolv.conf",
          "/etc/machine-id");

  /** KC-030@2: folders of control sockets, and everything in them. */
  private static final List<String> SOCKET_TREES =
      List.of(
          "/run/containerd",
          "/run/k3s", // k3s and rke2: /run/k3s/containerd/containerd.sock
          "/run/crio",
          "/run/podman",
          "/run/libvirt");

  /** KC-030@2: folders holding several runtimes' sockets, as folders only. */
  private static final Set<String> SOCKET_FOLDERS = Set.of("/run", "/run/user");

  /** KC-030@2: a socket of one of these names is a control socket wherever it lies. */
  private static final Set<String> SOCKET_NAMES =
      Set.of(
          "docker.sock",
          "docker.sock.raw",
          "containerd.sock",
          "crio.sock",
          "podman.sock",
          "cri-dockerd.sock",
          "dockershim.sock",
          "libvirt-sock",
          "libvirt-sock-ro",
          "virtqemud-sock");

  /** A rootless user's runtime folder and the daemons' folders in it. */
  private static final Pattern USER_RUNTIME =
      Pattern.compile(
          "/run/user/[0-9]+(/(podman|libvirt|containerd|docker)(/[^\\n\\r\\x{85}\\x{2028}\\x{2029}]*)?)?");

  /** KC-033@2: the host's physical memory and I/O ports. */
  private static final Set<String> MEMORY_DEVICES = Set.of("/dev/mem", "/dev/kmem", "/dev/port");

  /** KC-033@2: whole disks and partitions, by kernel name or by the udev links to them. */
  private static final Pattern DISK_DEVICE =
      Pattern.compile(
          "/dev/("
              + "(sd|hd|vd|xvd)[a-z]+[0-9]*"
              + "|nvme[0-9]+(n[0-9]+(p[0-9]+)?)?"
              + "|mmcblk[0-9]+(p[0-9]+)?"
              + "|dm-[0-9]+"
              + "|md[0-9]+"
              + "|mapper/[^/]+"
              + "|disk/.+)");

  private HostPaths() {}

  /** Normalised, with {@code /var/run} read as {@code /run}; null unless absolute. */
  static String hostPath(String path) {
    if (path == null || !path.startsWith("/")) {
      return null;
    }
    String p = PathFunctions.normalize(path);
    if (p.equals("/var/run")) {
      return "/run";
    }
    return p.startsWith("/var/run/") ? p.substring(4) : p;
  }

  /**
   * KC-031@2: a host path whose bind mount gives the container part of the host: {@code /}, the
   * trees of {@link #SYSTEM_TREES}, any folder above one of them, and the public files of {@link
   * #isPublicHostFile} (which the rule exempts when read-only).
   */
  public static boolean isHostSystemPath(String path) {
    Text.read(path);
    String p = hostPath(path);
    if (p == null) {
      return false;
    }
    if (p.equals("/") || PUBLIC_FILES.contains(p)) {
      return true;
    }
    for (String tree : SYSTEM_TREES) {
      if (p.equals(tree) || p.startsWith(tree + "/") || isFolderAbove(p, tree)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code tree} lies below the folder {@code p}, compared in place: {@code p + "/"} copied
   * the path once per tree, 50 copies of a long one per call.
   */
  private static boolean isFolderAbove(String p, String tree) {
    int n = p.length();
    return tree.length() > n && tree.charAt(n) == '/' && tree.startsWith(p);
  }

  /** KC-031@2: a file every host user may read ({@code /etc/passwd}, {@code /etc/localtime}). */
  public static boolean isPublicHostFile(String path) {
    Text.read(path);
    String p = hostPath(path);
    return p != null && PUBLIC_FILES.contains(p);
  }

  /**
   * KC-030@2: a socket that controls containers or virtual machines on the host, or a folder that
   * holds one: Docker (also rootless and Docker Desktop), containerd (also k3s and rke2), CRI-O,
   * Podman (rootful and rootless), libvirt; {@code /run} and {@code /var/run}.
   */
  public static boolean isHostControlSocket(String path) {
    Text.read(path);
    String p = hostPath(path);
    if (p == null) {
      return false;
    }
    if (SOCKET_FOLDERS.contains(p) || USER_RUNTIME.matcher(p).matches()) {
      return true;
    }
    for (String tree : SOCKET_TREES) {
      if (p.equals(tree) || p.startsWith(tree + "/")) {
        return true;
      }
    }
    return SOCKET_NAMES.contains(p.substring(p.lastIndexOf('/') + 1));
  }

  /**
   * KC-033@2: {@code /dev/mem}, {@code /dev/kmem}, {@code /dev/port}, or a disk or partition
   * ({@code /dev/sd*}, {@code /dev/hd*}, {@code /dev/vd*}, {@code /dev/xvd*}, {@code /dev/nvme*},
   * {@code /dev/mmcblk*}, {@code /dev/dm-*}, {@code /dev/md*}, {@code /dev/mapper/*}, {@code
   * /dev/disk/...}): raw access around every file permission of the host.
   */
  public static boolean isRawHostDevice(String path) {
    Text.read(path);
    String p = hostPath(path);
    return p != null && (MEMORY_DEVICES.contains(p) || DISK_DEVICE.matcher(p).matches());
  }
}
