package dev.keycard.format.compose;

import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.yaml.CoreSchemaFast;
import dev.keycard.input.yaml.DepthLimitedComposer.TooDeep;
import dev.keycard.input.yaml.DepthLimitedComposer;
import dev.keycard.input.yaml.YamlErrors;
import dev.keycard.input.yaml.YamlNodeLimit;
import dev.keycard.input.yaml.YamlOffsets;
import dev.keycard.input.yaml.YamlPaths;
import dev.keycard.input.yaml.YamlScalars;
import dev.keycard.input.yaml.YamlSettings;
import dev.keycard.input.yaml.YamlTreeBuilder;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML text into a {@link YNode} tree with positions, aliases expanded, YAML 1.2 core-schema
 * scalar typing. Every failure (syntax, duplicate key, nesting depth, alias count) is reported as
 * an error diagnostic; the one thing thrown is the refusal of a document with more nodes after
 * alias expansion than {@code max-yaml-nodes} (a {@link LimitExceeded}, 413). Text in the plain
 * subset most compose files use is read directly ({@link PlainYaml}); other plain documents are
 * built straight from parser events ({@link EventTree}); the rest is composed with SnakeYAML and
 * converted.
 */
final class YamlReader {
  /** Every node's path, counted: long keys above many nodes repeat in each. */
  private final YamlPaths paths = new YamlPaths();
  /** Compose's settings: Keycard's faster equivalent of the core schema. */
  private static final YamlSettings SETTINGS = new YamlSettings("compose", CoreSchemaFast.INSTANCE);

  private final String text;
  private final ParseLimits limits;
  private final Diagnostics diags;
  private YamlOffsets offsets; // built when SnakeYAML's marks need mapping

  /** Nodes after alias expansion ({@code max-yaml-nodes}), over the one document. */
  private final YamlNodeLimit nodes = new YamlNodeLimit("document");

  private YamlReader(String text, ParseLimits limits, Diagnostics diags) {
    this.text = text;
    this.limits = limits;
    this.diags = diags;
  }

  /** The tree of {@code text}, or null after an error diagnostic (or for an empty document). */
  static YNode read(String text, ParseLimits limits, Diagnostics diags) {
    return new YamlReader(text, limits, diags).read();
  }

  /**
   * A tree read, and whether the plain-subset reader ({@link PlainYaml}) read it: then it holds no
   * alias, and its nodes are the text's nodes as written.
   */
  record Read(YNode root, boolean plain) {}

  /** {@link #read(String, ParseLimits, Diagnostics)}, saying which reader read the text. */
  static Read readTree(String text, ParseLimits limits, Diagnostics diags) {
    YamlReader r = new YamlReader(text, limits, diags);
    YNode root = r.read();
    return new Read(root, r.plain);
  }

  /** Whether the plain-subset reader read the text. */
  private boolean plain;

  /** The tree as the composing path alone builds it: what the fast path must agree with. */
  static YNode readComposing(String text, ParseLimits limits, Diagnostics diags) {
    return new YamlReader(text, limits, diags).read(false);
  }

  private YNode read() {
    return read(true);
  }

  private YNode read(boolean fast) {
    if (fast) {
      try {
        YNode root = counted(PlainYaml.read(text, limits));
        plain = true;
        return root;
      } catch (LimitExceeded | BudgetExceeded e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        // anything beyond the plain subset (Unsupported), nesting deeper than the stack under a
        // raised depth limit, or a bug in the fast path (tests call PlainYaml directly and see
        // it): SnakeYAML reads the text and reports as always
      }
    }
    LoadSettings settings = SETTINGS.forText(limits.maxAliases(), text.length());
    if (fast) {
      try {
        return counted(EventTree.read(text, settings, offsets(), limits));
      } catch (EventTree.Unsupported | YamlEngineException | StackOverflowError e) {
        // aliases, duplicate keys, limits and syntax errors: compose, and report as always
      }
    }
    try {
      Composer composer = new ComposeComposer(settings);
      Optional<Node> root = composer.getSingleNode();
      if (root.isEmpty()) {
        return null;
      }
      return new Converter().root(root.get(), "");
    } catch (TooDeep e) {
      diags.add(DiagnosticCode.INPUT_LIMIT_EXCEEDED, e.getMessage(), e.offset, e.offset, null);
    } catch (TooLarge e) {
      diags.add(DiagnosticCode.INPUT_LIMIT_EXCEEDED, e.getMessage(), 0, 0, null);
    } catch (YamlEngineException | StackOverflowError e) {
      // the depth limit should prevent a stack overflow; this is the last line of defence
      YamlErrors.report(e, offsets(), diags);
    }
    return null;
  }

