package dev.keycard.format.engineapi;

import dev.keycard.input.common.Capabilities;
import dev.keycard.input.common.PortSpecs;
import dev.keycard.input.common.SecurityOptions;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.Field;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Tmpfs;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the security-relevant fields of an Engine API {@code HostConfig} into a container. */
final class HostConfigReader {
  static final Set<String> KNOWN =
      Set.of(
          "Privileged",
          "CapAdd",
          "CapDrop",
          "ReadonlyRootfs",
          "Tmpfs",
          "SecurityOpt",
          "Memory",
          "MemoryReservation",
          "MemorySwap",
          "NanoCpus",
          "CpuQuota",
          "CpuPeriod",
          "CpuShares",
          "PidsLimit",
          "OomKillDisable",
          "NetworkMode",
          "PidMode",
          "IpcMode",
          "UTSMode",
          "UsernsMode",
          "CgroupnsMode",
          "CgroupParent",
          "Binds",
          "Mounts",
          "Devices",
          "DeviceCgroupRules",
          "PortBindings",
          "PublishAllPorts",
          "Sysctls",
          "RestartPolicy",
          "MaskedPaths",
          "ReadonlyPaths");

  private static final long DEFAULT_CPU_PERIOD = 100_000L;

  private final Values v;
  private final Container.Builder b;

  HostConfigReader(Values v, Container.Builder b) {
    this.v = v;
    this.b = b;
  }

  /** Reads {@code hc}; its Binds and Mounts are skipped when the caller has the real mounts. */
  void read(JsonNode hc, boolean readMounts) {
    v.checkCase(hc, KNOWN);
    flags(hc);
    capabilities(hc);
    tmpfs(hc);
    securityOptions(hc);
    resources(hc);
    namespaces(hc);
    if (readMounts) {
      MountReader mounts = new MountReader(v, b);
      mounts.binds(v.strings(hc, "Binds", false));
      mounts.hostConfigMounts(v.array(hc, "Mounts"));
    }
    devices(hc);
    ports(hc);
    sysctls(hc);
    restart(hc);
    systemPaths(hc);
  }

  private void flags(JsonNode hc) {
    b.privileged = flag(hc, "Privileged", Field.PRIVILEGED, b.privileged);
    b.readOnly = flag(hc, "ReadonlyRootfs", Field.READ_ONLY, b.readOnly);
    b.publishAll = flag(hc, "PublishAllPorts", Field.PUBLISH_ALL, b.publishAll);
    b.oomKillDisable = flag(hc, "OomKillDisable", Field.OOM_KILL_DISABLE, b.oomKillDisable);
  }

  /** The boolean member {@code key}, located where it is written; {@code unset} when absent. */
  private boolean flag(JsonNode hc, String key, Field field, boolean unset) {
    Boolean value = v.bool(hc, key);
    if (value == null) {
      return unset;
    }
    b.locate(field, v.member(hc.get(key)));
    return value;
  }

  /** {@code member} (null when absent or of the wrong type), located as {@code field} if present. */
  private JsonNode located(JsonNode member, Field field) {
    if (member != null) {
      b.locate(field, v.member(member));
    }
    return member;
  }

  private void capabilities(JsonNode hc) {
    capList(hc, "CapAdd", Field.CAP_ADD, b.capAdd);
    capList(hc, "CapDrop", Field.CAP_DROP, b.capDrop);
  }

  private void capList(JsonNode hc, String key, Field field, List<String> into) {
    List<JsonNode> caps = v.strings(hc, key, true);
    if (caps == null) {
      return;
    }
    b.locate(field, v.member(hc.get(key)));
    for (JsonNode c : caps) {
      b.locate(field.name() + "[" + into.size() + "]", v.value(c));
      into.add(Capabilities.normalize((String) c.plain()));
    }
  }

