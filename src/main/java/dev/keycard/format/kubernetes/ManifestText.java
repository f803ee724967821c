package dev.keycard.format.kubernetes;

import dev.keycard.remediation.CannotRender;
import dev.keycard.remediation.Edit;
import dev.keycard.remediation.JsonDoc;
import dev.keycard.remediation.JsonEditor;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.yaml.YamlDoc;
import dev.keycard.remediation.yaml.YamlEditor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The text of one Kubernetes document, edited by JSON Pointer inside that document: a YAML
 * document of the stream (comments and layout kept, see {@link YamlEditor}) or a JSON object
 * ({@code kubectl get -o json}, see {@link JsonEditor}). Offsets are offsets into the whole parsed
 * text.
 */
sealed interface ManifestText {
  /** Replaces the value at {@code pointer}. */
  Edit replace(String pointer, Object value);

  /** Removes the mapping entry or list item at {@code pointer}. */
  List<Edit> remove(String pointer);

  /** Adds entries at the end of the mapping at {@code pointer}. */
  Edit insert(String pointer, Map<String, Object> entries);

  /** Appends an item to the list at {@code pointer}. */
  Edit append(String pointer, Object value);

  /** Whether the value at {@code pointer} is written where the pointer walks (not an alias). */
  boolean owned(String pointer);

  /** Whether the value at {@code pointer} is written as an empty scalar ({@code key:} alone). */
  boolean emptyScalar(String pointer);

  /**
   * The text of document {@code index} (0 for a single document) of an input's syntax, or empty
   * when it cannot be read.
   */
  static Optional<ManifestText> of(KubernetesSyntax syntax, boolean stream, int index) {
    if (!stream && startsAsJson(syntax.text())) {
      return Optional.of(new Json(syntax.json()));
    }
    Optional<List<YamlDoc>> docs = syntax.yaml();
    if (docs.isEmpty() || index >= docs.get().size()) {
      return Optional.empty();
    }
    return Optional.of(new Yaml(docs.get().get(index)));
  }

