package dev.keycard.format.compose;

import dev.keycard.engine.Finding;
import dev.keycard.format.FormatRenderer;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import dev.keycard.policy.FixOperation;
import dev.keycard.remediation.CannotRender;
import dev.keycard.remediation.Edit;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.RenderValues;
import dev.keycard.remediation.Rendered;
import dev.keycard.remediation.yaml.YamlDoc;
import dev.keycard.remediation.yaml.YamlEditor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Renders fixes into a Docker Compose document, as JSON Patch on the document as written and as
 * text edits. A value the service shares with others (through a {@code <<} merge or an alias) is
 * never edited where it was written: the service gets its own key that overrides it.
 */
final class ComposeRenderer extends FormatRenderer {
  ComposeRenderer() {
    super(() -> ComposeFormat.INSTANCE);
  }

  @Override
  protected Optional<Rendered> render(ParsedInput input, Finding f, Container c) {
    if (!input.source().hasSpans() || input.document() == null || c.origin().path() == null) {
      return Optional.empty();
    }
    ComposeSyntax syntax = ComposeSyntax.of(input);
    YamlDoc doc = syntax == null ? null : syntax.doc().orElse(null);
    if (doc == null) {
      return Optional.empty();
    }
    return new ServiceEdit(doc, input.document(), c).build(f, input.source(), true);
  }

  /** The edits of one fix to one service, built operation by operation. */
  private static final class ServiceEdit extends Draft {
    final YamlDoc doc;
    final String service;
    final MappingNode body;
    final YamlEditor editor;

    /** Keys this fix inserted into an empty flow mapping ({@code {}}) so far. */
    private int insertedIntoEmpty;

