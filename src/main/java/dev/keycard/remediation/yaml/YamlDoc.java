package dev.keycard.remediation.yaml;

import dev.keycard.input.common.LineBreaks;
import dev.keycard.input.yaml.YamlOffsets;
import dev.keycard.remediation.CannotRender;
import dev.keycard.remediation.JsonPatch;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * A YAML text as nodes with UTF-16 offsets, addressed by JSON Pointer as the compose parser
 * addresses it. An alias is recognised by where its node was written: outside its parent.
 */
public final class YamlDoc {
  public final String text;
  public final String eol;
  public final Node root;
  private final YamlOffsets offsets;

  private YamlDoc(String text, Node root) {
    this(text, root, new YamlOffsets(text));
  }

  private YamlDoc(String text, Node root, YamlOffsets offsets) {
    this.text = text;
    this.root = root;
    this.eol = text.contains("\r\n") ? "\r\n" : "\n";
    this.offsets = offsets;
  }

  /**
   * The document of {@code root}, a tree of {@code text} as SnakeYAML's composer with the failsafe
   * schema builds it (a format's own reader may build an equal one without composing): marks are
   * code point indices into {@code text}. A format builds it once per parsed input and every fix
   * of that input edits it.
   */
  public static YamlDoc of(String text, Node root) {
    return new YamlDoc(text, root);
  }

  /**
   * The document as SnakeYAML's composer builds it, or empty when the text is not one YAML
   * document. The failsafe schema keeps {@code <<} merge keys as written (the core schema would
   * flatten them into the mapping).
   */
  public static Optional<YamlDoc> composed(String text) {
    return new Compose(settings(text)).composeString(text).map(n -> new YamlDoc(text, n));
  }

  private static LoadSettings settings(String text) {
    return LoadSettings.builder()
            // SnakeYAML refills a small buffer by copying what it has not consumed: a buffer as
            // long as the text reads a megabyte scalar once, not a thousand times
            .setBufferSize(Math.max(1024, text.length() + 1))
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(1000)
            .setSchema(new FailsafeSchema())
            .setUseMarks(true)
            .build();
  }

  /**
   * Every document of a YAML stream ({@code ---}), empty ones included, in written order, as
   * SnakeYAML's composer builds them; each addresses its own document by JSON Pointer, and its
   * offsets are offsets into the whole text. Empty when the text is not a YAML stream.
   */
  public static Optional<List<YamlDoc>> composedAll(String text) {
    LoadSettings settings = settings(text);
    YamlOffsets offsets = new YamlOffsets(text);
    List<YamlDoc> out = new java.util.ArrayList<>();
    try {
      for (Node n : new Compose(settings).composeAllFromString(text)) {
        out.add(new YamlDoc(text, n, offsets));
      }
    } catch (org.snakeyaml.engine.v2.exceptions.YamlEngineException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  public int start(Node n) {
    return offset(n.getStartMark());
  }

  public int end(Node n) {
    return Math.max(start(n), offset(n.getEndMark()));
  }

  private int offset(Optional<Mark> m) {
    return offsets.of(m);
  }

  /** One step of a pointer walk: the parent collection, the child, and its tuple in a mapping. */
  public record Step(Node parent, Node node, NodeTuple tuple, int index) {}

  /** The steps from the root to {@code pointer}, or null when it does not exist. */
  public List<Step> walk(String pointer) {
    List<Step> steps = new java.util.ArrayList<>();
    Node at = root;
    for (String token : JsonPatch.tokens(pointer)) {
      Step s = child(at, token);
      if (s == null) {
        return null;
      }
      steps.add(s);
      at = s.node();
    }
    return steps;
  }

  /** The node at {@code pointer}, or null. */
  public Node at(String pointer) {
    List<Step> steps = walk(pointer);
    return steps == null ? null : steps.isEmpty() ? root : steps.get(steps.size() - 1).node();
  }

  /**
   * The entries of large mappings by key (the first of a key, as a scan finds it), built on first
   * use: a document of a thousand services renders thousands of fixes, each a walk through
   * {@code /services}. A document belongs to one parsed input, which renders its fixes on one
   * thread at a time; the maps are synchronized all the same, as an input can outlive its request
   * (the answer cache).
   */
  private final Map<MappingNode, Map<String, NodeTuple>> index =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private static final int INDEXED = 16;

  private Step child(Node at, String token) {
    if (at instanceof MappingNode m) {
      if (m.getValue().size() > INDEXED) {
        NodeTuple t = index.computeIfAbsent(m, YamlDoc::byKey).get(token);
        return t == null ? null : new Step(m, t.getValueNode(), t, -1);
      }
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(token)) {
          return new Step(m, t.getValueNode(), t, -1);
        }
      }
      return null;
    }
    int i;
    if (at instanceof SequenceNode q && (i = JsonPatch.arrayIndex(token)) >= 0) {
      return i < q.getValue().size() ? new Step(q, q.getValue().get(i), null, i) : null;
    }
    return null;
  }

