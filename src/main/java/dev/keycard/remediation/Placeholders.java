package dev.keycard.remediation;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Tmpfs;
import dev.keycard.model.Volume;
import dev.keycard.policy.FixOperation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values an impact text names, for one fix operation of one finding: {@code {container}},
 * {@code {image}}, {@code {item}} (the offending element, or the value a {@code set} or {@code add}
 * writes), {@code {item_use}} (what a capability is for), {@code {source}}, {@code {target}},
 * {@code {port}}, {@code {host_port}}, {@code {old}} (the setting's current value) and {@code
 * {volume}} (a named volume to suggest). A placeholder without a value is written as a generic
 * phrase, never left as braces.
 */
final class Placeholders {
  /** What the rule pages and unknown values say in place of each placeholder. */
  private static final Map<String, String> GENERIC =
      Map.of(
          "container", "the container",
          "image", "the image",
          "item_use", "what needs it",
          "item", "the value",
          "source", "the host path",
          "target", "its target",
          "host_port", "the port",
          "port", "the port",
          "old", "its current value",
          "volume", "app-data");

  /** How the rule pages write each placeholder. */
  private static final Map<String, String> DOC =
      Map.of(
          "container", "`<container>`",
          "image", "`<image>`",
          "item_use", "`<what it is used for>`",
          "item", "`<value>`",
          "source", "`<host path>`",
          "target", "`<target>`",
          "host_port", "`<host port>`",
          "port", "`<port>`",
          "old", "`<current value>`",
          "volume", "`<volume>`");

  private final InputFormat format;
  private final Map<String, String> values = new java.util.HashMap<>();

  Placeholders(
      InputFormat format,
      Container c,
      Finding f,
      FixOperation op,
      Map<String, String> capabilities) {
    this.format = format;
    if (c == null) {
      return;
    }
    values.put("container", c.name());
    values.put("image", c.image());
    Object element = element(c, f);
    String item =
        element == null ? (op.value() == null ? null : String.valueOf(op.value())) : text(element);
    values.put("item", item);
    if (item != null) {
      values.put("item_use", capabilities.get(item.toUpperCase(Locale.ROOT)));
    }
    if (element instanceof Mount m) {
      values.put("source", m.source());
      values.put("target", m.target());
      values.put("volume", volume(c.name(), m.target()));
    } else if (element instanceof Device d) {
      values.put("source", d.source());
      values.put("target", d.target());
    } else if (element instanceof Port p) {
      values.put("port", range(p.containerPort(), p.containerPortEnd()));
      values.put("host_port", range(p.hostPort(), p.hostPortEnd()));
    }
    values.put("old", old(c, op.field()));
  }

  InputFormat format() {
    return format;
  }

  /** The offending element's text (or the written value), for item globs; null when none. */
  String item() {
    return values.get("item");
  }

  /** {@code text} with every placeholder replaced by its value or a generic phrase. */
  String fill(String text) {
    if (text == null || text.indexOf('{') < 0) {
      return text;
    }
    return fill(text, values);
  }

  /** {@code text} with every placeholder written as a label ({@code `<value>`}), for the docs. */
  static String generic(String text) {
    return fill(text, DOC);
  }

  private static String fill(String text, Map<String, String> values) {
    return fill(text, values, GENERIC);
  }

  /** One pass over {@code text}: a value that itself holds braces is never read again. */
  private static String fill(String text, Map<String, String> values, Map<String, String> absent) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      int close = ch == '{' ? text.indexOf('}', i) : -1;
      String name = close > i ? text.substring(i + 1, close) : null;
      if (name != null && GENERIC.containsKey(name)) {
        String v = values.get(name);
        out.append(v == null || v.isBlank() ? absent.get(name) : v);
        i = close + 1;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }

  /** The element of the rule's {@code for_each} list this finding is about, or null. */
  private static Object element(Container c, Finding f) {
    if (f.itemIndex() < 0 || f.path() == null) {
      return null;
    }
    int open = f.path().indexOf('[');
    if (open <= 0) {
      return null;
    }
    List<?> list = list(c, f.path().substring(0, open));
    return list == null || f.itemIndex() >= list.size() ? null : list.get(f.itemIndex());
  }

  private static List<?> list(Container c, String field) {
    return switch (field) {
      case "cap_add" -> c.capAdd();
      case "cap_drop" -> c.capDrop();
      case "cap_add_as_written" -> c.capAddAsWritten();
      case "cap_drop_as_written" -> c.capDropAsWritten();
      case "tmpfs" -> c.tmpfs();
      case "security_opt" -> c.securityOpt();
      case "selinux" -> c.selinux();
      case "pod_selinux" -> c.podSelinux();
      case "networks" -> c.networks();
      case "mounts" -> c.mounts();
      case "devices" -> c.devices();
      case "device_cgroup_rules" -> c.deviceCgroupRules();
      case "ports" -> c.ports();
      case "sysctls" -> c.sysctls();
      case "environment" -> c.environment();
      case "volumes" -> c.volumes();
      case "probe_hosts" -> c.probeHosts();
      default -> null;
    };
  }

  /** The text item globs match: a mount's source, a sysctl's name, a device's host path, ... */
  private static String text(Object element) {
    if (element instanceof Mount m) {
      return m.source() != null ? m.source() : m.target();
    }
    if (element instanceof Sysctl s) {
      return s.name();
    }
    if (element instanceof Device d) {
      return d.source();
    }
    if (element instanceof Port p) {
      return (p.hostIp() == null ? "" : p.hostIp() + ":")
          + range(p.hostPort(), p.hostPortEnd())
          + ":"
          + range(p.containerPort(), p.containerPortEnd());
    }
    if (element instanceof EnvVar e) {
      return e.name();
    }
    if (element instanceof Tmpfs t) {
      return t.target();
    }
    if (element instanceof Volume v) {
      return v.source() != null ? v.source() : v.name();
    }
    return String.valueOf(element);
  }

  private static String old(Container c, String field) {
    return switch (field) {
      case "user" ->
          c.user() != null
              ? c.user()
              : c.imageUser() != null
                  ? c.imageUser()
                  : "the image's default user (root unless the image sets another)";
      case "restart_policy" -> c.restartPolicy();
      case "cgroup_parent" -> c.cgroupParent();
      case "network_mode" -> c.networkMode();
      default -> null;
    };
  }

  private static String range(Integer start, Integer end) {
    if (start == null) {
      return null;
    }
    return end == null || end.equals(start) ? start.toString() : start + "-" + end;
  }

  /** A named volume for a mount: {@code <container>-<last segment of the target>}. */
  private static String volume(String container, String target) {
    String t = target == null ? "" : target;
    int end = t.length();
    while (end > 0 && t.charAt(end - 1) == '/') {
      end--;
    }
    String last = t.substring(t.lastIndexOf('/', end - 1) + 1, end);
    String raw = (container == null ? "app" : container) + "-" + (last.isEmpty() ? "data" : last);
    StringBuilder name = new StringBuilder(raw.length());
    for (char ch : raw.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || "_.-".indexOf(ch) >= 0;
      name.append(ok ? ch : '-');
    }
    return name.toString();
  }
}
