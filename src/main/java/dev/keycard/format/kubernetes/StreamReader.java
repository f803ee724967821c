package dev.keycard.format.kubernetes;

import dev.keycard.budget.Budget;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.yaml.CoreSchemaFast;
import dev.keycard.input.yaml.DepthLimitedComposer.TooDeep;
import dev.keycard.input.yaml.DepthLimitedComposer;
import dev.keycard.input.yaml.YamlErrors;
import dev.keycard.input.yaml.YamlNodeLimit;
import dev.keycard.input.yaml.YamlOffsets;
import dev.keycard.input.yaml.YamlScalars;
import dev.keycard.input.yaml.YamlSettings;
import dev.keycard.input.yaml.YamlTreeBuilder;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a YAML (or JSON) stream of Kubernetes documents into {@link KNode} trees with positions,
 * one per document ({@code ---}), with SnakeYAML Engine under bounds: aliases to collections at
 * most {@code maxAliases}, nesting at most {@code maxDepth}, at most 8 Mi code points, and every
 * node after alias expansion counted against {@code max-yaml-nodes} over the whole stream (past it,
 * a {@link dev.keycard.budget.LimitExceeded}, 413). Duplicate keys are refused, as the API server
 * refuses them. A syntax error is one error diagnostic at its place, and the stream is not read
 * further.
 */
final class StreamReader extends YamlTreeBuilder<KNode, KNode.Path> {
  private static final YamlSettings SETTINGS = new YamlSettings("kubernetes", CoreSchemaFast.INSTANCE);

  /** One document of the stream: its index among the stream's documents and its root (null when empty). */
  record Document(int index, KNode root) {}

  private final String text;
  private final ParseLimits limits;
  private final Diagnostics diags;
  private final YamlOffsets offsets;
  private int duplicates;

  private StreamReader(String text, ParseLimits limits, Diagnostics diags, YamlOffsets offsets) {
    super(offsets, limits, new YamlNodeLimit("stream"));
    this.text = text;
    this.limits = limits;
    this.diags = diags;
    this.offsets = offsets;
  }

  /**
   * The documents of {@code text} in order, empty ones included (so that an index counts the
   * {@code ---} separators as a reader does); an empty list after an error diagnostic.
   *
   * @throws dev.keycard.budget.LimitExceeded past {@code max-yaml-nodes}
   */
  static List<Document> read(String text, ParseLimits limits, Diagnostics diags) {
    return new StreamReader(text, limits, diags, new YamlOffsets(text)).read();
  }

  private List<Document> read() {
    LoadSettings settings = SETTINGS.forText(limits.maxAliases(), text.length());
    List<Document> out = new ArrayList<>();
    try {
      Composer composer = new DepthLimitedComposer(settings, text, limits.maxDepth(), offsets);
      while (composer.hasNext()) {
        Budget.current().tick();
        Node root = composer.next();
        KNode tree = root(root, KNode.Path.ROOT);
        out.add(new Document(out.size(), isEmpty(tree) ? null : tree));
      }
      return out;
    } catch (TooDeep e) {
      diags.add(DiagnosticCode.INPUT_PARSE_ERROR, e.getMessage(), e.offset, e.offset, null);
    } catch (YamlEngineException | StackOverflowError e) {
      // the depth limit keeps the stack from overflowing, this is the last line of defence
      YamlErrors.report(e, offsets, diags);
    }
    return List.of();
  }

  private static boolean isEmpty(KNode n) {
    return n instanceof KNode.Scalar s && s.isNull() && s.text().isEmpty();
  }

  @Override
  protected KNode.Scalar scalar(ScalarNode n, KNode.Path pointer) {
    int start = start(n);
    return new KNode.Scalar(
        pointer,
        start,
        scalarEnd(n, start),
        n.getValue(),
        YamlScalars.value(n),
        n.getScalarStyle() == ScalarStyle.PLAIN);
  }

  @Override
  protected KNode.Seq sequence(SequenceNode n, KNode.Path pointer, int depth) {
    List<KNode> items = new ArrayList<>(n.getValue().size());
    int i = 0;
    for (Node child : n.getValue()) {
      items.add(convert(child, pointer.child(i++), depth + 1));
    }
    int start = start(n);
    KNode last = items.isEmpty() ? null : items.get(items.size() - 1);
    return new KNode.Seq(
        pointer, start, collectionEnd(n.getFlowStyle(), n.getEndMark(), start, last), items);
  }

  @Override
  protected KNode.Map mapping(MappingNode n, KNode.Path pointer, int depth) {
    List<KNode.Entry> entries = new ArrayList<>(n.getValue().size());
    Set<String> keys = new HashSet<>();
    for (NodeTuple t : n.getValue()) {
      KNode keyNode = convert(t.getKeyNode(), pointer, depth + 1);
      KNode.Scalar key;
      if (keyNode instanceof KNode.Scalar s) {
        key = s;
      } else {
        // {{ .Values.x }} left in a template is a mapping used as a key: no manifest has one
        diags.add(DiagnosticCode.INPUT_PARSE_ERROR, 
            "invalid manifest: a mapping key must be a string, not a "
                + (keyNode instanceof KNode.Seq ? "sequence" : "mapping")
                + HelmTemplates.HINT,
            keyNode.start(),
            keyNode.end(),
            pointer.toString());
        key = new KNode.Scalar(pointer, keyNode.start(), keyNode.end(), "", "", false);
      }
      KNode.Path child = pointer.child(key.text());
      if (!keys.add(key.text())) {
        // past the kept errors a diagnostic is only counted: its pointer is not written
        String at = ++duplicates <= limits.maxDiagnostics() ? child.toString() : null;
        diags.add(DiagnosticCode.INPUT_PARSE_ERROR, "duplicate key '" + key.text() + "'", key.start(), key.end(), at);
      }
      key = new KNode.Scalar(child, key.start(), key.end(), key.text(), key.value(), key.plain());
      entries.add(new KNode.Entry(key, convert(t.getValueNode(), child, depth + 1)));
    }
    int start = start(n);
    KNode last = entries.isEmpty() ? null : entries.get(entries.size() - 1).value();
    return new KNode.Map(
        pointer, start, collectionEnd(n.getFlowStyle(), n.getEndMark(), start, last), entries);
  }
}