  private static Map<String, NodeTuple> byKey(MappingNode m) {
    Map<String, NodeTuple> out = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        out.putIfAbsent(k.getValue(), t);
      }
    }
    return out;
  }

  /** {@link #explicitKey}'s answers, by mapping. */
  private final Map<MappingNode, Boolean> explicitKeys =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * Whether a line of {@code [from, to)} starts with YAML's explicit-key indicator, alone or after
   * list dashes ({@code (?m)^[ \t]*(?:- +)*\?(?: |$)}), asked once per mapping: every fix of a
   * service asks. By hand, as that expression recursed once per dash in the JDK's matcher.
   */
  public boolean explicitKey(MappingNode m, int from, int to) {
    return explicitKeys.computeIfAbsent(m, k -> explicitKey(text, from, to));
  }

  /** {@link #explicitKey(MappingNode, int, int)} of any text. */
  public static boolean explicitKey(String text, int from, int to) {
    int i = from;
    while (i < to) {
      int j = i;
      while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      while (j + 1 < to && text.charAt(j) == '-' && text.charAt(j + 1) == ' ') {
        j += 2;
        while (j < to && text.charAt(j) == ' ') {
          j++;
        }
      }
      if (j < to && text.charAt(j) == '?' && (j + 1 >= to || text.charAt(j + 1) == ' ' || isBreak(text.charAt(j + 1)))) {
        return true;
      }
      while (j < to && !isBreak(text.charAt(j))) {
        j++;
      }
      i = j + 1;
    }
    return false;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** {@link #anyListStyle}'s answer, once asked (empty: the document has no list). */
  private volatile Optional<YamlEditor.ListStyle> anyListStyle;

  /**
   * The list style found first anywhere in the document by {@code search} ({@link
   * YamlEditor#styleOf}), searched once per document; its step is the first caller's.
   */
  public YamlEditor.ListStyle anyListStyle(Supplier<YamlEditor.ListStyle> search) {
    if (anyListStyle == null) {
      anyListStyle = Optional.ofNullable(search.get());
    }
    return anyListStyle.orElse(null);
  }

  /** Whether {@code child} was written somewhere else than inside {@code parent} (an alias). */
  public boolean isAlias(Step s) {
    int cs = start(s.node());
    if (s.tuple() != null) {
      return cs < end(s.tuple().getKeyNode());
    }
    return cs < start(s.parent()) || cs > end(s.parent());
  }

  public boolean isFlow(Node n) {
    return (n instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW)
        || (n instanceof SequenceNode q && q.getFlowStyle() == FlowStyle.FLOW);
  }

  /** Where a node's own text ends: for a block collection, the end of its last value. */
  public int contentEnd(Node n) {
    if (isFlow(n) || n instanceof ScalarNode) {
      int e = end(n);
      while (e > start(n) && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
        e--;
      }
      return e;
    }
    if (n instanceof MappingNode m && !m.getValue().isEmpty()) {
      return valueEnd(m.getValue().get(m.getValue().size() - 1));
    }
    if (n instanceof SequenceNode q && !q.getValue().isEmpty()) {
      Node last = q.getValue().get(q.getValue().size() - 1);
      if (start(last) < start(q)) {
        throw new CannotRender("the last item of a list is an alias");
      }
      return contentEnd(last);
    }
    return end(n);
  }

  /** Where an entry's value ends in the text, also when the value is an alias ({@code *name}). */
  public int valueEnd(NodeTuple t) {
    int keyEnd = end(t.getKeyNode());
    if (start(t.getValueNode()) >= keyEnd) {
      return Math.max(contentEnd(t.getKeyNode()), contentEnd(t.getValueNode()));
    }
    int[] alias = aliasToken(keyEnd);
    return alias[1];
  }

  /** The {@code [start, end)} of the alias token written after a key ending at {@code keyEnd}. */
  public int[] aliasToken(int keyEnd) {
    int i = keyEnd;
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ':')) {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '*') {
      throw new CannotRender("no alias after the key");
    }
    int j = i + 1;
    while (j < text.length()
        && !Character.isWhitespace(text.charAt(j))
        && ",]}".indexOf(text.charAt(j)) < 0) {
      j++;
    }
    return new int[] {i, j};
  }

  public int lineStart(int offset) {
    return LineBreaks.lineStart(text, offset);
  }

  /** The offset of the line break ending the line that holds {@code offset} (or the text end). */
  public int lineEnd(int offset) {
    return LineBreaks.lineEnd(text, offset);
  }

  /** The offset just after the line break ending the line that holds {@code offset}. */
  public int nextLine(int offset) {
    return LineBreaks.afterBreak(text, lineEnd(offset));
  }

  /** The column (0-based, UTF-16) of an offset. */
  public int column(int offset) {
    return offset - lineStart(offset);
  }

  /** Whether the line holding {@code offset} has nothing before it but indentation. */
  public boolean firstOnLine(int offset) {
    return text.substring(lineStart(offset), offset).isBlank();
  }
}