    ServiceEdit(YamlDoc doc, Object json, Container c) {
      super(json, c);
      this.doc = doc;
      this.service = c.origin().path();
      List<YamlDoc.Step> steps = doc.walk(service);
      if (steps == null
          || !(doc.at(service) instanceof MappingNode m)
          || (!steps.isEmpty() && doc.isAlias(steps.get(steps.size() - 1)))) {
        throw new CannotRender("the service is not a mapping of its own");
      }
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode)) {
          throw new CannotRender("the service has a complex key");
        }
      }
      int from = doc.lineStart(doc.start(m));
      if (doc.explicitKey(m, from, doc.end(m))) {
        // YAML's "? key": no compose file needs it, and where an added line lands around one
        // is easy to get wrong
        throw new CannotRender("the service uses an explicit key (? key)");
      }
      this.body = m;
      this.editor = new YamlEditor(doc);
    }

    @Override
    protected boolean apply(FixOperation op, Finding f) {
      String field = op.field();
      String deploy = service + "/deploy/restart_policy";
      if ((field.equals("restart_policy") || field.equals("restart_max_retries"))
          && op.op() == FixOperation.Op.SET
          && doc.at(deploy) instanceof MappingNode policy
          && owned(deploy)) {
        // deploy.restart_policy wins over restart: fix it where it is
        String key = field.equals("restart_policy") ? "condition" : "max_attempts";
        Object value = field.equals("restart_policy") ? String.valueOf(op.value()) : op.value();
        if (doc.at(deploy + "/" + key) instanceof ScalarNode old) {
          edits.add(editor.replaceScalar(old, value));
          patch.add(PatchOp.replace(deploy + "/" + key, value));
        } else {
          edits.add(editor.insertEntry(policy, key, value, editor.styleOf(body, step())));
          patch.add(PatchOp.add(deploy + "/" + key, value));
        }
        return true;
      }
      if (field.equals("restart_max_retries") && op.op() == FixOperation.Op.SET) {
        // compose writes the retry count into restart: on-failure:N
        return f.fix().stream().anyMatch(o -> o.field().equals("restart_policy"))
            || set(
                "restart_policy",
                (c.restartPolicy() == null ? "on-failure" : c.restartPolicy())
                    + ":"
                    + RenderValues.text(field, op.value()));
      }
      return switch (op.op()) {
        case REMOVE ->
            f.itemIndex() >= 0 && field.equals("propagation")
                ? removePropagation(f)
                : remove(field);
        case REMOVE_ITEM -> removeItem(field, f.itemIndex());
        case ADD -> add(field, op.value());
        case SET ->
            f.itemIndex() >= 0 && field.equals("host_ip")
                ? setHostIp(f, String.valueOf(op.value()))
                : set(field, value(op, f));
      };
    }

    private Object value(FixOperation op, Finding f) {
      Object v = ComposeKeys.value(op.field(), op.value());
      if (op.field().equals("restart_policy")) {
        for (FixOperation o : f.fix()) {
          if (o.field().equals("restart_max_retries") && !String.valueOf(v).contains(":")) {
            return v + ":" + RenderValues.text("restart_max_retries", o.value());
          }
        }
      }
      return v;
    }

    /** Whether the service owns the value at {@code pointer} (not merged, not an alias). */
    boolean owned(String pointer) {
      if (!pointer.startsWith(service + "/")) {
        return false;
      }
      if (JsonPatch.tokens(pointer.substring(service.length())).contains("<<")) {
        return false;
      }
      List<YamlDoc.Step> steps = doc.walk(pointer);
      if (steps == null) {
        return false;
      }
      int depth = JsonPatch.tokens(service).size();
      for (int i = depth; i < steps.size(); i++) {
        if (doc.isAlias(steps.get(i))) {
          return false;
        }
      }
      return true;
    }

    String pointer(String path) {
      Origin o = c.locations().get(path);
      return o == null ? null : o.path();
    }

    /** The pointer of the key holding a field's value (a list field: its list). */
    String fieldPointer(String field) {
      String p = pointer(field);
      if (p != null) {
        return p;
      }
      String first = pointer(field + "[0]");
      if (first == null) {
        return null;
      }
      String own = service + "/" + JsonPatch.escape(ComposeKeys.key(field));
      return first.startsWith(own + "/") ? own : first;
    }

    boolean remove(String field) {
      String p = fieldPointer(field);
      if (p == null) {
        return true;
      }
      if (owned(p)) {
        return removeAt(p);
      }
      return override(ComposeKeys.key(field), ComposeKeys.neutral(field));
    }

    boolean removeAt(String p) {
      List<YamlDoc.Step> steps = doc.walk(p);
      YamlDoc.Step last = steps.get(steps.size() - 1);
      if (last.parent() instanceof MappingNode m) {
        edits.addAll(editor.removeEntry(m, last.tuple()));
      } else {
        edits.addAll(editor.removeItem((SequenceNode) last.parent(), last.index()));
      }
      patch.add(PatchOp.remove(p));
      return true;
    }

    boolean removeItem(String field, int index) {
      String e = pointer(field + "[" + index + "]");
      if (e == null) {
        return false;
      }
      String parent = parentOf(e);
      Node holder = doc.at(parent);
      if (owned(e) && (holder instanceof SequenceNode || holder instanceof MappingNode)) {
        int size =
            holder instanceof SequenceNode q
                ? q.getValue().size()
                : ((MappingNode) holder).getValue().size();
        return removeAt(size == 1 && owned(parent) && !parent.equals(service) ? parent : e);
      }
      if (owned(e) && holder != null && e.equals(fieldPointer(field))) {
        return removeAt(e);
      }
      Object list = JsonPatch.copy(jsonAt(parent));
      String token = JsonPatch.tokens(e).get(JsonPatch.tokens(e).size() - 1);
      if (list instanceof List<?> l) {
        l.remove(Integer.parseInt(token));
      } else if (list instanceof Map<?, ?> m) {
        m.remove(token);
      } else {
        return false;
      }
      return override(ComposeKeys.key(field), list);
    }

    boolean add(String field, Object value) {
      if (RenderValues.holds(c, field, value)) {
        return true;
      }
      if (field.equals("security_opt")) {
        for (int i = 0; i < c.securityOpt().size(); i++) {
          if (RenderValues.optionKey(c.securityOpt().get(i))
              .equals(RenderValues.optionKey(String.valueOf(value)))) {
            String e = pointer("security_opt[" + i + "]");
            if (e == null || !owned(e) || !(doc.at(e) instanceof ScalarNode n)) {
              return false;
            }
            edits.add(editor.replaceScalar(n, value));
            patch.add(PatchOp.replace(e, value));
            return true;
          }
        }
      }
      String p = fieldPointer(field);
      if (p == null) {
        return insert(ComposeKeys.key(field), List.of(value));
      }
      if (c.unknown().stream().anyMatch(u -> u.equals(field) || u.startsWith(field + "["))) {
        return false;
      }
      Node n = doc.at(p);
      if (owned(p) && n instanceof SequenceNode q) {
        edits.add(editor.appendItem(q, value));
        patch.add(PatchOp.add(p + "/-", value));
        return true;
      }
      Object old = jsonAt(p);
      List<Object> list = new ArrayList<>();
      if (old instanceof List<?> l) {
        list.addAll(l);
      } else if (old instanceof String s) {
        list.add(s);
      } else {
        return false;
      }
      list.add(value);
      if (owned(p) && n instanceof ScalarNode s) {
        edits.add(editor.replaceInline(doc.start(s), doc.contentEnd(s), list));
        patch.add(PatchOp.replace(p, list));
        return true;
      }
      return override(ComposeKeys.key(field), list);
    }

    boolean set(String field, Object value) {
      if (c.unknown().contains(field)) {
        return false;
      }
      String p = pointer(field);
      if (p == null) {
        return insert(ComposeKeys.key(field), value);
      }
      List<String> tokens = JsonPatch.tokens(p);
      if (!ComposeKeys.settableAt(field, tokens.get(tokens.size() - 1))) {
        return false;
      }
      if (!owned(p)) {
        return override(ComposeKeys.key(field), value);
      }
      if (!(doc.at(p) instanceof ScalarNode n)) {
        return false;
      }
      if (n.getValue().contains("${")) {
        note = "This replaces the variable " + n.getValue().trim() + " with a literal value.";
      }
      edits.add(editor.replaceScalar(n, value));
      patch.add(PatchOp.replace(p, value));
      return true;
    }

    /** Removes the propagation option of the offending mount (short or long syntax). */
    boolean removePropagation(Finding f) {
      String e = pointer(f.path());
      if (e == null || !owned(e)) {
        return false;
      }
      Node n = doc.at(e);
      if (n instanceof ScalarNode s) {
        String spec = RenderValues.withoutPropagation(s.getValue());
        if (spec == null) {
          return false;
        }
        edits.add(editor.replaceScalar(s, spec));
        patch.add(PatchOp.replace(e, spec));
        return true;
      }
      if (!(n instanceof MappingNode) || doc.at(e + "/bind/propagation") == null) {
        return false;
      }
      // a bind block holding only the propagation goes with it, rather than staying empty
      return doc.at(e + "/bind") instanceof MappingNode b && b.getValue().size() == 1
          ? removeAt(e + "/bind")
          : removeAt(e + "/bind/propagation");
    }

    boolean setHostIp(Finding f, String ip) {
      String e = pointer(f.path());
      if (e == null || !owned(e)) {
        return false;
      }
      Node n = doc.at(e);
      if (n instanceof ScalarNode s) {
        String spec = RenderValues.withHostIp(s.getValue(), ip);
        edits.add(editor.replaceScalar(s, spec));
        patch.add(PatchOp.replace(e, spec));
        return true;
      }
      if (n instanceof MappingNode m) {
        Node old = doc.at(e + "/host_ip");
        if (old instanceof ScalarNode s) {
          edits.add(editor.replaceScalar(s, ip));
          patch.add(PatchOp.replace(e + "/host_ip", ip));
        } else {
          edits.add(editor.insertEntry(m, "host_ip", ip, editor.styleOf(body, step())));
          patch.add(PatchOp.add(e + "/host_ip", ip));
        }
        return true;
      }
      return false;
    }

    /** Gives the service its own {@code key}, replacing a merged or aliased value. */
    boolean override(String key, Object value) {
      String p = service + "/" + JsonPatch.escape(key);
      for (NodeTuple t : body.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          if (doc.start(t.getValueNode()) >= doc.end(t.getKeyNode())) {
            return false;
          }
          int[] alias = doc.aliasToken(doc.end(t.getKeyNode()));
          edits.add(editor.replaceInline(alias[0], alias[1], value));
          patch.add(PatchOp.replace(p, value));
          return true;
        }
      }
      return insert(key, value);
    }

    boolean insert(String key, Object value) {
      if (body.getValue().isEmpty() && !doc.isFlow(body)) {
        return false;
      }
      for (NodeTuple t : body.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          // there, with a value the parser refused ("security_opt: a-string"): a second one
          // would be a duplicate key; the parser's diagnostic says what is wrong
          return false;
        }
      }
      Edit e = editor.insertEntry(body, key, value, editor.styleOf(body, step()));
      if (doc.isFlow(body) && body.getValue().isEmpty() && insertedIntoEmpty++ > 0) {
        // "{}" gaining two keys: the second is written after the first, with its comma
        e = Edit.insert(e.start(), ", " + e.text());
      }
      edits.add(e);
      patch.add(PatchOp.add(service + "/" + JsonPatch.escape(key), value));
      return true;
    }

    @Override
    protected boolean finish() {
      // "app: {privileged: true}" would become "app:", which is no service at all
      return !emptiesTheService();
    }

    /**
     * Whether the edits leave no service behind: a service under {@code services:} with no key of
     * its own, or a fragment without {@code services:} (recognised by its service keys) with none
     * of those keys left.
     */
    boolean emptiesTheService() {
      if (body.getValue().isEmpty() || patch.stream().noneMatch(op -> op.op().equals("remove"))) {
        return false; // only a removal can empty it
      }
      Set<String> keys = new HashSet<>();
      for (NodeTuple t : body.getValue()) {
        keys.add(((ScalarNode) t.getKeyNode()).getValue());
      }
      for (PatchOp op : patch) {
        if (op.path().startsWith(service) && op.path().lastIndexOf('/') == service.length()) {
          List<String> tokens = JsonPatch.tokens(op.path());
          String key = tokens.get(tokens.size() - 1);
          if (op.op().equals("remove")) {
            keys.remove(key);
          } else if (op.op().equals("add")) {
            keys.add(key);
          }
        }
      }
      return service.startsWith("/services/")
          ? keys.isEmpty()
          : keys.stream().noneMatch(ServiceKeys::is);
    }

    /** The document's indentation step: how far the service's keys sit from its name. */
    int step() {
      if (doc.isFlow(body) || body.getValue().isEmpty()) {
        return 2;
      }
      int keys = doc.column(doc.start(body.getValue().get(0).getKeyNode()));
      List<YamlDoc.Step> steps = doc.walk(service);
      if (steps.isEmpty()) {
        return 2;
      }
      YamlDoc.Step s = steps.get(steps.size() - 1);
      int name = s.tuple() == null ? 0 : doc.column(doc.start(s.tuple().getKeyNode()));
      return keys > name ? keys - name : 2;
    }

    Object jsonAt(String pointer) {
      return JsonPatch.at(json, pointer);
    }

    static String parentOf(String pointer) {
      return pointer.substring(0, pointer.lastIndexOf('/'));
    }
  }
}
