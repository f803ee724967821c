package dev.keycard.format.engineapi;

import dev.keycard.engine.Finding;
import dev.keycard.format.FormatRenderer;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import dev.keycard.policy.FixOperation;
import dev.keycard.remediation.JsonDoc;
import dev.keycard.remediation.JsonEditor;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.RenderValues;
import dev.keycard.remediation.Rendered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders fixes into a Docker Engine API body ({@code POST /containers/create}) or {@code docker
 * inspect} output: JSON Patch on the document and text edits that touch only the members changed. A
 * body that repeats a key gets no fix (the parser warns about the repeat).
 */
final class EngineApiRenderer extends FormatRenderer {
  EngineApiRenderer() {
    super(() -> EngineApiFormat.INSTANCE);
  }

  @Override
  protected Optional<Rendered> render(ParsedInput input, Finding f, Container c) {
    if (c.origin().path() == null || input.document() == null) {
      return Optional.empty();
    }
    if (input.diagnostics().stream()
        .anyMatch(d -> d.is(DiagnosticCode.INPUT_DUPLICATE_KEY))) {
      // the later value counts and objects merge: an edit of one occurrence may change nothing
      return Optional.empty();
    }
    EngineApiSyntax syntax = EngineApiSyntax.of(input);
    boolean text = input.source().hasSpans() && syntax != null;
    JsonDoc doc = text ? syntax.doc() : null;
    return new Body(doc, input.document(), c).build(f, input.source(), text);
  }

  /** The edits of one fix to one container body. */
  private static final class Body extends Draft {
    final JsonDoc doc;
    final JsonEditor editor;
    final String root;
    final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();

    Body(JsonDoc doc, Object json, Container c) {
      super(json, c);
      this.doc = doc;
      this.editor = doc == null ? null : new JsonEditor(doc);
      this.root = c.origin().path();
    }

    @Override
    protected boolean apply(FixOperation op, Finding f) {
      String field = op.field();
      if (field.equals("restart_max_retries") && op.op() == FixOperation.Op.SET) {
        // RestartPolicy carries MaximumRetryCount; written with the policy when both are set
        return f.fix().stream().anyMatch(o -> o.field().equals("restart_policy"))
            || set(
                "restart_policy",
                restart(
                    (c.restartPolicy() == null ? "on-failure" : c.restartPolicy())
                        + ":"
                        + RenderValues.text(field, op.value()),
                    f));
      }
      return switch (op.op()) {
        case REMOVE ->
            f.itemIndex() >= 0 && field.equals("propagation")
                ? removePropagation(f)
                : remove(field);
        case REMOVE_ITEM -> removeAt(pointer(field + "[" + f.itemIndex() + "]"));
        case ADD -> add(field, op.value());
        case SET ->
            f.itemIndex() >= 0 && field.equals("host_ip")
                ? setHostIp(f, String.valueOf(op.value()))
                : set(field, value(op, f));
      };
    }

    String pointer(String path) {
      Origin o = c.locations().get(path);
      return o == null ? null : o.path();
    }

    /** Where a field lives: {@code HostConfig.X}, or {@code User} in the body or its Config. */
    String home(String field) {
      if (field.equals("user")) {
        return jsonAt(root + "/Config") instanceof Map ? root + "/Config/User" : root + "/User";
      }
      String key = EngineApiFields.hostConfigMember(field);
      return key == null ? null : root + "/HostConfig/" + key;
    }

    Object value(FixOperation op, Finding f) {
      Object v = op.value();
      return switch (op.field()) {
        case "memory" -> RenderValues.bytes(v);
        case "cpus" -> Math.round(Double.parseDouble(String.valueOf(RenderValues.cpus(v))) * 1e9);
        case "pids_limit" -> Long.parseLong(RenderValues.text("pids_limit", v));
        case "read_only", "privileged", "oom_kill_disable" ->
            Boolean.parseBoolean(String.valueOf(v));
        case "restart_policy" -> restart(String.valueOf(v), f);
        default -> String.valueOf(v);
      };
    }

    private static Object restart(String v, Finding f) {
      Map<String, Object> p = new LinkedHashMap<>();
      int colon = v.indexOf(':');
      p.put("Name", colon < 0 ? v : v.substring(0, colon));
      Object retries = colon < 0 ? null : v.substring(colon + 1);
      for (FixOperation o : f.fix()) {
        if (o.field().equals("restart_max_retries")) {
          retries = o.value();
        }
      }
      if (retries != null) {
        p.put("MaximumRetryCount", Long.parseLong(String.valueOf(retries)));
      }
      return p;
    }

    boolean remove(String field) {
      String p = pointer(field);
      if (p == null && pointer(field + "[0]") != null) {
        p = home(field);
      }
      return p == null || jsonAt(p) == null && !present(p) || removeAt(p);
    }

    /**
     * Removes the propagation of the offending mount: a Binds option or BindOptions.Propagation.
     */
    boolean removePropagation(Finding f) {
      String e = pointer(f.path());
      if (e == null) {
        return false;
      }
      Object v = jsonAt(e);
      if (v instanceof String spec) {
        String fixed = RenderValues.withoutPropagation(spec);
        if (fixed == null) {
          return false;
        }
        if (doc != null) {
          edits.add(editor.replace(doc.at(e), fixed));
        }
        patch.add(PatchOp.replace(e, fixed));
        return true;
      }
      return present(e + "/BindOptions/Propagation") && removeAt(e + "/BindOptions/Propagation");
    }

