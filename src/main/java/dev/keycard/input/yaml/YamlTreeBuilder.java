package dev.keycard.input.yaml;

import dev.keycard.input.ParseLimits;
import dev.keycard.input.yaml.DepthLimitedComposer.TooDeep;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Converts SnakeYAML's composed nodes into a format's own tree: every node counted against {@code
 * max-yaml-nodes} before it is built, nesting deeper than the limit stopped with {@link TooDeep},
 * and the spans every tree keeps. The format builds each node ({@link #scalar}, {@link #sequence},
 * {@link #mapping}) and converts its children with {@link #convert}.
 *
 * @param <N> the format's node
 * @param <P> how the format names a node's place (a JSON Pointer, a path)
 */
public abstract class YamlTreeBuilder<N extends YamlSpan, P> {
  private final YamlOffsets offsets;
  private final int maxDepth;
  private final YamlNodeLimit nodes;

  /** A builder over the text {@code offsets} maps, counting its nodes in {@code nodes}. */
  protected YamlTreeBuilder(YamlOffsets offsets, ParseLimits limits, YamlNodeLimit nodes) {
    this.offsets = offsets;
    this.maxDepth = limits.maxDepth();
    this.nodes = nodes;
  }

  /** The tree of a document's root {@code node}, at {@code place}. */
  public final N root(Node node, P place) {
    return convert(node, place, 0);
  }

  /** The tree of {@code node}, found at {@code place}, {@code depth} collections deep. */
  protected final N convert(Node node, P place, int depth) {
    if (depth > maxDepth) {
      throw new TooDeep(maxDepth, start(node));
    }
    // an alias is converted again wherever it is used: counted before it is built
    nodes.add(1);
    return switch (node.getNodeType()) {
      case SCALAR -> scalar((ScalarNode) node, place);
      case SEQUENCE -> sequence((SequenceNode) node, place, depth);
      default -> mapping((MappingNode) node, place, depth);
    };
  }

  protected abstract N scalar(ScalarNode n, P place);

  protected abstract N sequence(SequenceNode n, P place, int depth);

  protected abstract N mapping(MappingNode n, P place, int depth);

  /** Where {@code n} starts. */
  protected final int start(Node n) {
    return offsets.of(n.getStartMark());
  }

  /** Where a scalar that starts at {@code start} ends: before a block scalar's trailing breaks. */
  protected final int scalarEnd(ScalarNode n, int start) {
    int end = Math.max(start, offsets.of(n.getEndMark()));
    if (n.getScalarStyle() == ScalarStyle.LITERAL || n.getScalarStyle() == ScalarStyle.FOLDED) {
      end = offsets.trimEnd(start, end);
    }
    return end;
  }

  /**
   * Where a collection that starts at {@code start} ends: a block collection where its last child
   * ends ({@code last}, null when it has none), not at the next token.
   */
  protected final int collectionEnd(FlowStyle style, Optional<Mark> endMark, int start, N last) {
    if (style == FlowStyle.FLOW || last == null) {
      return Math.max(start, offsets.of(endMark));
    }
    return Math.max(start, last.end());
  }
}