  private static boolean startsAsJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        return true;
      }
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return false;
      }
    }
    return false;
  }

  /** One YAML document of the stream. */
  final class Yaml implements ManifestText {
    final YamlDoc doc;
    final YamlEditor editor;

    Yaml(YamlDoc doc) {
      this.doc = doc;
      this.editor = new YamlEditor(doc);
    }

    /**
     * How new nested blocks are written at {@code pointer}: the indentation step of the mappings on
     * the way there (how far a mapping's keys sit from the key that holds it, the deepest one
     * measured), else of the first nested block mapping of the document, else 2; and the list style
     * of {@code near} or the document.
     */
    private YamlEditor.ListStyle style(String pointer, MappingNode near) {
      int step = 0;
      List<YamlDoc.Step> steps = doc.walk(pointer);
      for (YamlDoc.Step s : steps == null ? List.<YamlDoc.Step>of() : steps) {
        if (s.tuple() != null
            && s.node() instanceof MappingNode v
            && !doc.isFlow(v)
            && !v.getValue().isEmpty()
            && doc.start(v) > doc.start(s.tuple().getKeyNode())) {
          int d = doc.column(doc.start(v.getValue().get(0).getKeyNode()))
              - doc.column(doc.start(s.tuple().getKeyNode()));
          step = d > 0 ? d : step;
        }
      }
      if (step == 0) {
        if (documentStep == 0) {
          int d = step(doc.root, 0);
          documentStep = d > 0 ? d : 2;
        }
        step = documentStep;
      }
      return near == null ? new YamlEditor.ListStyle(false, step, step) : editor.styleOf(near, step);
    }

    private int documentStep;

    private int step(Node n, int depth) {
      if (!(n instanceof MappingNode m) || doc.isFlow(m) || depth > 8) {
        return 0;
      }
      for (var t : m.getValue()) {
        if (t.getValueNode() instanceof MappingNode v
            && !doc.isFlow(v)
            && !v.getValue().isEmpty()
            && doc.start(v) > doc.start(t.getKeyNode())) {
          int d = doc.column(doc.start(v.getValue().get(0).getKeyNode()))
              - doc.column(doc.start(t.getKeyNode()));
          if (d > 0) {
            return d;
          }
        }
      }
      for (var t : m.getValue()) {
        int d = step(t.getValueNode(), depth + 1);
        if (d > 0) {
          return d;
        }
      }
      return 0;
    }

    private Node node(String pointer) {
      Node n = doc.at(pointer);
      if (n == null) {
        throw new CannotRender("nothing at " + pointer);
      }
      return n;
    }

    @Override
    public Edit replace(String pointer, Object value) {
      Node n = node(pointer);
      if (n instanceof ScalarNode s) {
        if (s.getValue().isEmpty() && doc.end(s) <= doc.start(s)) {
          throw new CannotRender("an empty value has no place to write into");
        }
        return editor.replaceScalar(s, value);
      }
      if (doc.isFlow(n)) {
        return editor.replaceInline(doc.start(n), doc.contentEnd(n), value);
      }
      throw new CannotRender("a block collection is not replaced whole");
    }

    @Override
    public List<Edit> remove(String pointer) {
      List<YamlDoc.Step> steps = doc.walk(pointer);
      if (steps == null || steps.isEmpty()) {
        throw new CannotRender("nothing at " + pointer);
      }
      YamlDoc.Step last = steps.get(steps.size() - 1);
      if (last.parent() instanceof MappingNode m) {
        return editor.removeEntry(m, last.tuple());
      }
      return editor.removeItem((SequenceNode) last.parent(), last.index());
    }

    @Override
    public Edit insert(String pointer, Map<String, Object> entries) {
      if (!(node(pointer) instanceof MappingNode m)) {
        throw new CannotRender("not a mapping at " + pointer);
      }
      if (m.getValue().isEmpty() && !doc.isFlow(m)) {
        throw new CannotRender("an empty block mapping");
      }
      int from = doc.lineStart(doc.start(m));
      if (!doc.isFlow(m) && doc.explicitKey(m, from, doc.end(m))) {
        throw new CannotRender("the mapping uses an explicit key (? key)");
      }
      return editor.insertEntries(m, entries, style(pointer, m));
    }

    @Override
    public Edit append(String pointer, Object value) {
      if (!(node(pointer) instanceof SequenceNode q)) {
        throw new CannotRender("not a list at " + pointer);
      }
      return editor.appendBlockItem(
          q, value, style(pointer, doc.root instanceof MappingNode m ? m : null));
    }

    @Override
    public boolean owned(String pointer) {
      if (JsonPatch.tokens(pointer).contains("<<")) {
        return false;
      }
      List<YamlDoc.Step> steps = doc.walk(pointer);
      if (steps == null) {
        return false;
      }
      for (YamlDoc.Step s : steps) {
        if (doc.isAlias(s)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean emptyScalar(String pointer) {
      return doc.at(pointer) instanceof ScalarNode s && s.getValue().isEmpty();
    }
  }

  /** A JSON manifest. */
  record Json(JsonDoc doc, JsonEditor editor) implements ManifestText {
    Json(JsonDoc doc) {
      this(doc, new JsonEditor(doc));
    }

    private JsonDoc.Node node(String pointer) {
      JsonDoc.Node n = doc.at(pointer);
      if (n == null) {
        throw new CannotRender("nothing at " + pointer);
      }
      return n;
    }

    @Override
    public Edit replace(String pointer, Object value) {
      return editor.replace(node(pointer), value);
    }

    @Override
    public List<Edit> remove(String pointer) {
      List<String> tokens = JsonPatch.tokens(pointer);
      String last = tokens.get(tokens.size() - 1);
      JsonDoc.Node holder = node(pointer.substring(0, pointer.lastIndexOf('/')));
      int k = holder.isObject() ? holder.indexOf(last) : JsonPatch.arrayIndex(last);
      if (k < 0) {
        throw new CannotRender("nothing at " + pointer);
      }
      return List.of(editor.remove(holder, k));
    }

    @Override
    public Edit insert(String pointer, Map<String, Object> entries) {
      JsonDoc.Node n = node(pointer);
      if (!n.isObject()) {
        throw new CannotRender("not an object at " + pointer);
      }
      return editor.addMembers(n, entries);
    }

    @Override
    public Edit append(String pointer, Object value) {
      return editor.addElement(node(pointer), value);
    }

    @Override
    public boolean owned(String pointer) {
      return doc.at(pointer) != null;
    }

    @Override
    public boolean emptyScalar(String pointer) {
      return false;
    }
  }
}
