package dev.keycard.policy;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A rule file read as a tree of maps, lists and scalars that remember their place in the file.
 * Rule files are small and trusted-ish (they may come from a caller through {@code
 * /v1/rulesets/check}), so aliases and depth are still bounded.
 */
final class YamlTree {
  private YamlTree() {}

  /** A node of the tree: a scalar string, a map or a list, with its position. */
  sealed interface YNode permits YScalar, YMap, YList {
    SourceRef at();

    /** The node as plain Java data (for digests and example inputs). */
    Object plain();
  }

  /** A scalar: its text, whether it was a plain (untagged, unquoted) scalar, and its Located text. */
  record YScalar(String value, boolean plainStyle, boolean isNull, Located located, SourceRef at)
      implements YNode {
    @Override
    public Object plain() {
      return isNull ? null : value;
    }
  }

  /** A mapping with string keys in file order, and each key's position. */
  record YMap(Map<String, YNode> entries, Map<String, SourceRef> keys, SourceRef at) implements YNode {
    @Override
    public Object plain() {
      Map<String, Object> m = new LinkedHashMap<>();
      entries.forEach((k, v) -> m.put(k, v.plain()));
      return m;
    }
  }

  /** A sequence. */
  record YList(List<YNode> items, SourceRef at) implements YNode {
    @Override
    public Object plain() {
      List<Object> l = new ArrayList<>();
      items.forEach(i -> l.add(i.plain()));
      return l;
    }
  }

  /** Thrown for text that is not YAML, with the position of the problem. */
  static final class YamlError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SourceRef at;

    YamlError(String message, SourceRef at) {
      super(message);
      this.at = at;
    }

