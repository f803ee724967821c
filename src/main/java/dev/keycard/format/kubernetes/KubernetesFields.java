package dev.keycard.format.kubernetes;

import static dev.keycard.format.FieldSource.notExpressible;
import static dev.keycard.format.FieldSource.read;

import dev.keycard.format.FieldSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kubernetes field table: for every canonical field, the pod spec fields the parser reads it
 * from, the field a fix writes, or why a pod cannot say it. A path starting {@code spec.} is the
 * pod spec's (a workload's {@code spec.template.spec}); {@code metadata.} is the pod's metadata;
 * every other path is the container's own ({@code containers[]}, {@code initContainers[]}, {@code
 * ephemeralContainers[]}), and a container {@code securityContext.X} falls back on the pod's
 * {@code spec.securityContext.X} where Kubernetes inherits it. The renderer renders fixes only of
 * the fields a row gives a fix; {@link KubernetesFormat#fields()} shows the table.
 */
final class KubernetesFields {
  private KubernetesFields() {}

  private static final Map<String, FieldSource> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("name", read("name"));
    ROWS.put("image", read("image"));
    ROWS.put(
        "user",
        read("securityContext.runAsUser", "spec.securityContext.runAsUser")
            .fixedAs("securityContext.runAsUser")
            .noting("uid[:gid], the gid from runAsGroup; a fix sets both where they were read"));
    ROWS.put("uid", read("securityContext.runAsUser", "spec.securityContext.runAsUser"));
    ROWS.put("gid", read("securityContext.runAsGroup", "spec.securityContext.runAsGroup"));
    ROWS.put(
        "run_as_non_root",
        read("securityContext.runAsNonRoot", "spec.securityContext.runAsNonRoot"));
    ROWS.put(
        "image_user",
        FieldSource.derived("image")
            .noting("the USER of a companion Dockerfile sent with the request"));
    ROWS.put("dockerfile", notExpressible("a pod names an image, never the build that made it"));
    ROWS.put(
        "privileged",
        read("securityContext.privileged").fixedAs("securityContext.privileged"));
    ROWS.put(
        "host_process",
        read(
            "securityContext.windowsOptions.hostProcess",
            "spec.securityContext.windowsOptions.hostProcess"));
    ROWS.put("os", read("spec.os.name"));
    ROWS.put(
        "cap_add",
        read("securityContext.capabilities.add").fixedAs("securityContext.capabilities.add"));
    ROWS.put(
        "cap_drop",
        read("securityContext.capabilities.drop").fixedAs("securityContext.capabilities.drop"));
    ROWS.put("cap_add_as_written", read("securityContext.capabilities.add"));
    ROWS.put("cap_drop_as_written", read("securityContext.capabilities.drop"));
    ROWS.put(
        "read_only",
        read("securityContext.readOnlyRootFilesystem")
            .fixedAs("securityContext.readOnlyRootFilesystem"));
    ROWS.put(
        "tmpfs",
        FieldSource.writtenOnly(
            "spec.volumes[].emptyDir.medium",
            "a fix adds an emptyDir volume with medium: Memory and its volumeMount; the parser"
                + " reads that as a mount"));
    ROWS.put(
        "security_opt",
        read(
                "securityContext.allowPrivilegeEscalation",
                "securityContext.seccompProfile",
                "securityContext.appArmorProfile",
                "securityContext.seLinuxOptions",
                "securityContext.procMount")
            .fixedAs("securityContext.allowPrivilegeEscalation")
            .noting("Docker's options for these settings; a fix adds only no-new-privileges:true"));
    ROWS.put(
        "no_new_privileges",
        read("securityContext.allowPrivilegeEscalation").noting("its inverse"));
    ROWS.put(
        "seccomp",
        read(
            "securityContext.seccompProfile",
            "spec.securityContext.seccompProfile",
            "metadata.annotations[container.seccomp.security.alpha.kubernetes.io/<name>]",
            "metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]"));
    ROWS.put(
        "seccomp_default",
        FieldSource.constant("unconfined")
            .noting("the kubelet runs a container without a profile unconfined unless the node"
                + " turns its seccompDefault on"));
    ROWS.put(
        "apparmor",
        read(
            "securityContext.appArmorProfile",
            "spec.securityContext.appArmorProfile",
            "metadata.annotations[container.apparmor.security.beta.kubernetes.io/<name>]"));
    ROWS.put(
        "selinux",
        read("securityContext.seLinuxOptions", "spec.securityContext.seLinuxOptions"));
    ROWS.put("pod_selinux", read("spec.securityContext.seLinuxOptions"));
    ROWS.put("systempaths", read("securityContext.procMount").noting("Unmasked is unconfined"));
    ROWS.put(
        "memory",
        read("resources.limits.memory").fixedAs("resources.limits.memory"));
    ROWS.put("memory_reservation", read("resources.requests.memory"));
    ROWS.put(
        "memory_swap",
        notExpressible("a pod has no swap limit of its own; swap is the node's setting"));
    ROWS.put("cpus", read("resources.limits.cpu").fixedAs("resources.limits.cpu"));
    ROWS.put(
        "cpu_shares",
        read("resources.requests.cpu").noting("the kubelet's shares for the request"));
    ROWS.put("cpu_quota", notExpressible(cfsDerived()));
    ROWS.put("cpu_period", notExpressible(cfsDerived()));
    ROWS.put(
        "pids_limit",
        notExpressible("a pod has no PID limit of its own; the kubelet's podPidsLimit sets one"));
    ROWS.put(
        "oom_kill_disable",
        notExpressible("Kubernetes never disables the OOM killer for a container"));
    ROWS.put("network_mode", read("spec.hostNetwork").fixedAs("spec.hostNetwork"));
    ROWS.put(
        "networks",
        read("spec.hostNetwork").noting("pod: the cluster network, when hostNetwork is not true"));
    ROWS.put("pid", read("spec.hostPID").fixedAs("spec.hostPID"));
    ROWS.put("ipc", read("spec.hostIPC").fixedAs("spec.hostIPC"));
    ROWS.put(
        "uts",
        notExpressible("a pod's UTS namespace follows hostNetwork; there is no field of its own"));
    ROWS.put("userns", read("spec.hostUsers").noting("hostUsers: false is auto"));
    ROWS.put("cgroupns", notExpressible("the runtime chooses the cgroup namespace; no pod field"));
    ROWS.put("cgroup_parent", notExpressible("the kubelet chooses the pod's cgroup; no pod field"));
    ROWS.put(
        "mounts",
        read("volumeMounts", "spec.volumes")
            .fixedAs("volumeMounts")
            .noting("a fix removes the volumeMount, and the volume no other mount uses"));
    ROWS.put("volumes", read("spec.volumes"));
    ROWS.put(
        "devices",
        notExpressible("a pod cannot map host devices; device plugins hand them out"));
    ROWS.put("device_cgroup_rules", notExpressible("a pod has no device cgroup rules"));
    ROWS.put(
        "ports",
        read("ports[].hostPort", "ports[].hostIP")
            .noting("only ports with a hostPort are published on the node"));
    ROWS.put(
        "publish_all",
        notExpressible("a pod publishes only the ports that name a hostPort"));
    ROWS.put(
        "sysctls",
        read("spec.securityContext.sysctls").fixedAs("spec.securityContext.sysctls"));
    ROWS.put("environment", read("env"));
    ROWS.put(
        "restart_policy",
        read("spec.restartPolicy").noting("Always, OnFailure, Never; not the retry count"));
    ROWS.put(
        "restart_max_retries",
        notExpressible("a pod's restartPolicy has no retry count; restarts back off forever"));
    ROWS.put(
        "healthcheck",
        read("livenessProbe", "readinessProbe").noting("the liveness probe, else the readiness one"));
    ROWS.put(
        "probe_hosts",
        read(
                "livenessProbe.httpGet.host",
                "readinessProbe.httpGet.host",
                "startupProbe.httpGet.host",
                "lifecycle.postStart.httpGet.host",
                "lifecycle.preStop.httpGet.host")
            .noting("and each tcpSocket.host beside an httpGet"));
    ROWS.put("command", read("args"));
    ROWS.put("entrypoint", read("command"));
  }

  private static final Map<String, FieldSource> SOURCES = Collections.unmodifiableMap(ROWS);

  /** Every canonical field's row, in the model's order. */
  static Map<String, FieldSource> sources() {
    return SOURCES;
  }

  /**
   * Whether fixes of {@code field} cannot be rendered: a model field whose row gives no fix. A name
   * that is no model field (an item's {@code host_ip}, a mount's {@code propagation}) is for the
   * renderer to decide.
   */
  static boolean notRendered(String field) {
    FieldSource s = ROWS.get(field);
    return s != null && !s.fixable();
  }

  private static String cfsDerived() {
    return "the kubelet derives the CFS quota and period from resources.limits.cpu";
  }
}
