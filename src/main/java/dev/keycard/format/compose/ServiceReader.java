package dev.keycard.format.compose;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.common.Capabilities;
import dev.keycard.input.common.SecurityOptions;
import dev.keycard.input.common.Users;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one service mapping (merge keys and extends already applied) into a container. Keys that
 * matter for runtime security are read; others ({@code labels}, {@code ulimits}, {@code
 * container_name}, ...) are ignored. {@code deploy.resources.limits} and {@code
 * deploy.restart_policy} win over {@code mem_limit}/{@code cpus}/{@code pids_limit}/{@code restart}
 * as they do in docker compose, which applies them last.
 */
final class ServiceReader {
  private final Values v;
  private final Container.Builder b;
  private final Fields fields;

  ServiceReader(Values values) {
    this.v = values;
    this.b = values.builder();
    this.fields = new Fields(values, b);
  }

  void read(YNode.Map service) {
    for (YNode.Entry e : service.entries()) {
      read(e);
    }
    YNode deploy = service.get("deploy");
    if (deploy instanceof YNode.Map d) {
      new Deploy(v, b).read(d, service);
    } else if (deploy != null && !(deploy instanceof YNode.Scalar s && s.isNull())) {
      v.invalid(deploy, "deploy: expected a mapping");
    }
    if (b.networkMode == null && b.networks.isEmpty() && service.get("networks") == null) {
      // Compose attaches such a service to the project's "default" network, a user-defined bridge,
      // never to Docker's default bridge: saying so lets rules (KC-052) tell it from a docker run.
      b.networks.add("default");
    }
  }

  private void read(YNode.Entry e) {
    YNode val = e.value();
    switch (e.name()) {
      case "image" -> scalar(e, Field.IMAGE, Values::string, t -> b.image = t);
      case "user" -> {
        Values.Text t = v.text(val, "user");
        if (t != null) {
          Users.apply(b, t.value());
          if (t.unknown()) {
            b.uid = null;
            b.gid = null;
          }
          v.locate(Field.USER, e);
        }
      }
      case "privileged" -> scalar(e, Field.PRIVILEGED, Values::bool, x -> b.privileged = x);
      case "read_only" -> scalar(e, Field.READ_ONLY, Values::bool, x -> b.readOnly = x);
      case "oom_kill_disable" ->
          scalar(e, Field.OOM_KILL_DISABLE, Values::bool, x -> b.oomKillDisable = x);
      case "cap_add" -> caps(e, Field.CAP_ADD, b.capAdd);
      case "cap_drop" -> caps(e, Field.CAP_DROP, b.capDrop);
      case "security_opt" -> securityOpt(e);
      case "mem_limit" -> scalar(e, Field.MEMORY, Values::size, x -> b.memory = x);
      case "mem_reservation" ->
          scalar(e, Field.MEMORY_RESERVATION, Values::size, x -> b.memoryReservation = x);
      case "memswap_limit" -> scalar(e, Field.MEMORY_SWAP, Values::size, x -> b.memorySwap = x);
      case "cpus" -> scalar(e, Field.CPUS, Values::number, x -> b.cpus = x);
      case "cpu_shares" -> scalar(e, Field.CPU_SHARES, Values::integer, x -> b.cpuShares = x);
      case "cpu_quota" -> scalar(e, Field.CPU_QUOTA, Values::integer, x -> b.cpuQuota = x);
      case "cpu_period" -> scalar(e, Field.CPU_PERIOD, Values::integer, x -> b.cpuPeriod = x);
      case "pids_limit" -> scalar(e, Field.PIDS_LIMIT, Values::integer, x -> b.pidsLimit = x);
      case "network_mode" -> scalar(e, Field.NETWORK_MODE, Values::string, t -> b.networkMode = t);
      case "networks" -> networks(e);
      case "pid" -> scalar(e, Field.PID, Values::string, t -> b.pid = t);
      case "ipc" -> scalar(e, Field.IPC, Values::string, t -> b.ipc = t);
      case "uts" -> scalar(e, Field.UTS, Values::string, t -> b.uts = t);
      case "userns_mode" -> scalar(e, Field.USERNS, Values::string, t -> b.userns = t);
      case "cgroup" -> scalar(e, Field.CGROUPNS, Values::string, t -> b.cgroupns = t);
      case "cgroup_parent" ->
          scalar(e, Field.CGROUP_PARENT, Values::string, t -> b.cgroupParent = t);
      case "volumes" -> fields.volumes(e);
      case "tmpfs" -> fields.tmpfs(e);
      case "devices" -> fields.devices(e);
      case "device_cgroup_rules" -> strings(e, Field.DEVICE_CGROUP_RULES, b.deviceCgroupRules);
      case "ports" -> fields.ports(e);
      case "sysctls" -> fields.sysctls(e);
      case "environment" -> fields.environment(e);
      case "restart" -> restart(e);
      case "healthcheck" -> healthcheck(e);
      case "command" -> b.command = fields.command(e, "command");
      case "entrypoint" -> b.entrypoint = fields.command(e, "entrypoint");
      case "build" -> build(e);
      case "env_file" -> envFile(e);
      case "use_api_socket" -> {
        if (Boolean.TRUE.equals(v.bool(val, "use_api_socket"))) {
          String sock = "/var/run/docker.sock";
          int i = b.mounts.size();
          b.mounts.add(new Mount(Mount.BIND, sock, sock, false, null));
          v.locate("mounts[" + i + "]", e);
        }
      }
      default -> {
        // not security relevant (labels, ulimits, container_name, depends_on, ...)
      }
    }
  }

