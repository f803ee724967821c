package dev.keycard.format.compose;

import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Tmpfs;
import dev.keycard.remediation.RenderValues;
import dev.keycard.remediation.yaml.YamlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes canonical containers as a Docker Compose document, one service per container, from the
 * model alone: what a {@code docker run} line becomes when a team moves it into compose.
 */
public final class ComposeExport {
  private ComposeExport() {}

  /** The compose document for these containers. */
  public static String of(List<Container> containers) {
    StringBuilder sb = new StringBuilder("services:\n");
    List<String> used = new ArrayList<>();
    for (Container c : containers) {
      String name = serviceName(c.name(), used);
      used.add(name);
      sb.append("  ").append(YamlText.scalar(name)).append(":\n");
      service(c, sb);
    }
    return sb.toString();
  }

  private static String serviceName(String name, List<String> used) {
    String base = name == null || name.isBlank() ? "app" : name.toLowerCase(Locale.ROOT);
    StringBuilder safe = new StringBuilder(base.length());
    for (int i = 0; i < base.length(); i++) {
      char ch = base.charAt(i);
      boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-';
      safe.append(ok ? ch : '-');
    }
    base = safe.toString();
    String n = base;
    for (int i = 2; used.contains(n); i++) {
      n = base + "-" + i;
    }
    return n;
  }

  private static void service(Container c, StringBuilder sb) {
    key(sb, "image", c.image());
    key(sb, "user", c.user());
    if (c.privileged()) {
      key(sb, "privileged", true);
    }
    list(sb, "cap_drop", c.capDrop());
    list(sb, "cap_add", c.capAdd());
    if (c.readOnly()) {
      key(sb, "read_only", true);
    }
    list(sb, "tmpfs", c.tmpfs().stream().map(ComposeExport::tmpfs).toList());
    list(sb, "security_opt", c.securityOpt());
    key(sb, "mem_limit", c.memory() == null ? null : RenderValues.size(c.memory()));
    key(sb, "cpus", c.cpus() == null ? null : RenderValues.cpus(c.cpus()));
    key(sb, "pids_limit", c.pidsLimit());
    if (c.oomKillDisable()) {
      key(sb, "oom_kill_disable", true);
    }
    key(sb, "network_mode", c.networkMode());
    list(sb, "networks", c.networks());
    key(sb, "pid", c.pid());
    key(sb, "ipc", c.ipc());
    key(sb, "uts", c.uts());
    key(sb, "userns_mode", c.userns());
    key(sb, "cgroup", c.cgroupns());
    key(sb, "cgroup_parent", c.cgroupParent());
    list(sb, "volumes", c.mounts().stream().map(ComposeExport::mount).toList());
    list(sb, "devices", c.devices().stream().map(ComposeExport::device).toList());
    list(sb, "device_cgroup_rules", c.deviceCgroupRules());
    list(sb, "ports", c.ports().stream().map(ComposeExport::port).toList());
    list(sb, "sysctls", c.sysctls().stream().map(s -> s.name() + "=" + s.value()).toList());
    list(sb, "environment", c.environment().stream().map(ComposeExport::env).toList());
    if (c.restartPolicy() != null) {
      key(
          sb,
          "restart",
          c.restartPolicy() + (c.restartMaxRetries() == null ? "" : ":" + c.restartMaxRetries()));
    }
    if (c.entrypoint() != null) {
      list(sb, "entrypoint", c.entrypoint());
    }
    if (c.command() != null && !c.command().isEmpty()) {
      list(sb, "command", c.command());
    }
  }

  private static String tmpfs(Tmpfs t) {
    return t.options() == null ? t.target() : t.target() + ":" + t.options();
  }

  private static String mount(Mount m) {
    String s = m.source() == null ? m.target() : m.source() + ":" + m.target();
    List<String> opts = new ArrayList<>();
    if (m.readOnly()) {
      opts.add("ro");
    }
    if (m.propagation() != null) {
      opts.add(m.propagation());
    }
    return opts.isEmpty() ? s : s + ":" + String.join(",", opts);
  }

  private static String device(Device d) {
    String s = d.target() == null ? d.source() : d.source() + ":" + d.target();
    return d.permissions() == null ? s : s + ":" + d.permissions();
  }

  private static String port(Port p) {
    String container = range(p.containerPort(), p.containerPortEnd());
    String host = p.hostPort() == null ? "" : range(p.hostPort(), p.hostPortEnd());
    String s =
        p.hostIp() != null
            ? p.hostIp() + ":" + host + ":" + container
            : p.hostPort() != null ? host + ":" + container : container;
    return p.protocol() == null || p.protocol().equals("tcp") ? s : s + "/" + p.protocol();
  }

  private static String range(Integer a, Integer b) {
    return b == null || b.equals(a) ? String.valueOf(a) : a + "-" + b;
  }

  private static String env(EnvVar e) {
    return e.value() == null ? e.name() : e.name() + "=" + e.value();
  }

  private static void key(StringBuilder sb, String key, Object value) {
    if (value != null) {
      sb.append("    ").append(key).append(": ").append(YamlText.scalar(value)).append('\n');
    }
  }

  private static void list(StringBuilder sb, String key, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    sb.append("    ").append(key).append(":\n");
    for (String v : values) {
      sb.append("      - ").append(YamlText.scalar(v)).append('\n');
    }
  }
}