    SourceRef at() {
      return at;
    }
  }

  /** Reads {@code text} (named {@code file} in errors); empty documents read as null. */
  static YNode read(String text, String file) throws YamlError {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setMaxAliasesForCollections(20)
            .setAllowDuplicateKeys(false)
            .setCodePointLimit(1024 * 1024)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      SourceRef at =
          e.getProblemMark()
              .map(m -> new SourceRef(file, m.getLine() + 1, m.getColumn() + 1))
              .orElse(new SourceRef(file, 1, 1));
      throw new YamlError(e.getProblem() == null ? e.getMessage() : e.getProblem(), at);
    } catch (YamlEngineException e) {
      throw new YamlError(e.getMessage(), new SourceRef(file, 1, 1));
    }
    if (root.isEmpty()) {
      return null;
    }
    Caps caps = Budget.current().caps();
    return new Expansion(caps.maxYamlNodes(), MAX_EXPANDED_CHARS)
        .convert(root.get(), file, new LineIndex(text), 0);
  }

  /** Characters of scalar text after alias expansion (4 Mi: four times the default body limit). */
  static final long MAX_EXPANDED_CHARS = 4L << 20;

  /**
   * Converts the node graph into a tree, expanding aliases (a rule file may share a list with
   * {@code &x} / {@code *x}), and counts every node and every scalar character it produces, scalar
   * aliases included: an alias bomb stops at the cap with a 413 instead of filling the heap.
   */
  private static final class Expansion {
    private final int maxNodes;
    private final long maxChars;
    private int nodes;
    private long chars;

    Expansion(int maxNodes, long maxChars) {
      this.maxNodes = maxNodes;
      this.maxChars = maxChars;
    }

    private void count(Node node) {
      Budget.current().tick();
      if (++nodes > maxNodes) {
        throw LimitExceeded.tooLarge(
            "max-yaml-nodes",
            maxNodes,
            "the rules hold more than " + maxNodes + " YAML nodes once their aliases are expanded");
      }
      if (node instanceof ScalarNode s && (chars += s.getValue().length()) > maxChars) {
        throw LimitExceeded.tooLarge(
            "max-yaml-nodes",
            maxNodes,
            "the rules hold more than " + maxChars + " characters of text once their aliases are"
                + " expanded");
      }
    }

    YNode convert(Node node, String file, LineIndex index, int depth) throws YamlError {
      return YamlTree.convert(this, node, file, index, depth);
    }
  }

  private static YNode convert(Expansion x, Node node, String file, LineIndex index, int depth)
      throws YamlError {
    SourceRef at = at(node, file);
    if (depth > 32) {
      throw new YamlError("nesting deeper than 32 levels", at);
    }
    x.count(node);
    if (node instanceof ScalarNode s) {
      boolean isNull = s.getTag().equals(Tag.NULL) && s.getScalarStyle() == ScalarStyle.PLAIN;
      return new YScalar(
          s.getValue(),
          s.getScalarStyle() == ScalarStyle.PLAIN,
          isNull,
          index.locate(s, file),
          at);
    }
    if (node instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>();
      for (Node n : seq.getValue()) {
        items.add(convert(x, n, file, index, depth + 1));
      }
      return new YList(items, at);
    }
    MappingNode map = (MappingNode) node;
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, SourceRef> keys = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YamlError("keys must be plain strings", at(t.getKeyNode(), file));
      }
      SourceRef first = keys.get(k.getValue());
      if (first != null) {
        // the composer keeps both; a rule must not show one 'when' and run another
        throw new YamlError(
            "duplicate key '" + k.getValue() + "' (first at line " + first.line() + ")",
            at(k, file));
      }
      entries.put(k.getValue(), convert(x, t.getValueNode(), file, index, depth + 1));
      keys.put(k.getValue(), at(k, file));
    }
    return new YMap(entries, keys, at);
  }

  private static SourceRef at(Node n, String file) {
    return n.getStartMark()
        .map(m -> new SourceRef(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new SourceRef(file, 1, 1));
  }

  /** Maps a scalar's characters back to file positions. */
  private static final class LineIndex {
    private static final com.google.re2j.Pattern LINE_BREAK = com.google.re2j.Pattern.compile("\r?\n");

    private final String[] lines;

    LineIndex(String text) {
      this.lines = LINE_BREAK.split(text, -1);
    }

    Located locate(ScalarNode s, String file) {
      SourceRef at = at(s, file);
      String value = s.getValue();
      ScalarStyle style = s.getScalarStyle();
      if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
        return block(value, at, file);
      }
      int quote = style == ScalarStyle.PLAIN ? 0 : 1;
      return Located.inline(value, new SourceRef(file, at.line(), at.column() + quote));
    }

    /**
     * A block scalar's content starts on the line after its indicator; each content line is
     * matched, after its indentation, to the value's characters (newlines or folding spaces map to
     * the end of the line before).
     */
    private Located block(String value, SourceRef at, String file) {
      int[] ls = new int[value.length()];
      int[] cs = new int[value.length()];
      int line = at.line(); // 0-based index of the line after the indicator
      int blockIndent = -1;
      for (int l = line; l < lines.length && blockIndent < 0; l++) {
        if (!lines[l].isBlank()) {
          blockIndent = lines[l].length() - lines[l].stripLeading().length();
        }
      }
      int i = 0;
      while (i < value.length() && line < lines.length) {
        String raw = lines[line];
        int indent = Math.min(Math.max(blockIndent, 0), raw.length() - raw.stripLeading().length());
        String stripped = raw.substring(indent);
        int k = 0;
        while (i < value.length() && k < stripped.length() && value.charAt(i) == stripped.charAt(k)) {
          ls[i] = line + 1;
          cs[i] = indent + k + 1;
          i++;
          k++;
        }
        if (i < value.length() && (value.charAt(i) == '\n' || value.charAt(i) == ' ')) {
          ls[i] = line + 1;
          cs[i] = indent + k + 1;
          i++;
        }
        line++;
      }
      for (; i < value.length(); i++) {
        ls[i] = at.line();
        cs[i] = at.column();
      }
      return Located.mapped(value, new SourceRef(file, at.line() + 1, 1), ls, cs);
    }
  }
}