  /** A scalar setting read with {@code read}: set, and located at its entry, when it holds one. */
  private <T> void scalar(YNode.Entry e, Field field, Values.Read<T> read, Consumer<T> set) {
    T x = read.read(v, e.value(), field.name());
    if (x != null) {
      set.accept(x);
      v.locate(field, e);
    }
  }

  private void caps(YNode.Entry e, Field field, List<String> into) {
    strings(e, field, into, Capabilities::normalize);
  }

  private void strings(YNode.Entry e, Field field, List<String> into) {
    strings(e, field, into, java.util.function.UnaryOperator.identity());
  }

  /** A list of strings, each known one passed through {@code normalize}. */
  private void strings(
      YNode.Entry e, Field field, List<String> into, java.util.function.UnaryOperator<String> normalize) {
    List<YNode> items = v.items(e, field, false);
    if (items == null) {
      return;
    }
    for (YNode item : items) {
      String p = field.name() + "[" + into.size() + "]";
      Values.Text t = v.text(item, p);
      if (t != null) {
        into.add(t.unknown() ? t.value() : normalize.apply(t.value()));
        v.locate(p, item);
      }
    }
  }

  private void securityOpt(YNode.Entry e) {
    List<YNode> items = v.items(e, Field.SECURITY_OPT, false);
    if (items == null) {
      return;
    }
    for (YNode item : items) {
      Values.Text t = v.text(item, "security_opt[" + b.securityOpt.size() + "]");
      if (t != null) {
        SecurityOptions.apply(b, t.value(), v.origin(item));
      }
    }
  }

  private void networks(YNode.Entry e) {
    YNode val = e.value();
    List<YNode> names = new ArrayList<>();
    if (val instanceof YNode.Map m) {
      for (YNode.Entry n : m.entries()) {
        names.add(n.key());
      }
    } else {
      List<YNode> items = v.items(val, "networks", false);
      if (items == null) {
        return;
      }
      names.addAll(items);
    }
    v.locate(Field.NETWORKS, e);
    for (YNode n : names) {
      String p = "networks[" + b.networks.size() + "]";
      String t = n instanceof YNode.Scalar s ? s.text() : null;
      if (t != null) {
        b.networks.add(t);
        v.locate(p, n);
      }
    }
  }

