package dev.keycard.input.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * SnakeYAML's composer over a text, stopped with {@link TooDeep} at the collection that nests
 * deeper than {@code maxDepth}: composing recurses once per level, and this stops it before the
 * stack does. A format that also watches keys while composing overrides {@code composeKeyNode} and
 * reads {@link #depth()}.
 */
public class DepthLimitedComposer extends Composer {
  private final int maxDepth;
  private final YamlOffsets offsets;
  private int depth;

  public DepthLimitedComposer(
      LoadSettings settings, String text, int maxDepth, YamlOffsets offsets) {
    super(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    this.maxDepth = maxDepth;
    this.offsets = offsets;
  }

  /** How many collections enclose the node being composed (1 inside the root collection). */
  protected final int depth() {
    return depth;
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeMappingNode(anchor);
    } finally {
      depth--;
    }
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw new TooDeep(maxDepth, offsets.of(parser.peekEvent().getStartMark()));
    }
  }

  /** Nesting deeper than the limit, at the UTF-16 {@code offset} where it was reached. */
  public static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the collection one level too deep starts. */
    public final int offset;

    public TooDeep(int max, int offset) {
      super("YAML nesting deeper than " + max + " levels", null, false, false);
      this.offset = offset;
    }
  }
}
