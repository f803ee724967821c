package dev.keycard.format.compose;

import dev.keycard.budget.BudgetExceeded;
import dev.keycard.input.ParseLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A text of the plain YAML subset ({@link PlainYaml}) as SnakeYAML nodes, the way SnakeYAML's
 * composer with the failsafe schema builds them, without running it: for the fix renderer, which
 * edits the text by its nodes' marks. Only what the renderer reads is carried: the node kinds,
 * scalar values and quoting styles, flow styles, and each node's start and end index (the text is
 * ASCII, so a code point index is a UTF-16 offset). A block collection ends where its last child
 * ends; marks carry no line, column or snippet. Tests hold it equal to the composer's tree on those
 * points.
 */
public final class PlainNodes {
  private static final int[] NO_BUFFER = new int[0];

  private final String text;

  private PlainNodes(String text) {
    this.text = text;
  }

  /**
   * The text's root node; null when the text is outside the plain subset or has no content, and
   * SnakeYAML must compose it.
   */
  public static Node composeOrNull(String text) {
    YNode root;
    try {
      root = PlainYaml.read(text, ParseLimits.DEFAULTS);
    } catch (BudgetExceeded late) {
      throw late;
    } catch (RuntimeException | StackOverflowError e) {
      return null; // beyond the subset (or a bug in it): SnakeYAML composes the text
    }
    return root == null ? null : of(text, root);
  }

  /** The nodes of {@code root}, a tree {@link PlainYaml} read from {@code text}. */
  static Node of(String text, YNode root) {
    return new PlainNodes(text).node(root);
  }

  private Node node(YNode n) {
    Optional<Mark> start = mark(n.start());
    Optional<Mark> end = mark(n.end());
    if (n instanceof YNode.Scalar s) {
      return new ScalarNode(Tag.STR, true, s.text(), style(s), start, end);
    }
    if (n instanceof YNode.Map m) {
      List<NodeTuple> tuples = new ArrayList<>(m.entries().size());
      for (YNode.Entry e : m.entries()) {
        tuples.add(new NodeTuple(node(e.key()), node(e.value())));
      }
      return new MappingNode(Tag.MAP, true, tuples, flow(m, '{'), start, end);
    }
    YNode.Seq q = (YNode.Seq) n;
    List<Node> items = new ArrayList<>(q.items().size());
    for (YNode item : q.items()) {
      items.add(node(item));
    }
    return new SequenceNode(Tag.SEQ, true, items, flow(q, '['), start, end);
  }

  private ScalarStyle style(YNode.Scalar s) {
    if (s.end() > s.start()) {
      char c = text.charAt(s.start());
      if (c == '"') {
        return ScalarStyle.DOUBLE_QUOTED;
      }
      if (c == '\'') {
        return ScalarStyle.SINGLE_QUOTED;
      }
    }
    return ScalarStyle.PLAIN;
  }

  private FlowStyle flow(YNode n, char open) {
    return n.start() < text.length() && text.charAt(n.start()) == open
        ? FlowStyle.FLOW
        : FlowStyle.BLOCK;
  }

  private static Optional<Mark> mark(int index) {
    return Optional.of(new Mark("reader", index, 0, 0, NO_BUFFER, 0));
  }
}
