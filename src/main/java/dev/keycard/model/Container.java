package dev.keycard.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One container as Keycard understands it, whatever format described it: every security-relevant
 * setting, normalised (capabilities upper case without {@code CAP_}, sizes in bytes, CPUs as a
 * number). Absent settings are null, false or empty; a setting whose value only the client could
 * know (an unresolved {@code ${VAR}}, {@code -e NAME}) is listed by path in {@link #unknown()}.
 *
 * <p>{@link #format()} names the input format it was read from ({@code docker-run}, {@code
 * compose}, {@code engine-api}; null when unknown). It is there for messages only, so that a
 * finding says {@code --privileged} to a {@code docker run} line and {@code privileged: true} to a
 * compose file: what a rule decides never depends on it.
 *
 * <p>{@link #origin()} is the container's own node (the compose service key, the image token);
 * {@link #locations()} maps each present setting's path ({@code privileged}, {@code cap_add[1]},
 * {@code mounts[0].source}) to where it came from. A fix for an absent setting is inserted at the
 * container's origin.
 *
 * <p>Settings only Kubernetes has (null or empty for {@code docker-run}, {@code compose} and
 * {@code engine-api}): {@link #runAsNonRoot()} whether the runtime refuses to start the container
 * as root ({@code false} when a Kubernetes pod does not say); {@link #hostProcess()} a Windows
 * HostProcess container; {@link #seccompDefault()} the seccomp profile that applies when {@link
 * #seccomp()} is null ({@code unconfined} for Kubernetes, null where Docker's default profile
 * applies); {@link #volumes()} the pod's volumes the container can see, mounted or not (a mounted
 * {@code hostPath} is also a bind mount in {@link #mounts()}); {@link #probeHosts()} every {@code
 * host} of its probes and lifecycle handlers; {@link #os()} the pod's operating system ({@code
 * spec.os.name} as written, {@code linux} or {@code windows}; null when the pod does not say);
 * {@link #capAddAsWritten()} and {@link #capDropAsWritten()} the capability names exactly as the
 * pod spec writes them, item for item beside the normalised {@link #capAdd()} and {@link
 * #capDrop()} (Kubernetes hands the names to the runtime unchanged and Pod Security Admission
 * compares them exactly, so {@code chown} and {@code CAP_CHOWN} are not its {@code CHOWN}, while
 * containerd and CRI-O upper-case a name and prefix {@code CAP_}: {@code sys_admin} does grant
 * SYS_ADMIN, which is why the normalised lists stay what the other rules read; the Docker formats
 * leave these empty, Docker normalising the names itself); {@link #podSelinux()} the pod's own
 * {@code seLinuxOptions} as label options ({@code type:<t>}, {@code user:<u>}, {@code role:<r>},
 * {@code level:<l>}), whether or not the container overrides them ({@link #selinux()} is what the
 * container runs with; the pod's options still label the pod's volumes, and an ephemeral
 * container added later inherits them).
 *
 * <p>{@link #securityOpt()} is the runtime's security options in Docker's vocabulary, for every
 * format: as written for Docker input; for Kubernetes, the equivalents of the pod spec's settings
 * ({@code seccomp=unconfined}, {@code apparmor=unconfined}, {@code systempaths=unconfined}, ...),
 * located at the Kubernetes field each came from. {@link #ports()} are host-published ports only:
 * a Kubernetes {@code containerPort} without a {@code hostPort} is not published on the node and
 * is not listed.
 */
public record Container(
    String name,
    String image,
    String user,
    Long uid,
    Long gid,
    Boolean runAsNonRoot,
    String imageUser,
    String dockerfile,
    boolean privileged,
    Boolean hostProcess,
    String os,
    List<String> capAdd,
    List<String> capDrop,
    List<String> capAddAsWritten,
    List<String> capDropAsWritten,
    boolean readOnly,
    List<Tmpfs> tmpfs,
    List<String> securityOpt,
    Boolean noNewPrivileges,
    String seccomp,
    String seccompDefault,
    String apparmor,
    List<String> selinux,
    List<String> podSelinux,
    String systempaths,
    Long memory,
    Long memoryReservation,
    Long memorySwap,
    Double cpus,
    Long cpuShares,
    Long cpuQuota,
    Long cpuPeriod,
    Long pidsLimit,
    boolean oomKillDisable,
    String networkMode,
    List<String> networks,
    String pid,
    String ipc,
    String uts,
    String userns,
    String cgroupns,
    String cgroupParent,
    List<Mount> mounts,
    List<Volume> volumes,
    List<Device> devices,
    List<String> deviceCgroupRules,
    List<Port> ports,
    boolean publishAll,
    List<Sysctl> sysctls,
    List<EnvVar> environment,
    String restartPolicy,
    Integer restartMaxRetries,
    Healthcheck healthcheck,
    List<String> probeHosts,
    List<String> command,
    List<String> entrypoint,
    String format,
    Origin origin,
    Map<String, Origin> locations,
    List<String> unknown) {

  public Container {
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    capAddAsWritten = List.copyOf(capAddAsWritten);
    capDropAsWritten = List.copyOf(capDropAsWritten);
    tmpfs = List.copyOf(tmpfs);
    securityOpt = List.copyOf(securityOpt);
    selinux = List.copyOf(selinux);
    podSelinux = List.copyOf(podSelinux);
    networks = List.copyOf(networks);
    mounts = List.copyOf(mounts);
    volumes = List.copyOf(volumes);
    devices = List.copyOf(devices);
    deviceCgroupRules = List.copyOf(deviceCgroupRules);
    ports = List.copyOf(ports);
    sysctls = List.copyOf(sysctls);
    environment = List.copyOf(environment);
    probeHosts = List.copyOf(probeHosts);
    command = command == null ? null : List.copyOf(command);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    locations = Map.copyOf(locations);
    unknown = List.copyOf(unknown);
  }

  /**
   * In {@link #locations()}: the {@code --} that ends a command line's options ({@code docker run
   * -d -- nginx}), when there is one; an added flag must go before it.
   */
  public static final String OPTIONS_END = "options_end";

  /**
   * In {@link #locations()}: a docker run container's whole command, from its first word to its
   * last, as written (without the prose or other commands around it).
   */
  public static final String COMMAND_LINE = "command_line";

  /**
   * In {@link #locations()}: {@code path + REPEAT + n} (n = 1, 2, ...) are the other places of a
   * single-valued setting given more than once ({@code docker run --privileged ... --privileged}:
   * the last counts; {@code --net=host ... --net=host}: the first counts, docker refuses the rest);
   * {@code path} itself is the one that counts. Removing the setting removes them all.
   */
  public static final String REPEAT = "#";

  /**
   * Settings the parsers derive from another one: each key is read from the value's field, so an
   * unknown value there ({@code --security-opt "$OPTS"}, {@code -u "$(id -u)"}) leaves the key
   * unknown too.
   */
  public static final Map<String, String> DERIVED_FROM =
      Map.of(
          "no_new_privileges", "security_opt",
          "seccomp", "security_opt",
          "apparmor", "security_opt",
          "selinux", "security_opt",
          "systempaths", "security_opt",
          "uid", "user",
          "gid", "user");

  /** Where the setting at {@code path} came from, or the container's own origin when absent. */
  public Origin locate(String path) {
    Origin o = locations.get(path);
    return o != null ? o : origin;
  }

  /** Where {@code field} came from, or the container's own origin when absent. */
  public Origin locate(Field field) {
    return locate(field.name());
  }

  /** This container with the image's default user (from a companion Dockerfile) filled in. */
  public Container withImageUser(String user, Origin where) {
    Map<String, Origin> locs = new LinkedHashMap<>(locations);
    if (where != null) {
      locs.put("image_user", where);
    }
    return copy(user, format, locs);
  }

  /**
   * This container marked with the format it was read from ({@code docker-run}, {@code compose},
   * {@code engine-api}), so that a finding can name a setting as that format writes it ({@code
   * --privileged}, {@code privileged: true}, {@code HostConfig.Privileged}).
   */
  public Container withFormat(String inputFormat) {
    if (java.util.Objects.equals(format, inputFormat)) {
      return this;
    }
    return copy(imageUser, inputFormat, locations);
  }

  /** This container with the three settings that are filled in after parsing replaced. */
  private Container copy(String imageUser, String format, Map<String, Origin> locations) {
    return new Container(
        name, image, user, uid, gid, runAsNonRoot, imageUser, dockerfile, privileged, hostProcess,
        os, capAdd, capDrop, capAddAsWritten, capDropAsWritten, readOnly, tmpfs, securityOpt,
        noNewPrivileges, seccomp, seccompDefault, apparmor, selinux, podSelinux, systempaths,
        memory, memoryReservation, memorySwap, cpus, cpuShares, cpuQuota, cpuPeriod, pidsLimit,
        oomKillDisable, networkMode, networks, pid, ipc, uts,
        userns, cgroupns, cgroupParent, mounts, volumes, devices, deviceCgroupRules, ports,
        publishAll, sysctls, environment, restartPolicy, restartMaxRetries, healthcheck,
        probeHosts, command, entrypoint, format, origin, locations, unknown);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A mutable builder that parsers fill in as they read; {@link #build()} freezes it. */
  @SuppressWarnings("checkstyle:VisibilityModifier")
  public static final class Builder {
    public String name;
    public String image;
    public String user;
    public Long uid;
    public Long gid;
    public Boolean runAsNonRoot;
    public String imageUser;
    public String dockerfile;
    public boolean privileged;
    public Boolean hostProcess;
    public String os;
    public final List<String> capAdd = new ArrayList<>();
    public final List<String> capDrop = new ArrayList<>();
    public final List<String> capAddAsWritten = new ArrayList<>();
    public final List<String> capDropAsWritten = new ArrayList<>();
    public boolean readOnly;
    public final List<Tmpfs> tmpfs = new ArrayList<>();
    public final List<String> securityOpt = new ArrayList<>();
    public Boolean noNewPrivileges;
    public String seccomp;
    public String seccompDefault;
    public String apparmor;
    public final List<String> selinux = new ArrayList<>();
    public final List<String> podSelinux = new ArrayList<>();
    public String systempaths;
    public Long memory;
    public Long memoryReservation;
    public Long memorySwap;
    public Double cpus;
    public Long cpuShares;
    public Long cpuQuota;
    public Long cpuPeriod;
    public Long pidsLimit;
    public boolean oomKillDisable;
    public String networkMode;
    public final List<String> networks = new ArrayList<>();
    public String pid;
    public String ipc;
    public String uts;
    public String userns;
    public String cgroupns;
    public String cgroupParent;
    public final List<Mount> mounts = new ArrayList<>();
    public final List<Volume> volumes = new ArrayList<>();
    public final List<Device> devices = new ArrayList<>();
    public final List<String> deviceCgroupRules = new ArrayList<>();
    public final List<Port> ports = new ArrayList<>();
    public boolean publishAll;
    public final List<Sysctl> sysctls = new ArrayList<>();
    public final List<EnvVar> environment = new ArrayList<>();
    public String restartPolicy;
    public Integer restartMaxRetries;
    public Healthcheck healthcheck;
    public final List<String> probeHosts = new ArrayList<>();
    public List<String> command;
    public List<String> entrypoint;
    public String format;
    public Origin origin;
    // sized for a well-described container (~40 located settings) so that it rarely rehashes
    public final Map<String, Origin> locations = new LinkedHashMap<>(64);
    public final LinkedHashSet<String> unknown = new LinkedHashSet<>();

    private Builder() {}

    /** Records where the setting at {@code path} came from; null origins are ignored. */
    public Builder locate(String path, Origin where) {
      if (where != null) {
        locations.put(path, where);
      }
      return this;
    }

    /** Records where {@code field} came from; null origins are ignored. */
    public Builder locate(Field field, Origin where) {
      return locate(field.name(), where);
    }

    /** Marks the setting at {@code path} as known only to the client. */
    public Builder unknown(String path) {
      unknown.add(path);
      return this;
    }

    public Container build() {
      return new Container(
          name, image, user, uid, gid, runAsNonRoot, imageUser, dockerfile, privileged,
          hostProcess, os, capAdd, capDrop, capAddAsWritten, capDropAsWritten, readOnly, tmpfs,
          securityOpt, noNewPrivileges, seccomp, seccompDefault, apparmor, selinux, podSelinux,
          systempaths, memory, memoryReservation, memorySwap, cpus, cpuShares, cpuQuota,
          cpuPeriod, pidsLimit, oomKillDisable, networkMode, networks,
          pid, ipc, uts, userns, cgroupns, cgroupParent, mounts, volumes, devices,
          deviceCgroupRules, ports, publishAll, sysctls, environment, restartPolicy,
          restartMaxRetries, healthcheck, probeHosts, command, entrypoint, format, origin,
          locations, List.copyOf(unknown));
    }
  }
}
