package dev.keycard.format;

import static dev.keycard.format.FieldSource.capabilityNamesAsWritten;
import static dev.keycard.format.FieldSource.derived;
import static dev.keycard.format.FieldSource.kubernetesOnly;
import static dev.keycard.format.FieldSource.notExpressible;

import dev.keycard.model.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field-table rows the Docker formats that describe a container's run (a {@code docker run}
 * command line, an Engine API body) say alike: Docker derives these fields, or lacks them, the same
 * way whichever of them the container is written in.
 */
public final class DockerFieldRows {
  private DockerFieldRows() {}

  /**
   * The format's own rows {@code own} with the shared ones, in the model's order; {@code input}
   * names what the format reads ("a command line", "a body"). A field both name is a mistake.
   */
  public static Map<String, FieldSource> with(Map<String, FieldSource> own, String input) {
    Map<String, FieldSource> all = new LinkedHashMap<>(shared(input));
    own.forEach(
        (field, row) -> {
          if (all.putIfAbsent(field, row) != null) {
            throw new IllegalArgumentException(field + " is a shared Docker row");
          }
        });
    Map<String, FieldSource> ordered = new LinkedHashMap<>();
    for (Field f : Field.settings()) {
      FieldSource row = all.remove(f.name());
      if (row != null) {
        ordered.put(f.name(), row);
      }
    }
    if (!all.isEmpty()) {
      throw new IllegalArgumentException("rows for no setting of the model: " + all.keySet());
    }
    return Collections.unmodifiableMap(ordered);
  }

  private static Map<String, FieldSource> shared(String input) {
    Map<String, FieldSource> rows = new LinkedHashMap<>();
    rows.put("uid", derived("user"));
    rows.put("gid", derived("user"));
    rows.put("run_as_non_root", kubernetesOnly("runAsNonRoot: the runtime refusing root"));
    rows.put(
        "image_user",
        derived("image").noting("the USER of a companion Dockerfile sent with the request"));
    rows.put("host_process", kubernetesOnly("a Windows HostProcess container"));
    rows.put("cap_add_as_written", capabilityNamesAsWritten(input));
    rows.put("cap_drop_as_written", capabilityNamesAsWritten(input));
    rows.put("no_new_privileges", derived("security_opt"));
    rows.put("seccomp", derived("security_opt"));
    rows.put(
        "seccomp_default",
        notExpressible(
            "Docker's default seccomp profile applies when none is named; only Kubernetes defaults"
                + " to unconfined"));
    rows.put("apparmor", derived("security_opt"));
    rows.put("selinux", derived("security_opt"));
    rows.put("pod_selinux", kubernetesOnly("the pod's own seLinuxOptions"));
    rows.put("probe_hosts", kubernetesOnly("the hosts of HTTP and TCP probes"));
    return rows;
  }
}