  /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}. */
  private void restart(YNode.Entry e) {
    YNode val = e.value();
    String t =
        val instanceof YNode.Scalar s && Boolean.FALSE.equals(s.value())
            ? "no"
            : v.known(val, "restart_policy");
    if (t == null) {
      return;
    }
    int colon = t.indexOf(':');
    String name = colon < 0 ? t.trim() : t.substring(0, colon).trim();
    if (!List.of("no", "always", "unless-stopped", "on-failure").contains(name)) {
      v.invalid(val, "restart: unknown policy '" + t + "'");
      return;
    }
    b.restartPolicy = name;
    v.locate(Field.RESTART_POLICY, e);
    if (colon >= 0) {
      try {
        b.restartMaxRetries = Integer.valueOf(t.substring(colon + 1).trim());
        v.locate(Field.RESTART_MAX_RETRIES, e);
      } catch (NumberFormatException ex) {
        v.invalid(val, "restart: bad retry count in '" + t + "'");
      }
    }
  }

  private void healthcheck(YNode.Entry e) {
    if (!(e.value() instanceof YNode.Map m)) {
      if (!(e.value() instanceof YNode.Scalar s && s.isNull())) {
        v.invalid(e.value(), "healthcheck: expected a mapping");
      }
      return;
    }
    boolean disabled = false;
    YNode dis = m.get("disable");
    if (dis != null) {
      disabled = Boolean.TRUE.equals(v.bool(dis, "healthcheck.disable"));
    }
    List<String> test = List.of();
    YNode.Entry te = m.entry("test");
    if (te != null) {
      if (te.value() instanceof YNode.Scalar s && s.isString()) {
        Values.Text t = v.text(s, "healthcheck.test");
        test = t == null ? List.of() : List.of("CMD-SHELL", t.value());
      } else {
        List<String> l = fields.command(te, "healthcheck.test");
        test = l == null ? List.of() : l;
      }
      if (test.size() == 1 && test.get(0).equals("NONE")) {
        disabled = true;
      }
    }
    b.healthcheck = new Healthcheck(test, disabled);
    v.locate(Field.HEALTHCHECK, e);
  }

  /** Records the Dockerfile name. */
  private void build(YNode.Entry e) {
    YNode val = e.value();
    String context = null;
    String dockerfile = "Dockerfile";
    if (val instanceof YNode.Scalar s && s.isString()) {
      context = v.known(s, "build");
    } else if (val instanceof YNode.Map m) {
      YNode c = m.get("context");
      context = c == null ? "." : v.known(c, "build.context");
      YNode df = m.get("dockerfile");
      if (df != null) {
        String d = v.known(df, "dockerfile");
        dockerfile = d == null ? dockerfile : d;
      }
    } else {
      v.invalid(val, "build: expected a path or a mapping");
      return;
    }
    // The build context is never read; only the Dockerfile's name is kept, so that a companion
    // Dockerfile sent in the request can tell the image's user.
    b.dockerfile = dockerfile;
    v.locate(Field.DOCKERFILE, e);
  }

  private void envFile(YNode.Entry e) {
    YNode val = e.value();
    if (val instanceof YNode.Scalar s && !s.isNull()) {
      notRead("env_file " + s.text(), e.start(), e.end(), e.key().pointer());
      return;
    }
    List<YNode> items = v.items(val, "env_file", false);
    for (YNode i : items == null ? List.<YNode>of() : items) {
      YNode p = i instanceof YNode.Map m && m.get("path") != null ? m.get("path") : i;
      String name = p instanceof YNode.Scalar s ? s.text() : "";
      notRead("env_file " + name, i.start(), i.end(), i.pointer());
    }
  }

  private void notRead(String what, int start, int end, String pointer) {
    v.diags().add(DiagnosticCode.INPUT_UNREAD_FILE, what + " was not read", start, end, pointer);
  }
}
