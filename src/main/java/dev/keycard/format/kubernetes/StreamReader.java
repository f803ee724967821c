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
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
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
final class StreamReader {
  private static final YamlSettings SETTINGS = new YamlSettings("kubernetes", CoreSchemaFast.INSTANCE);

  /** One document of the stream: its index among the stream's documents and its root (null when empty). */
  record Document(int index, KNode root) {}

  private final String text;
  private final ParseLimits limits;
  private final Diagnostics diags;
  private final YamlOffsets offsets;
  private final YamlNodeLimit nodes = new YamlNodeLimit("stream");
  private int duplicates;

  private StreamReader(String text, ParseLimits limits, Diagnostics diags) {
    this.text = text;
    this.limits = limits;
    this.diags = diags;
    this.offsets = new YamlOffsets(text);
  }

  /**
   * The documents of {@code text} in order, empty ones included (so that an index counts the
   * {@code ---} separators as a reader does); an empty list after an error diagnostic.
   *
   * @throws dev.keycard.budget.LimitExceeded past {@code max-yaml-nodes}
   */
  static List<Document> read(String text, ParseLimits limits, Diagnostics diags) {
    return new StreamReader(text, limits, diags).read();
  }

  private List<Document> read() {
    LoadSettings settings = SETTINGS.forText(limits.maxAliases(), text.length());
    List<Document> out = new ArrayList<>();
    try {
      Composer composer = new DepthLimitedComposer(settings, text, limits.maxDepth(), offsets);
      while (composer.hasNext()) {
        Budget.current().tick();
        Node root = composer.next();
        KNode tree = convert(root, KNode.Path.ROOT, 0);
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

  private KNode convert(Node node, KNode.Path pointer, int depth) {
    if (depth > limits.maxDepth()) {
      throw new TooDeep(limits.maxDepth(), offset(node.getStartMark()));
    }
    // an alias is converted again wherever it is used: counted before it is built
    nodes.add(1);
    return switch (node.getNodeType()) {
      case SCALAR -> scalar((ScalarNode) node, pointer);
      case SEQUENCE -> sequence((SequenceNode) node, pointer, depth);
      default -> mapping((MappingNode) node, pointer, depth);
    };
  }

  private KNode.Scalar scalar(ScalarNode n, KNode.Path pointer) {
    int start = offset(n.getStartMark());
    int end = Math.max(start, offset(n.getEndMark()));
    if (n.getScalarStyle() == ScalarStyle.LITERAL || n.getScalarStyle() == ScalarStyle.FOLDED) {
      end = offsets.trimEnd(start, end);
    }
    return new KNode.Scalar(
        pointer,
        start,
        end,
        n.getValue(),
        YamlScalars.value(n),
        n.getScalarStyle() == ScalarStyle.PLAIN);
  }

  private KNode.Seq sequence(SequenceNode n, KNode.Path pointer, int depth) {
    List<KNode> items = new ArrayList<>(n.getValue().size());
    int i = 0;
    for (Node child : n.getValue()) {
      items.add(convert(child, pointer.child(i++), depth + 1));
    }
    int start = offset(n.getStartMark());
    KNode last = items.isEmpty() ? null : items.get(items.size() - 1);
    return new KNode.Seq(pointer, start, end(n.getFlowStyle(), n.getEndMark(), start, last), items);
  }

  private KNode.Map mapping(MappingNode n, KNode.Path pointer, int depth) {
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
    int start = offset(n.getStartMark());
    KNode last = entries.isEmpty() ? null : entries.get(entries.size() - 1).value();
    return new KNode.Map(pointer, start, end(n.getFlowStyle(), n.getEndMark(), start, last), entries);
  }

  /** A block collection ends where its last child ends, not at the next token. */
  private int end(FlowStyle style, Optional<Mark> endMark, int start, KNode last) {
    if (style == FlowStyle.FLOW || last == null) {
      return Math.max(start, endMark.map(this::offset).orElse(start));
    }
    return Math.max(start, last.end());
  }

  private int offset(Optional<Mark> mark) {
    return offsets.of(mark);
  }

  private int offset(Mark mark) {
    return offsets.of(mark);
  }
}