    boolean removeAt(String p) {
      if (p == null || !present(p)) {
        return false;
      }
      String parent = p.substring(0, p.lastIndexOf('/'));
      if (doc != null) {
        JsonDoc.Node holder = doc.at(parent);
        if (holder == null) {
          return false;
        }
        List<String> tokens = JsonPatch.tokens(p);
        String last = tokens.get(tokens.size() - 1);
        int k = holder.isObject() ? holder.indexOf(last) : Integer.parseInt(last);
        edits.add(editor.remove(holder, k));
      }
      patch.add(PatchOp.remove(p));
      return true;
    }

    boolean set(String field, Object value) {
      String home = home(field);
      String p = pointer(field);
      if (home == null || c.unknown().contains(field)) {
        return false;
      }
      if (p != null && !p.equals(home) && !p.startsWith(home + "/")) {
        return false;
      }
      if (present(home)) {
        if (doc != null) {
          edits.add(editor.replace(doc.at(home), value));
        }
        patch.add(PatchOp.replace(home, value));
        return true;
      }
      return addMember(home, value);
    }

    boolean add(String field, Object value) {
      if (RenderValues.holds(c, field, value)) {
        return true;
      }
      String home = home(field);
      if (home == null) {
        return false;
      }
      Object v = String.valueOf(value);
      if (field.equals("security_opt")) {
        for (int i = 0; i < c.securityOpt().size(); i++) {
          if (RenderValues.optionKey(c.securityOpt().get(i)).equals(RenderValues.optionKey((String) v))) {
            String e = pointer("security_opt[" + i + "]");
            if (e == null || !(jsonAt(e) instanceof String)) {
              return false;
            }
            if (doc != null) {
              edits.add(editor.replace(doc.at(e), v));
            }
            patch.add(PatchOp.replace(e, v));
            return true;
          }
        }
      }
      Object existing = jsonAt(home);
      if (field.equals("tmpfs")) {
        return existing instanceof Map
            ? addMember(home + "/" + JsonPatch.escape((String) v), "")
            : present(home) ? false : addMember(home, Map.of((String) v, ""));
      }
      if (existing instanceof List) {
        if (doc != null) {
          edits.add(editor.addElement(doc.at(home), v));
        }
        patch.add(PatchOp.add(home + "/-", v));
        return true;
      }
      if (present(home)) {
        // "CapDrop": null
        if (doc != null) {
          edits.add(editor.replace(doc.at(home), List.of(v)));
        }
        patch.add(PatchOp.replace(home, List.of(v)));
        return true;
      }
      return addMember(home, List.of(v));
    }

    boolean setHostIp(Finding f, String ip) {
      String e = pointer(f.path());
      if (e == null || !(jsonAt(e) instanceof Map<?, ?> binding)) {
        return false;
      }
      if (binding.containsKey("HostIp")) {
        if (doc != null) {
          edits.add(editor.replace(doc.at(e + "/HostIp"), ip));
        }
        patch.add(PatchOp.replace(e + "/HostIp", ip));
        return true;
      }
      return addMember(e + "/HostIp", ip);
    }

    /** Adds a member, creating the enclosing {@code HostConfig} or {@code Config} when absent. */
    boolean addMember(String pointer, Object value) {
      String parent = pointer.substring(0, pointer.lastIndexOf('/'));
      String key = JsonPatch.tokens(pointer).get(JsonPatch.tokens(pointer).size() - 1);
      if (!(jsonAt(parent) instanceof Map)) {
        if (present(parent)
            || !(jsonAt(parent.substring(0, parent.lastIndexOf('/'))) instanceof Map)) {
          return false;
        }
        // several members of a missing object (HostConfig) are created together at the end
        pending.computeIfAbsent(parent, k -> new LinkedHashMap<>()).put(key, value);
        return true;
      }
      if (doc != null) {
        edits.add(editor.addMember(doc.at(parent), key, value));
      }
      patch.add(PatchOp.add(pointer, value));
      return true;
    }

    /** Creates the missing objects that operations added members to. */
    @Override
    protected boolean finish() {
      Map<String, Map<String, Object>> todo = new LinkedHashMap<>(pending);
      pending.clear();
      for (Map.Entry<String, Map<String, Object>> e : todo.entrySet()) {
        if (!addMember(e.getKey(), e.getValue())) {
          return false;
        }
      }
      return pending.isEmpty();
    }

    boolean present(String pointer) {
      String parent = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
      Object holder = jsonAt(parent);
      List<String> tokens = JsonPatch.tokens(pointer);
      String last = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
      return holder instanceof Map<?, ?> m
          ? m.containsKey(last)
          : holder instanceof List<?> l
              && !last.isEmpty()
              && last.length() <= 9
              && last.chars().allMatch(ch -> ch >= '0' && ch <= '9')
              && Integer.parseInt(last) < l.size();
    }

    Object jsonAt(String pointer) {
      return JsonPatch.at(json, pointer);
    }
  }
}