  private void tmpfs(JsonNode hc) {
    JsonNode map = located(v.object(hc, "Tmpfs"), Field.TMPFS);
    if (map == null) {
      return;
    }
    for (var e : map.fields().entrySet()) {
      JsonNode opts = e.getValue();
      String options = opts.isNull() ? "" : v.string(opts);
      if (options == null) {
        continue;
      }
      b.locate("tmpfs[" + b.tmpfs.size() + "]", v.member(opts));
      b.tmpfs.add(new Tmpfs(e.getKey(), options.isEmpty() ? null : options));
    }
  }

  private void securityOptions(JsonNode hc) {
    List<JsonNode> opts = v.strings(hc, "SecurityOpt", false);
    if (opts == null) {
      return;
    }
    b.locate(Field.SECURITY_OPT, v.member(hc.get("SecurityOpt")));
    for (JsonNode o : opts) {
      SecurityOptions.apply(b, (String) o.plain(), v.value(o));
    }
  }

  private void resources(JsonNode hc) {
    b.memory = longField(hc, "Memory", Field.MEMORY);
    b.memoryReservation = longField(hc, "MemoryReservation", Field.MEMORY_RESERVATION);
    b.memorySwap = longField(hc, "MemorySwap", Field.MEMORY_SWAP);
    b.cpuShares = longField(hc, "CpuShares", Field.CPU_SHARES);
    b.cpuQuota = longField(hc, "CpuQuota", Field.CPU_QUOTA);
    b.cpuPeriod = longField(hc, "CpuPeriod", Field.CPU_PERIOD);
    b.pidsLimit = longField(hc, "PidsLimit", Field.PIDS_LIMIT);
    Long nano = v.integer(hc, "NanoCpus");
    if (nano != null && nano > 0) {
      b.cpus = nano / 1e9;
      b.locate(Field.CPUS, v.member(hc.get("NanoCpus")));
    } else if (b.cpuQuota != null && b.cpuQuota > 0) {
      // the daemon applies a quota against the CFS period, 100ms unless CpuPeriod says otherwise
      long period = b.cpuPeriod != null && b.cpuPeriod > 0 ? b.cpuPeriod : DEFAULT_CPU_PERIOD;
      b.cpus = (double) b.cpuQuota / period;
      b.locate(Field.CPUS, v.member(hc.get("CpuQuota")));
    }
  }

  private Long longField(JsonNode hc, String key, Field field) {
    Long value = v.integer(hc, key);
    if (value != null) {
      b.locate(field, v.member(hc.get(key)));
    }
    return value;
  }

  private void namespaces(JsonNode hc) {
    String network = v.string(hc, "NetworkMode");
    if (network != null && !network.isEmpty()) {
      // kept raw: "default" is what the CLI sends for bridge, and rules may want to tell them apart
      b.networkMode = network;
      b.locate(Field.NETWORK_MODE, v.member(hc.get("NetworkMode")));
    }
    b.pid = mode(hc, "PidMode", Field.PID);
    b.ipc = mode(hc, "IpcMode", Field.IPC);
    b.uts = mode(hc, "UTSMode", Field.UTS);
    b.userns = mode(hc, "UsernsMode", Field.USERNS);
    b.cgroupns = mode(hc, "CgroupnsMode", Field.CGROUPNS);
    b.cgroupParent = mode(hc, "CgroupParent", Field.CGROUP_PARENT);
  }

  /** A mode string; empty means the daemon default, which is the same as absent. */
  private String mode(JsonNode hc, String key, Field field) {
    String s = v.string(hc, key);
    if (s == null || s.isEmpty()) {
      return null;
    }
    b.locate(field, v.member(hc.get(key)));
    return s;
  }

  private void devices(JsonNode hc) {
    JsonNode list = located(v.array(hc, "Devices"), Field.DEVICES);
    if (list != null) {
      for (JsonNode d : list.items()) {
        if (!d.isObject()) {
          v.invalid(d.pointer() + " must be an object", d, false);
          continue;
        }
        String host = v.string(d, "PathOnHost");
        String target = v.string(d, "PathInContainer");
        String perms = v.string(d, "CgroupPermissions");
        b.locate("devices[" + b.devices.size() + "]", v.value(d));
        b.devices.add(new Device(host, target, perms));
      }
    }
    List<JsonNode> rules = v.strings(hc, "DeviceCgroupRules", false);
    if (rules != null) {
      b.locate(Field.DEVICE_CGROUP_RULES, v.member(hc.get("DeviceCgroupRules")));
      for (JsonNode r : rules) {
        b.locate("device_cgroup_rules[" + b.deviceCgroupRules.size() + "]", v.value(r));
        b.deviceCgroupRules.add((String) r.plain());
      }
    }
  }

