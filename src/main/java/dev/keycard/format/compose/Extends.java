package dev.keycard.format.compose;

import dev.keycard.input.Diagnostics;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves same-file {@code extends} ({@code extends: base} or {@code extends: {service: base}})
 * with compose's merge rules: mappings merge key by key (the extending service wins), sequences
 * append the extending service's items after the base's without repeating identical scalars, and
 * {@code command}, {@code entrypoint} and healthcheck {@code test} are replaced. {@code
 * extends.file} is never read: it becomes a warning and the service is used as written. Inherited
 * values keep the base service's pointers and spans, which is where they are written.
 */
final class Extends {
  private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");

  private final Map<String, YNode.Map> services;
  private final Diagnostics diags;
  private final Map<String, YNode.Map> done = new LinkedHashMap<>();

  Extends(Map<String, YNode.Map> services, Diagnostics diags) {
    this.services = services;
    this.diags = diags;
  }

  YNode.Map resolve(String name) {
    return resolve(name, new LinkedHashSet<>());
  }

  private YNode.Map resolve(String name, LinkedHashSet<String> stack) {
    YNode.Map cached = done.get(name);
    if (cached != null) {
      return cached;
    }
    YNode.Map svc = services.get(name);
    YNode.Entry ext = svc.entry("extends");
    if (ext == null) {
      done.put(name, svc);
      return svc;
    }
    YNode.Map own = without(svc, "extends");
    String base = baseName(ext);
    YNode.Map result = own;
    if (base != null) {
      if (!services.containsKey(base)) {
        YNode v = ext.value();
        diags.add(
            DiagnosticCode.INPUT_INVALID_VALUE,
            "extends: service '" + base + "' not found",
            v.start(),
            v.end(),
            v.pointer());
      } else if (!stack.add(name) || stack.contains(base)) {
        diags.add(
            DiagnosticCode.INPUT_PARSE_ERROR,
            "extends cycle: " + String.join(" -> ", stack) + " -> " + base,
            ext.start(),
            ext.end(),
            ext.key().pointer());
      } else {
        result = merge(resolve(base, stack), own);
      }
      stack.remove(name);
    }
    done.put(name, result);
    return result;
  }

  /** The service to extend, or null when there is none to resolve here (with a warning). */
  private String baseName(YNode.Entry ext) {
    YNode v = ext.value();
    if (v instanceof YNode.Scalar s && s.isString()) {
      return s.text();
    }
    if (v instanceof YNode.Map m) {
      YNode file = m.get("file");
      if (file instanceof YNode.Scalar f && !f.isNull()) {
        diags.add(
            DiagnosticCode.INPUT_UNREAD_FILE,
            "extends file " + f.text() + " was not read",
            ext.start(),
            ext.end(),
            ext.key().pointer());
        return null;
      }
      if (m.get("service") instanceof YNode.Scalar s && s.isString()) {
        return s.text();
      }
    }
    diags.add(
        DiagnosticCode.INPUT_INVALID_VALUE,
        "extends: expected a service name",
        v.start(),
        v.end(),
        v.pointer());
    return null;
  }

  private static YNode.Map without(YNode.Map m, String key) {
    List<YNode.Entry> out = new ArrayList<>();
    for (YNode.Entry e : m.entries()) {
      if (!e.name().equals(key)) {
        out.add(e);
      }
    }
    return new YNode.Map(m.pointer(), m.start(), m.end(), out);
  }

  static YNode.Map merge(YNode.Map base, YNode.Map local) {
    List<YNode.Entry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YNode.Entry b : base.entries()) {
      YNode.Entry l = local.entry(b.name());
      seen.add(b.name());
      out.add(l == null ? b : new YNode.Entry(l.key(), mergeValue(b.name(), b.value(), l.value())));
    }
    for (YNode.Entry l : local.entries()) {
      if (!seen.contains(l.name())) {
        out.add(l);
      }
    }
    return new YNode.Map(local.pointer(), local.start(), local.end(), out);
  }

  private static YNode mergeValue(String key, YNode base, YNode local) {
    if (base instanceof YNode.Map b && local instanceof YNode.Map l) {
      return merge(b, l);
    }
    if (base instanceof YNode.Seq b && local instanceof YNode.Seq l && !REPLACED.contains(key)) {
      List<YNode> items = new ArrayList<>(b.items());
      Set<String> texts = new HashSet<>();
      for (YNode i : b.items()) {
        if (i instanceof YNode.Scalar s) {
          texts.add(s.text());
        }
      }
      for (YNode i : l.items()) {
        if (!(i instanceof YNode.Scalar s) || texts.add(s.text())) {
          items.add(i);
        }
      }
      return new YNode.Seq(l.pointer(), l.start(), l.end(), items);
    }
    return local;
  }
}
