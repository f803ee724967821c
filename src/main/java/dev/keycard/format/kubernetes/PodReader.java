package dev.keycard.format.kubernetes;

import dev.keycard.input.common.Capabilities;
import dev.keycard.model.Container;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Field;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import dev.keycard.model.Origin;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one pod spec into its containers, as the kubelet runs them: the pod's {@code
 * securityContext} applies to every container unless the container's own says otherwise
 * (run-as user, group and non-root, seccomp, AppArmor and SELinux whole, Windows options field by
 * field); the pod's namespaces, user namespace, sysctls and volumes are every container's.
 *
 * <p>Mapped onto the canonical model: {@code hostNetwork}/{@code hostPID}/{@code hostIPC} make
 * {@code network_mode}/{@code pid}/{@code ipc} {@code host}; {@code hostUsers: false} makes {@code
 * userns} {@code auto} (Podman's name for a user namespace of its own per container, as the kubelet
 * gives one per pod); a pod on the cluster network is on the network {@code pod} (never Docker's
 * default bridge); {@code allowPrivilegeEscalation} is the inverse of {@code no_new_privileges};
 * {@code procMount: Unmasked} is {@code systempaths: unconfined}; a mounted {@code hostPath}
 * volume is a bind mount; {@code command} is the entrypoint and {@code args} the command;
 * {@code limits.memory}/{@code requests.memory} are {@code memory}/{@code memory_reservation},
 * {@code limits.cpu} is {@code cpus} and {@code requests.cpu} the kubelet's CPU shares (a request
 * the manifest leaves out is its limit, as the API server defaults it); a liveness (else readiness)
 * probe is the healthcheck, its test the command of an {@code exec} probe ({@code CMD} form) and
 * empty for the other kinds. {@code restartPolicy} is recorded only when written ({@code Always}
 * is {@code always}, {@code OnFailure} {@code on-failure}, {@code Never} {@code no}).
 *
 * <p>Also: {@code spec.os.name} is {@code os} as written; capability names are kept as written in
 * {@code cap_add_as_written}/{@code cap_drop_as_written} beside the normalised lists; the pod's own
 * {@code seLinuxOptions} are {@code pod_selinux} on every container, overridden or not; the
 * settings Docker has security options for are also in {@code security_opt}, in Docker's
 * vocabulary and located at their Kubernetes field ({@link #securityOptions}); only a port with a
 * non-zero {@code hostPort} is in {@code ports}, the model's list of host-published ports.
 */
final class PodReader {
  /** {@code userns} of a pod with {@code hostUsers: false}. */
  static final String OWN_USER_NAMESPACE = "auto";

  /** The network a pod that does not use the host's is on. */
  static final String POD_NETWORK = "pod";

  private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
  private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";

  /** A value and where it was written. */
  private record At<T>(T value, Origin origin) {}

  /** A pod volume: the model's record, where it was written, and its host path entry. */
  private record PodVolume(Volume volume, KNode item, KNode.Entry pathEntry) {}

  private final Values v;
  private final KNode.Map spec;
  private final KNode.Map annotations;

  // the pod's own settings, which its containers inherit
  private At<Long> runAsUser;
  private At<Long> runAsGroup;
  private At<Boolean> runAsNonRoot;
  private At<String> seccomp;
  private At<String> apparmor;
  private KNode.Entry seLinux;
  private At<Boolean> hostProcess;
  private At<String> os;
  private KNode.Entry sysctlsEntry;
  private final List<At<Sysctl>> sysctls = new ArrayList<>();
  private KNode.Entry volumesEntry;
  private final List<PodVolume> volumes = new ArrayList<>();
  private final Map<String, PodVolume> volumesByName = new HashMap<>();
  private At<String> network;
  private At<String> pid;
  private At<String> ipc;
  private At<String> userns;
  private At<String> restart;

  PodReader(Values v, KNode.Map spec, KNode.Map podMetadata) {
    this.v = v;
    this.spec = spec;
    this.annotations = podMetadata == null ? null : v.map(podMetadata.get("annotations"), "metadata.annotations");
    readPod();
  }

  /** What kind of container a list holds, and how its containers are named. */
  enum ContainerKind {
    CONTAINER("containers", ""),
    INIT("initContainers", "init:"),
    EPHEMERAL("ephemeralContainers", "ephemeral:");

    final String key;
    final String namePrefix;

    ContainerKind(String key, String namePrefix) {
      this.key = key;
      this.namePrefix = namePrefix;
    }
  }

  /** A container of the pod as written: its kind, its mapping and its index in its list. */
  record Written(ContainerKind kind, KNode.Map body, int index) {
    String name() {
      return body.get("name") instanceof KNode.Scalar s && !s.isNull() && !s.text().isBlank()
          ? s.text()
          : kind.key + "[" + index + "]";
    }
  }

  /** Every container of the pod, in the order containers, initContainers, ephemeralContainers. */
  List<Written> containers() {
    List<Written> out = new ArrayList<>();
    for (ContainerKind k : ContainerKind.values()) {
      int i = 0;
      for (KNode item : v.items(spec.get(k.key), k.key)) {
        if (item instanceof KNode.Map m) {
          out.add(new Written(k, m, i));
        } else {
          v.invalid(item, k.key + "[" + i + "]: expected a mapping");
        }
        i++;
      }
    }
    return out;
  }

  private void readPod() {
    network = hostNamespace("hostNetwork");
    pid = hostNamespace("hostPID");
    ipc = hostNamespace("hostIPC");
    KNode.Entry hostUsers = spec.entry("hostUsers");
    if (hostUsers != null && Boolean.FALSE.equals(v.bool(hostUsers.value(), "hostUsers"))) {
      userns = new At<>(OWN_USER_NAMESPACE, v.origin(hostUsers));
    }
    KNode.Entry rp = spec.entry("restartPolicy");
    if (rp != null) {
      String p = v.string(rp.value(), "restartPolicy");
      String mapped =
          p == null
              ? null
              : switch (p) {
                case "Always" -> "always";
                case "OnFailure" -> "on-failure";
                case "Never" -> "no";
                default -> null;
              };
      if (mapped != null) {
        restart = new At<>(mapped, v.origin(rp));
      } else if (p != null) {
        v.invalid(rp.value(), "restartPolicy: expected Always, OnFailure or Never, got '" + Values.clip(p) + "'");
      }
    }
    KNode.Map osMap = v.map(spec.get("os"), "os");
    KNode.Entry osName = osMap == null ? null : osMap.entry("name");
    String osValue = osName == null ? null : v.string(osName.value(), "os.name");
    if (osValue != null) {
      os = new At<>(osValue, v.origin(osName));
    }
    KNode.Entry sce = spec.entry("securityContext");
    KNode.Map sc = sce == null ? null : v.map(sce.value(), "securityContext");
    if (sc != null) {
      runAsUser = integer(sc, "runAsUser");
      runAsGroup = integer(sc, "runAsGroup");
      runAsNonRoot = bool(sc, "runAsNonRoot");
      seccomp = profile(sc, "seccompProfile");
      apparmor = profile(sc, "appArmorProfile");
      seLinux = sc.entry("seLinuxOptions");
      hostProcess = hostProcess(sc);
      sysctlsEntry = sc.entry("sysctls");
      if (sysctlsEntry != null) {
        for (KNode item : v.items(sysctlsEntry.value(), "securityContext.sysctls")) {
          KNode.Map m = v.map(item, "securityContext.sysctls[]");
          String name = m == null ? null : v.string(m.get("name"), "sysctls[].name");
          if (name != null) {
            String value = v.string(m.get("value"), "sysctls[].value");
            sysctls.add(new At<>(new Sysctl(name, value), v.origin(item)));
          }
        }
      }
    }
    if (seccomp == null && annotations != null) {
      KNode.Entry a = annotations.entry(SECCOMP_POD_ANNOTATION);
      String value = a == null ? null : v.string(a.value(), SECCOMP_POD_ANNOTATION);
      if (value != null) {
        seccomp = new At<>(legacySeccomp(value), v.origin(a));
      }
    }
    volumesEntry = spec.entry("volumes");
    if (volumesEntry != null) {
      for (KNode item : v.items(volumesEntry.value(), "volumes")) {
        KNode.Map m = v.map(item, "volumes[]");
        if (m == null) {
          continue;
        }
        String name = v.string(m.get("name"), "volumes[].name");
        String type = null;
        for (KNode.Entry e : m.fields()) {
          if (!e.name().equals("name")) {
            type = e.name();
            break;
          }
        }
        // a volume that names no source is an emptyDir: the API server defaults it so
        type = type == null ? "emptyDir" : type;
        KNode.Entry path = null;
        String source = null;
        if (Volume.HOST_PATH.equals(type)) {
          KNode.Map hp = v.map(m.get(Volume.HOST_PATH), "volumes[].hostPath");
          path = hp == null ? null : hp.entry("path");
          source = path == null ? null : v.string(path.value(), "volumes[].hostPath.path");
        }
        PodVolume pv = new PodVolume(new Volume(name, type, source), item, path);
        volumes.add(pv);
        if (name != null) {
          volumesByName.putIfAbsent(name, pv);
        }
      }
    }
  }

  /** {@code host} when the pod's {@code key} is true, where it is written; null otherwise. */
  private At<String> hostNamespace(String key) {
    KNode.Entry e = spec.entry(key);
    if (e != null && Boolean.TRUE.equals(v.bool(e.value(), key))) {
      return new At<>("host", v.origin(e));
    }
    return null;
  }

  private At<Long> integer(KNode.Map sc, String key) {
    KNode.Entry e = sc.entry(key);
    Long x = e == null ? null : v.integer(e.value(), "securityContext." + key);
    return x == null ? null : new At<>(x, v.origin(e));
  }

  private At<Boolean> bool(KNode.Map sc, String key) {
    KNode.Entry e = sc.entry(key);
    Boolean x = e == null ? null : v.bool(e.value(), "securityContext." + key);
    return x == null ? null : new At<>(x, v.origin(e));
  }

  private At<Boolean> hostProcess(KNode.Map sc) {
    KNode.Map wo = v.map(sc.get("windowsOptions"), "securityContext.windowsOptions");
    KNode.Entry e = wo == null ? null : wo.entry("hostProcess");
    Boolean x = e == null ? null : v.bool(e.value(), "windowsOptions.hostProcess");
    return x == null ? null : new At<>(x, v.origin(e));
  }

  /**
   * A {@code seccompProfile} or {@code appArmorProfile}: {@code RuntimeDefault} is {@code
   * runtime/default}, {@code Unconfined} {@code unconfined}, {@code Localhost} {@code
   * localhost/<localhostProfile>}; another type is kept as written (empty when none is written).
   */
  private At<String> profile(KNode.Map sc, String key) {
    KNode.Entry e = sc.entry(key);
    if (e == null) {
      return null;
    }
    KNode.Map m = v.map(e.value(), "securityContext." + key);
    if (m == null) {
      return null;
    }
    String type = v.string(m.get("type"), key + ".type");
    String value =
        type == null
            ? ""
            : switch (type) {
              case "RuntimeDefault" -> "runtime/default";
              case "Unconfined" -> "unconfined";
              case "Localhost" -> {
                String p = v.string(m.get("localhostProfile"), key + ".localhostProfile");
                yield "localhost/" + (p == null ? "" : p);
              }
              default -> type;
            };
    KNode.Entry typeEntry = m.entry("type");
    return new At<>(value, typeEntry != null ? v.origin(typeEntry) : v.origin(e));
  }

  /** A legacy seccomp annotation's value: {@code docker/default} is {@code runtime/default}. */
  private static String legacySeccomp(String value) {
    String t = value.trim();
    return t.equals("docker/default") ? "runtime/default" : t;
  }

  /** The canonical container for {@code w}, named {@code name}. */
  Container.Builder read(Written w, String name) {
    KNode.Map c = w.body();
    Container.Builder b = Container.builder();
    b.name = name;
    KNode.Entry nameEntry = c.entry("name");
    b.origin =
        Origin.of(
            v.pointer(c),
            v.diags().span(
                nameEntry != null ? nameEntry.start() : c.start(),
                nameEntry != null ? nameEntry.end() : c.end()));
    KNode.Entry image = c.entry("image");
    if (image != null) {
      b.image = v.string(image.value(), "image");
      locate(b, Field.IMAGE, image);
    }
    KNode.Entry command = c.entry("command");
    if (command != null) {
      b.entrypoint = v.strings(command.value(), "command");
      locate(b, Field.ENTRYPOINT, command);
    }
    KNode.Entry args = c.entry("args");
    if (args != null) {
      b.command = v.strings(args.value(), "args");
      locate(b, Field.COMMAND, args);
    }
    KNode.Entry sce = c.entry("securityContext");
    KNode.Map sc = sce == null ? null : v.map(sce.value(), "securityContext");
    securityContext(b, sc, w);
    set(os, x -> b.os = x, b, Field.OS);
    if (seLinux != null) {
      seLinux(b, seLinux, Field.POD_SELINUX, b.podSelinux);
    }
    namespaces(b);
    b.seccompDefault = "unconfined";
    sysctls(b);
    volumes(b);
    mounts(b, c);
    ports(b, c);
    environment(b, c);
    resources(b, c);
    probes(b, c);
    if (restart != null && w.kind() == ContainerKind.CONTAINER) {
      b.restartPolicy = restart.value();
      b.locate(Field.RESTART_POLICY, restart.origin());
    }
    return b;
  }

  private void locate(Container.Builder b, String path, KNode.Entry e) {
    b.locate(path, v.origin(e));
  }

  private void locate(Container.Builder b, Field field, KNode.Entry e) {
    b.locate(field, v.origin(e));
  }

  private void securityContext(Container.Builder b, KNode.Map sc, Written w) {
    At<Long> uid = runAsUser;
    At<Long> gid = runAsGroup;
    At<Boolean> nonRoot = runAsNonRoot;
    At<String> sec = seccomp;
    At<String> aa = null;
    KNode.Entry selinux = seLinux;
    At<Boolean> hp = hostProcess;
    if (sc != null) {
      uid = or(integer(sc, "runAsUser"), uid);
      gid = or(integer(sc, "runAsGroup"), gid);
      nonRoot = or(bool(sc, "runAsNonRoot"), nonRoot);
      At<String> own = profile(sc, "seccompProfile");
      sec = own != null ? own : sec;
      aa = profile(sc, "appArmorProfile");
      if (sc.entry("seLinuxOptions") != null) {
        selinux = sc.entry("seLinuxOptions");
      }
      hp = or(hostProcess(sc), hp);
      KNode.Entry priv = sc.entry("privileged");
      if (priv != null && Boolean.TRUE.equals(v.bool(priv.value(), "securityContext.privileged"))) {
        b.privileged = true;
        locate(b, Field.PRIVILEGED, priv);
      }
      KNode.Entry ape = sc.entry("allowPrivilegeEscalation");
      Boolean escalation =
          ape == null ? null : v.bool(ape.value(), "securityContext.allowPrivilegeEscalation");
      if (escalation != null) {
        b.noNewPrivileges = !escalation;
        locate(b, Field.NO_NEW_PRIVILEGES, ape);
      }
      KNode.Entry ro = sc.entry("readOnlyRootFilesystem");
      if (ro != null && Boolean.TRUE.equals(v.bool(ro.value(), "securityContext.readOnlyRootFilesystem"))) {
        b.readOnly = true;
        locate(b, Field.READ_ONLY, ro);
      }
      KNode.Map caps = v.map(sc.get("capabilities"), "securityContext.capabilities");
      if (caps != null) {
        capabilities(b, caps.entry("add"), Field.CAP_ADD, Field.CAP_ADD_AS_WRITTEN, b.capAdd, b.capAddAsWritten);
        capabilities(b, caps.entry("drop"), Field.CAP_DROP, Field.CAP_DROP_AS_WRITTEN, b.capDrop, b.capDropAsWritten);
      }
      KNode.Entry pm = sc.entry("procMount");
      if (pm != null) {
        String t = v.string(pm.value(), "securityContext.procMount");
        if ("Unmasked".equals(t)) {
          b.systempaths = "unconfined";
          locate(b, Field.SYSTEMPATHS, pm);
        } else if (t != null && !t.equals("Default")) {
          v.invalid(pm.value(), "securityContext.procMount: expected Default or Unmasked, got '" + Values.clip(t) + "'");
        }
      }
    }
    if (aa == null) {
      aa = apparmorAnnotation(w.name());
    }
    if (aa == null) {
      aa = apparmor;
    }
    if (sec == seccomp) {
      // no field of the container's own: its legacy annotation, which the API server copies into
      // that field, wins over the pod's
      sec = or(seccompAnnotation(w.name()), sec);
    }
    set(uid, x -> b.uid = x, b, Field.UID);
    set(gid, x -> b.gid = x, b, Field.GID);
    if (uid != null) {
      b.user = uid.value() + (gid != null ? ":" + gid.value() : "");
      b.locate(Field.USER, uid.origin());
    }
    b.runAsNonRoot = nonRoot != null && nonRoot.value();
    if (nonRoot != null) {
      b.locate(Field.RUN_AS_NON_ROOT, nonRoot.origin());
    }
    set(sec, x -> b.seccomp = x, b, Field.SECCOMP);
    set(aa, x -> b.apparmor = x, b, Field.APPARMOR);
    if (selinux != null) {
      seLinux(b, selinux, Field.SELINUX, b.selinux);
    }
    set(hp, x -> b.hostProcess = x, b, Field.HOST_PROCESS);
    securityOptions(b);
  }

  /**
   * The settings just read as Docker's security options, each located at the Kubernetes field it
   * came from: {@code no-new-privileges=<bool>} (allowPrivilegeEscalation negated), {@code
   * seccomp=unconfined}, {@code apparmor=unconfined} or {@code apparmor=<name>} (a Localhost
   * profile, which both load by name), {@code label=<key>:<value>} for each SELinux option, {@code
   * systempaths=unconfined} (procMount Unmasked). A seccomp RuntimeDefault or Localhost profile and
   * an AppArmor RuntimeDefault have no Docker spelling (Docker's own default profiles and profile
   * files are not the runtime's) and are not listed; neither is {@code label=disable}, which
   * Kubernetes cannot ask for.
   */
  private static void securityOptions(Container.Builder b) {
    if (b.noNewPrivileges != null) {
      securityOpt(b, "no-new-privileges=" + b.noNewPrivileges, "no_new_privileges");
    }
    if ("unconfined".equals(b.seccomp)) {
      securityOpt(b, "seccomp=unconfined", "seccomp");
    }
    if ("unconfined".equals(b.apparmor)) {
      securityOpt(b, "apparmor=unconfined", "apparmor");
    } else if (b.apparmor != null
        && b.apparmor.startsWith("localhost/")
        && b.apparmor.length() > "localhost/".length()) {
      securityOpt(b, "apparmor=" + b.apparmor.substring("localhost/".length()), "apparmor");
    }
    for (int i = 0; i < b.selinux.size(); i++) {
      securityOpt(b, "label=" + b.selinux.get(i), "selinux[" + i + "]");
    }
    if ("unconfined".equals(b.systempaths)) {
      securityOpt(b, "systempaths=unconfined", "systempaths");
    }
  }

  private static void securityOpt(Container.Builder b, String option, String from) {
    b.locate("security_opt[" + b.securityOpt.size() + "]", b.locations.get(from));
    b.securityOpt.add(option);
  }

  private static <T> At<T> or(At<T> own, At<T> inherited) {
    return own != null ? own : inherited;
  }

  private At<String> apparmorAnnotation(String container) {
    if (annotations == null) {
      return null;
    }
    KNode.Entry a = annotations.entry(APPARMOR_ANNOTATION + container);
    String value = a == null ? null : v.string(a.value(), APPARMOR_ANNOTATION + container);
    return value == null ? null : new At<>(value.trim(), v.origin(a));
  }

  private At<String> seccompAnnotation(String container) {
    if (annotations == null) {
      return null;
    }
    KNode.Entry a = annotations.entry(SECCOMP_ANNOTATION + container);
    String value = a == null ? null : v.string(a.value(), SECCOMP_ANNOTATION + container);
    return value == null ? null : new At<>(legacySeccomp(value), v.origin(a));
  }

  /** {@code seLinuxOptions} as label options ({@code user:<u>}, ...) into {@code path}. */
  private void seLinux(Container.Builder b, KNode.Entry e, Field field, List<String> into) {
    KNode.Map m = v.map(e.value(), "seLinuxOptions");
    if (m == null) {
      return;
    }
    locate(b, field, e);
    for (String key : new String[] {"user", "role", "type", "level"}) {
      KNode.Entry k = m.entry(key);
      String value = k == null ? null : v.string(k.value(), "seLinuxOptions." + key);
      if (value != null && !value.isEmpty()) {
        locate(b, field.name() + "[" + into.size() + "]", k);
        into.add(key + ":" + value);
      }
    }
  }

  /**
   * {@code capabilities.add} or {@code .drop}: normalised into {@code into} (as the runtime
   * applies them) and, item for item, as written into {@code written} (as Pod Security Admission
   * compares them).
   */
  private void capabilities(
      Container.Builder b,
      KNode.Entry e,
      Field field,
      Field asWritten,
      List<String> into,
      List<String> written) {
    if (e == null) {
      return;
    }
    List<KNode> items = v.items(e.value(), "capabilities." + (field == Field.CAP_ADD ? "add" : "drop"));
    locate(b, field, e);
    locate(b, asWritten, e);
    for (KNode item : items) {
      String t = v.string(item, field.name());
      if (t != null) {
        Origin at = v.origin(item);
        b.locate(field.name() + "[" + into.size() + "]", at);
        b.locate(asWritten.name() + "[" + written.size() + "]", at);
        into.add(Capabilities.normalize(t));
        written.add(t);
      }
    }
  }

  private void namespaces(Container.Builder b) {
    if (network != null) {
      b.networkMode = network.value();
      b.locate(Field.NETWORK_MODE, network.origin());
    } else {
      b.networks.add(POD_NETWORK);
    }
    set(pid, x -> b.pid = x, b, Field.PID);
    set(ipc, x -> b.ipc = x, b, Field.IPC);
    set(userns, x -> b.userns = x, b, Field.USERNS);
  }

  private static <T> void set(At<T> at, Consumer<T> setter, Container.Builder b, Field field) {
    if (at != null) {
      setter.accept(at.value());
      b.locate(field, at.origin());
    }
  }

  private void sysctls(Container.Builder b) {
    if (sysctlsEntry == null) {
      return;
    }
    locate(b, Field.SYSCTLS, sysctlsEntry);
    for (At<Sysctl> s : sysctls) {
      b.locate("sysctls[" + b.sysctls.size() + "]", s.origin());
      b.sysctls.add(s.value());
    }
  }

  private void volumes(Container.Builder b) {
    if (volumesEntry == null) {
      return;
    }
    locate(b, Field.VOLUMES, volumesEntry);
    for (PodVolume pv : volumes) {
      b.locate("volumes[" + b.volumes.size() + "]", v.origin(pv.item()));
      b.volumes.add(pv.volume());
    }
  }

  private void mounts(Container.Builder b, KNode.Map c) {
    forEachMapping(c.entry("volumeMounts"), "volumeMounts", m -> mount(b, m));
  }

  /** One {@code volumeMounts} item: a mount of the node's files when its volume is a hostPath. */
  private void mount(Container.Builder b, KNode.Map m) {
    String name = v.string(m.get("name"), "volumeMounts[].name");
    PodVolume pv = name == null ? null : volumesByName.get(name);
    if (pv == null) {
      if (name != null) {
        v.invalid(m, "volumeMounts: no volume named '" + Values.clip(name) + "' in the pod");
      }
      return;
    }
    if (!Volume.HOST_PATH.equals(pv.volume().type()) || pv.volume().source() == null) {
      return;
    }
    KNode.Entry target = m.entry("mountPath");
    KNode.Entry ro = m.entry("readOnly");
    KNode.Entry sub = m.entry("subPath");
    String subPath = sub == null ? null : v.string(sub.value(), "volumeMounts[].subPath");
    String source = pv.volume().source();
    if (subPath != null && !subPath.isEmpty()) {
      source = source.endsWith("/") ? source + subPath : source + "/" + subPath;
    }
    boolean readOnly =
        ro != null && Boolean.TRUE.equals(v.bool(ro.value(), "volumeMounts[].readOnly"));
    String propagation = null;
    KNode.Entry prop = m.entry("mountPropagation");
    String p = prop == null ? null : v.string(prop.value(), "volumeMounts[].mountPropagation");
    if ("Bidirectional".equals(p)) {
      propagation = "rshared";
    } else if ("HostToContainer".equals(p)) {
      propagation = "rslave";
    }
    String path = "mounts[" + b.mounts.size() + "]";
    b.mounts.add(
        new Mount(
            Mount.BIND,
            source,
            target == null ? null : v.string(target.value(), "volumeMounts[].mountPath"),
            readOnly,
            propagation));
    b.locate(path, v.origin(m));
    b.locate(path + ".source", pv.pathEntry() != null ? v.origin(pv.pathEntry()) : v.origin(pv.item()));
    if (target != null) {
      locate(b, path + ".target", target);
    }
    if (ro != null) {
      locate(b, path + ".read_only", ro);
    }
    if (prop != null && propagation != null) {
      locate(b, path + ".propagation", prop);
    }
  }

  private void ports(Container.Builder b, KNode.Map c) {
    KNode.Entry pe = c.entry("ports");
    forEachMapping(pe, "ports", m -> port(b, pe, m));
  }

  /** One {@code ports} item of the list {@code pe}: a port published when it has a hostPort. */
  private void port(Container.Builder b, KNode.Entry pe, KNode.Map m) {
    Long cp = v.integer(m.get("containerPort"), "ports[].containerPort");
    KNode.Entry hpe = m.entry("hostPort");
    Long hp = hpe == null ? null : v.integer(hpe.value(), "ports[].hostPort");
    String hostIp = v.string(m.get("hostIP"), "ports[].hostIP");
    String protocol = v.string(m.get("protocol"), "ports[].protocol");
    Integer container = cp == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, cp));
    if (hp == null || hp == 0) {
      // a containerPort without a hostPort is not published on the node: it is documentation
      // (and a name for Services), reachable only on the pod's own address
      return;
    }
    int host = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, hp));
    if (b.ports.isEmpty()) {
      locate(b, Field.PORTS, pe);
    }
    String path = "ports[" + b.ports.size() + "]";
    b.ports.add(
        new Port(
            hostIp == null || hostIp.isEmpty() ? null : hostIp,
            host,
            host,
            container,
            container,
            protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT)));
    b.locate(path, v.origin(m));
    locate(b, path + ".host_port", hpe);
  }

  /** Each item of the list {@code list} holds (none when null) that is a mapping, in order. */
  private void forEachMapping(KNode.Entry list, String what, Consumer<KNode.Map> each) {
    if (list == null) {
      return;
    }
    String itemPath = what + "[]";
    for (KNode item : v.items(list.value(), what)) {
      KNode.Map m = v.map(item, itemPath);
      if (m != null) {
        each.accept(m);
      }
    }
  }

  private void environment(Container.Builder b, KNode.Map c) {
    KNode.Entry env = c.entry("env");
    if (env == null) {
      return;
    }
    locate(b, Field.ENVIRONMENT, env);
    for (KNode item : v.items(env.value(), "env")) {
      KNode.Map m = v.map(item, "env[]");
      String name = m == null ? null : v.string(m.get("name"), "env[].name");
      if (name == null) {
        continue;
      }
      String value;
      if (m.get("valueFrom") != null && !(m.get("valueFrom") instanceof KNode.Scalar s && s.isNull())) {
        value = null; // a reference (secretKeyRef, configMapKeyRef, fieldRef, ...), no literal
      } else {
        String literal = v.string(m.get("value"), "env[].value");
        value = literal == null ? "" : literal;
      }
      int index = b.environment.size();
      b.environment.add(new EnvVar(name, value));
      b.locate("environment[" + index + "]", v.origin(item));
      b.locate("environment." + name, v.origin(item));
    }
  }

  private void resources(Container.Builder b, KNode.Map c) {
    KNode.Map res = v.map(c.get("resources"), "resources");
    if (res == null) {
      return;
    }
    KNode.Map limits = v.map(res.get("limits"), "resources.limits");
    KNode.Map requests = v.map(res.get("requests"), "resources.requests");
    KNode.Entry memLimit = limits == null ? null : limits.entry("memory");
    KNode.Entry memRequest = requests == null ? null : requests.entry("memory");
    KNode.Entry cpuLimit = limits == null ? null : limits.entry("cpu");
    KNode.Entry cpuRequest = requests == null ? null : requests.entry("cpu");
    // the API server defaults a request the manifest leaves out to the limit
    memRequest = memRequest != null ? memRequest : memLimit;
    cpuRequest = cpuRequest != null ? cpuRequest : cpuLimit;
    if (memLimit != null) {
      Long x = Quantities.bytes(quantity(memLimit, "resources.limits.memory"));
      if (x != null) {
        b.memory = x;
        locate(b, Field.MEMORY, memLimit);
      }
    }
    if (memRequest != null) {
      Long x =
          memRequest == memLimit
              ? b.memory
              : Quantities.bytes(quantity(memRequest, "resources.requests.memory"));
      if (x != null) {
        b.memoryReservation = x;
        locate(b, Field.MEMORY_RESERVATION, memRequest);
      }
    }
    if (cpuLimit != null) {
      Double x = Quantities.cpus(quantity(cpuLimit, "resources.limits.cpu"));
      if (x != null) {
        b.cpus = x;
        locate(b, Field.CPUS, cpuLimit);
      }
    }
    if (cpuRequest != null && (cpuRequest != cpuLimit || b.cpus != null)) {
      // a request defaulted from a valid limit is read without a second warning
      Long milli =
          Quantities.milli(
              cpuRequest == cpuLimit
                  ? v.string(cpuRequest.value(), "resources.limits.cpu")
                  : quantity(cpuRequest, "resources.requests.cpu"));
      if (milli != null) {
        // the kubelet's MilliCPUToShares: at least 2
        b.cpuShares = Math.max(2L, milli * 1024 / 1000);
        locate(b, Field.CPU_SHARES, cpuRequest);
      }
    }
  }

  /** A quantity's text; null, with a warning, when it is none. */
  private String quantity(KNode.Entry e, String what) {
    String t = v.string(e.value(), what);
    if (t == null) {
      return null;
    }
    if (Quantities.parse(t) == null) {
      v.invalid(e.value(), what + ": not a quantity: '" + Values.clip(t) + "'");
      return null;
    }
    return t;
  }

  private void probes(Container.Builder b, KNode.Map c) {
    for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
      KNode.Map p = v.map(c.get(probe), probe);
      if (p != null) {
        hosts(b, p, probe);
      }
    }
    KNode.Map lifecycle = v.map(c.get("lifecycle"), "lifecycle");
    if (lifecycle != null) {
      for (String hook : new String[] {"postStart", "preStop"}) {
        KNode.Map h = v.map(lifecycle.get(hook), "lifecycle." + hook);
        if (h != null) {
          hosts(b, h, "lifecycle." + hook);
        }
      }
    }
    for (String probe : new String[] {"livenessProbe", "readinessProbe"}) {
      KNode.Entry e = c.entry(probe);
      KNode.Map p = e == null || !(e.value() instanceof KNode.Map m) ? null : m;
      if (p == null) {
        continue;
      }
      KNode.Map exec = p.map("exec");
      List<String> test = List.of();
      if (exec != null) {
        List<String> cmd = v.strings(exec.get("command"), probe + ".exec.command");
        if (cmd != null) {
          List<String> t = new ArrayList<>(cmd.size() + 1);
          t.add("CMD");
          t.addAll(cmd);
          test = t;
        }
      }
      b.healthcheck = new Healthcheck(test, false);
      locate(b, Field.HEALTHCHECK, e);
      break;
    }
  }

  /** The {@code host} of a probe's or handler's {@code httpGet} and {@code tcpSocket}. */
  private void hosts(Container.Builder b, KNode.Map handler, String what) {
    for (String kind : new String[] {"httpGet", "tcpSocket"}) {
      KNode.Map m = v.map(handler.get(kind), what + "." + kind);
      KNode.Entry host = m == null ? null : m.entry("host");
      String h = host == null ? null : v.string(host.value(), what + "." + kind + ".host");
      if (h != null) {
        locate(b, "probe_hosts[" + b.probeHosts.size() + "]", host);
        b.probeHosts.add(h);
      }
    }
  }
}