  /** A tree read without aliases, once its nodes are counted. */
  private YNode counted(YNode root) {
    nodes.add(size(root));
    return root;
  }

  private static long size(YNode n) {
    if (n instanceof YNode.Seq q) {
      long k = 1;
      for (YNode i : q.items()) {
        k += size(i);
      }
      return k;
    }
    if (n instanceof YNode.Map m) {
      long k = 1;
      for (YNode.Entry e : m.entries()) {
        k += 1 + size(e.value());
      }
      return k;
    }
    return n == null ? 0 : 1;
  }

  /** The composed document as a {@link YNode} tree, every pointer counted in {@link #paths}. */
  private final class Converter extends YamlTreeBuilder<YNode, String> {
    Converter() {
      super(offsets(), limits, nodes);
    }

    @Override
    protected YNode.Scalar scalar(ScalarNode n, String pointer) {
      int start = start(n);
      return new YNode.Scalar(pointer, start, scalarEnd(n, start), n.getValue(), YamlScalars.value(n));
    }

    @Override
    protected YNode.Seq sequence(SequenceNode n, String pointer, int depth) {
      List<YNode> items = new ArrayList<>(n.getValue().size());
      int i = 0;
      for (Node child : n.getValue()) {
        items.add(convert(child, paths.child(pointer, String.valueOf(i++)), depth + 1));
      }
      int start = start(n);
      YNode last = items.isEmpty() ? null : items.get(items.size() - 1);
      return new YNode.Seq(
          pointer, start, collectionEnd(n.getFlowStyle(), n.getEndMark(), start, last), items);
    }

    @Override
    protected YNode.Map mapping(MappingNode n, String pointer, int depth) {
      List<YNode.Entry> entries = new ArrayList<>(n.getValue().size());
      Set<String> keys = new HashSet<>();
      for (NodeTuple t : n.getValue()) {
        YNode keyNode = convert(t.getKeyNode(), pointer, depth + 1);
        YNode.Scalar key =
            keyNode instanceof YNode.Scalar s
                ? s
                : new YNode.Scalar(pointer, keyNode.start(), keyNode.end(), "", "");
        String child = paths.child(pointer, YNode.escape(key.text()));
        if (!keys.add(key.text())) {
          diags.add(
              DiagnosticCode.INPUT_PARSE_ERROR,
              "duplicate key '" + key.text() + "'",
              key.start(),
              key.end(),
              child);
        }
        key = new YNode.Scalar(child, key.start(), key.end(), key.text(), key.value());
        entries.add(new YNode.Entry(key, convert(t.getValueNode(), child, depth + 1)));
      }
      int start = start(n);
      YNode last = entries.isEmpty() ? null : entries.get(entries.size() - 1).value();
      return new YNode.Map(
          pointer, start, collectionEnd(n.getFlowStyle(), n.getEndMark(), start, last), entries);
    }
  }

  private YamlOffsets offsets() {
    if (offsets == null) {
      offsets = new YamlOffsets(text);
    }
    return offsets;
  }

  /** More services than a document may hold, stopped while composing. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  /** Keeps merge keys ordinary keys, and stops at too many services. */
  private final class ComposeComposer extends DepthLimitedComposer {
    private String rootKey;
    private int services;

    ComposeComposer(LoadSettings settings) {
      super(settings, text, limits.maxDepth(), offsets());
    }

    /**
     * Keeps {@code <<} an ordinary key: SnakeYAML would flatten merges while composing, losing
     * where merged values were written and changing the document that patches address.
     */
    @Override
    protected Node composeKeyNode(MappingNode node) {
      Node key = super.composeKeyNode(node);
      if (Tag.MERGE.equals(key.getTag())) {
        key.setTag(Tag.STR);
      }
      if (depth() == 1) {
        rootKey = key instanceof ScalarNode s ? s.getValue() : null;
      } else if (depth() == 2 && "services".equals(rootKey) && ++services > limits.maxContainers()) {
        // stop a 100,000-service document here instead of composing all of it
        throw new TooLarge("more than " + limits.maxContainers() + " services");
      }
      return key;
    }
  }
}