  private void ports(JsonNode hc) {
    JsonNode map = located(v.object(hc, "PortBindings"), Field.PORTS);
    if (map == null) {
      return;
    }
    for (var e : map.fields().entrySet()) {
      String key = e.getKey();
      int slash = key.indexOf('/');
      String proto = slash < 0 ? "tcp" : key.substring(slash + 1).toLowerCase(Locale.ROOT);
      int[] container = PortSpecs.range(slash < 0 ? key : key.substring(0, slash));
      if (container == null) {
        v.invalid("invalid port \"" + key + "\"; ignored", e.getValue(), true);
        continue;
      }
      JsonNode bindings = e.getValue();
      if (bindings.isNull()) {
        continue;
      }
      if (!bindings.isArray()) {
        v.invalid(bindings.pointer() + " must be an array", bindings, true);
        continue;
      }
      for (JsonNode binding : bindings.items()) {
        binding(binding, container, proto);
      }
    }
  }

  private void binding(JsonNode binding, int[] container, String proto) {
    if (!binding.isObject()) {
      v.invalid(binding.pointer() + " must be an object", binding, false);
      return;
    }
    String ip = v.string(binding, "HostIp");
    String hostPort = v.string(binding, "HostPort");
    int[] host = hostPort == null || hostPort.isEmpty() ? null : PortSpecs.range(hostPort);
    if (hostPort != null && !hostPort.isEmpty() && host == null) {
      v.invalid("invalid host port \"" + hostPort + "\"", binding, false);
      return;
    }
    b.locate("ports[" + b.ports.size() + "]", v.value(binding));
    b.ports.add(
        new Port(
            ip == null || ip.isEmpty() ? null : ip,
            host == null ? null : host[0],
            host == null ? null : host[1],
            container[0],
            container[1],
            proto));
  }

  private void sysctls(JsonNode hc) {
    JsonNode map = located(v.object(hc, "Sysctls"), Field.SYSCTLS);
    if (map == null) {
      return;
    }
    for (var e : map.fields().entrySet()) {
      String value = v.string(e.getValue());
      if (value != null) {
        b.locate("sysctls[" + b.sysctls.size() + "]", v.member(e.getValue()));
        b.sysctls.add(new Sysctl(e.getKey(), value));
      }
    }
  }

  private void restart(JsonNode hc) {
    JsonNode policy = v.object(hc, "RestartPolicy");
    if (policy == null) {
      return;
    }
    String name = v.string(policy, "Name");
    if (name != null && !name.isEmpty()) {
      b.restartPolicy = name;
      b.locate(Field.RESTART_POLICY, v.member(policy));
    }
    Long retries = v.integer(policy, "MaximumRetryCount");
    if (retries != null && retries >= Integer.MIN_VALUE && retries <= Integer.MAX_VALUE) {
      b.restartMaxRetries = retries.intValue();
      b.locate(Field.RESTART_MAX_RETRIES, v.member(policy.get("MaximumRetryCount")));
    }
  }

  /**
   * {@code --security-opt systempaths=unconfined} reaches the API as empty {@code MaskedPaths} and
   * {@code ReadonlyPaths}, not as a security option; only both together unmask everything.
   */
  private void systemPaths(JsonNode hc) {
    JsonNode masked = v.array(hc, "MaskedPaths");
    JsonNode readOnly = v.array(hc, "ReadonlyPaths");
    if (masked != null
        && readOnly != null
        && masked.items().isEmpty()
        && readOnly.items().isEmpty()) {
      b.systempaths = "unconfined";
      b.locate(Field.SYSTEMPATHS, v.member(masked));
    }
  }
}
