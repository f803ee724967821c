package dev.keycard.remediation.yaml;

import com.google.re2j.Pattern;
import dev.keycard.remediation.CannotRender;
import dev.keycard.remediation.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Edits of a YAML text that change one entry and keep the rest byte for byte: removed lines take
 * their line break and the comments that document them (see {@link #documented}), new keys and
 * items copy the indentation, dash style, flow or block style and line endings around them,
 * replaced scalars keep their quotes.
 */
public final class YamlEditor {
  private final YamlDoc doc;
  private final String t;

  public YamlEditor(YamlDoc doc) {
    this.doc = doc;
    this.t = doc.text;
  }

  /** Removes a mapping entry (key and value). */
  public List<Edit> removeEntry(MappingNode map, NodeTuple entry) {
    int i = map.getValue().indexOf(entry);
    int from = doc.start(entry.getKeyNode());
    int to = doc.valueEnd(entry);
    if (doc.isFlow(map)) {
      List<int[]> items = new ArrayList<>();
      for (NodeTuple x : map.getValue()) {
        items.add(new int[] {doc.start(x.getKeyNode()), doc.valueEnd(x)});
      }
      return List.of(flowRemoval(items, i));
    }
    if (!doc.firstOnLine(from)) {
      throw new CannotRender("the entry shares its line with a list dash");
    }
    int floor = i > 0 ? doc.valueEnd(map.getValue().get(i - 1)) : 0;
    return deleteLines(documented(doc.lineStart(from), floor), doc.nextLine(to));
  }

  /** Removes one item of a sequence. */
  public List<Edit> removeItem(SequenceNode seq, int i) {
    Node item = seq.getValue().get(i);
    if (doc.start(item) < doc.start(seq)) {
      throw new CannotRender("the item is an alias");
    }
    if (doc.isFlow(seq)) {
      List<int[]> items = new ArrayList<>();
      for (Node x : seq.getValue()) {
        items.add(new int[] {doc.start(x), doc.contentEnd(x)});
      }
      return List.of(flowRemoval(items, i));
    }
    int floor = i > 0 ? doc.contentEnd(seq.getValue().get(i - 1)) : 0;
    return deleteLines(
        documented(doc.lineStart(doc.start(item)), floor), doc.nextLine(doc.contentEnd(item)));
  }

  private Edit flowRemoval(List<int[]> items, int i) {
    if (items.size() == 1) {
      return new Edit(items.get(0)[0], items.get(0)[1], "");
    }
    if (i > 0) {
      return new Edit(items.get(i - 1)[1], items.get(i)[1], "");
    }
    return new Edit(items.get(0)[0], items.get(1)[0], "");
  }

  /**
   * Deletes whole lines {@code [from, to)}, comment lines among them too: they sit inside the
   * removed node (between its key and its items, say) and describe what goes.
   */
  private List<Edit> deleteLines(int from, int to) {
    return List.of(new Edit(from, to, ""));
  }

  /**
   * Where the removal of the node whose first line starts at {@code lineStart} begins, taking the
   * comment block that documents it: the comment-only lines directly above it, not separated from
   * it by a blank line, written at its own indentation (a comment less indented documents a parent,
   * one more indented belongs to what comes before), and not commented-out YAML ({@code #- item},
   * {@code # key: value}), which is kept. Never above {@code floor}, the end of the previous
   * sibling, and never the comment block that opens the document (the file's header).
   */
  private int documented(int lineStart, int floor) {
    int indent = indent(lineStart);
    int start = lineStart;
    while (start > floor) {
      int j = start - 1;
      if (j > 0 && t.charAt(j) == '\n' && t.charAt(j - 1) == '\r') {
        j--;
      }
      int prev = doc.lineStart(j);
      if (prev < floor) {
        break;
      }
      String line = t.substring(prev, doc.lineEnd(prev));
      String stripped = line.strip();
      if (!stripped.startsWith("#") || indent(prev) != indent || commentedOut(stripped)) {
        break;
      }
      start = prev;
    }
    // a comment block that opens the document is the file's header, not this node's
    return start == 0 ? lineStart : start;
  }

  /** The blanks a line starts with. */
  private int indent(int lineStart) {
    int i = lineStart;
    while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    return i - lineStart;
  }

  /**
   * Whether a comment reads as YAML taken out ({@code #- /data:/data}, {@code #dns:}, {@code #
   * restart: always}) rather than as words about the line below: such a line stays.
   */
  public static boolean commentedOut(String comment) {
    int i = 0;
    while (i < comment.length() && comment.charAt(i) == '#') {
      i++;
    }
    String r = comment.substring(i).strip();
    if (r.equals("-") || r.startsWith("- ")) {
      return true;
    }
    int k = 0;
    while (k < r.length()
        && (Character.isLetterOrDigit(r.charAt(k)) || "_.-\"'".indexOf(r.charAt(k)) >= 0)) {
      k++;
    }
    return k > 0 && k < r.length() && r.charAt(k) == ':'
        && (k + 1 == r.length() || r.charAt(k + 1) == ' ');
  }

  /** Replaces a scalar, keeping its quote style when the new value is a string. */
  public Edit replaceScalar(ScalarNode n, Object value) {
    String text;
    if (value instanceof String s && n.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
      text = YamlText.quoted(s);
    } else if (value instanceof String s && n.getScalarStyle() == ScalarStyle.SINGLE_QUOTED) {
      text = "'" + s.replace("'", "''") + "'";
    } else {
      text = YamlText.flow(value);
    }
    return new Edit(doc.start(n), doc.contentEnd(n), text);
  }

  /** Replaces any value written inline (a scalar or flow collection, or an alias token). */
  public Edit replaceInline(int start, int end, Object value) {
    String flow = YamlText.flow(value);
    int eol = doc.lineEnd(end);
    if ((flow.startsWith("[") || flow.startsWith("{"))
        && t.substring(end, eol).isBlank()
        && t.substring(end, eol).indexOf('\t') >= 0) {
      end = eol; // SnakeYAML refuses a tab after a flow collection; the blanks mean nothing
    }
    return new Edit(start, end, flow);
  }

  /**
   * A line ending in a block scalar's header ({@code key: |}, {@code - >-}, or the header alone
   * below its key): its content is empty.
   */
  private static final Pattern EMPTY_BLOCK_SCALAR =
      Pattern.compile(
          "(?:^[ \\t]*|[:-][ \\t]+)[|>][-+1-9]{0,2}[ \\t]*(?:#[^\\n\\r\\x{85}\\x{2028}\\x{2029}]*)?"
              + "(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?$");

  /** Adds {@code key: value} at the end of a mapping, in its style. */
  public Edit insertEntry(MappingNode map, String key, Object value, ListStyle style) {
    if (doc.isFlow(map)) {
      return insertFlow(map, YamlText.scalar(key) + ": " + YamlText.flow(value));
    }
    String pad = blockPad(map);
    int at = blockEnd(map);
    StringBuilder sb = new StringBuilder(pad).append(YamlText.scalar(key)).append(':');
    if (value instanceof List<?> l && !l.isEmpty() && !style.flow()) {
      for (Object item : l) {
        sb.append(doc.eol)
            .append(pad)
            .append(" ".repeat(style.dashOffset()))
            .append("- ")
            .append(YamlText.flow(item));
      }
    } else if (value instanceof Map<?, ?> m && !m.isEmpty() && !style.flow()) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(doc.eol)
            .append(pad)
            .append(" ".repeat(style.step()))
            .append(YamlText.scalar(String.valueOf(e.getKey())))
            .append(": ")
            .append(YamlText.flow(e.getValue()));
      }
    } else {
      sb.append(' ').append(YamlText.flow(value));
    }
    return insertLines(at, sb);
  }

  /**
   * Adds several entries at the end of a mapping in one edit, in its style: in a block mapping,
   * values that are mappings or lists are written as nested blocks (a list as {@code style} says,
   * its mapping items in block form too), so that a new {@code securityContext:} with its keys reads
   * as if written by hand; in a flow mapping, in flow style.
   */
  public Edit insertEntries(MappingNode map, Map<String, ?> entries, ListStyle style) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("no entries");
    }
    if (doc.isFlow(map)) {
      StringBuilder kv = new StringBuilder();
      for (Map.Entry<String, ?> e : entries.entrySet()) {
        kv.append(kv.length() == 0 ? "" : ", ")
            .append(YamlText.scalar(e.getKey()))
            .append(": ")
            .append(YamlText.flow(e.getValue()));
      }
      return insertFlow(map, kv);
    }
    String pad = blockPad(map);
    int at = blockEnd(map);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, ?> e : entries.entrySet()) {
      if (sb.length() > 0) {
        sb.append(doc.eol);
      }
      blockEntry(sb, pad, e.getKey(), e.getValue(), style);
    }
    return insertLines(at, sb);
  }

  /** Inserts {@code kv} (one or more {@code key: value}) at the end of a flow mapping. */
  private Edit insertFlow(MappingNode map, CharSequence kv) {
    List<NodeTuple> entries = map.getValue();
    if (entries.isEmpty()) {
      return Edit.insert(doc.start(map) + 1, kv.toString());
    }
    return Edit.insert(doc.valueEnd(entries.get(entries.size() - 1)), ", " + kv);
  }

  /** The indentation of a block mapping's keys, as the text before its first key writes it. */
  private String blockPad(MappingNode map) {
    int first = doc.start(map.getValue().get(0).getKeyNode());
    int indent = doc.column(first);
    String pad = t.substring(doc.lineStart(first), doc.lineStart(first) + indent);
    if (!pad.isBlank()) {
      // the first key shares its line with a dash ("- key: v"): indent with spaces
      pad = " ".repeat(indent);
    }
    return pad;
  }

  /** The end of a block mapping's last line, where new entries go. */
  private int blockEnd(MappingNode map) {
    int at = doc.lineEnd(doc.contentEnd(map));
    String last = t.substring(doc.lineStart(at), at);
    if ((last.indexOf('|') >= 0 || last.indexOf('>') >= 0)
        && EMPTY_BLOCK_SCALAR.matcher(last).find()) {
      // "A: |" with nothing after it: SnakeYAML reads a line added below as its content
      throw new CannotRender("the mapping ends in an empty block scalar");
    }
    return at;
  }

  /** Inserts the lines in {@code sb} after the line that ends at {@code at}. */
  private Edit insertLines(int at, StringBuilder sb) {
    if (at < t.length()) {
      // a new line of its own, after the map's last line break: so it still applies when another
      // fix removes that last line (the edits touch, they do not overlap)
      return Edit.insert(doc.nextLine(at), sb.append(doc.eol).toString());
    }
    return Edit.insert(at, doc.eol + sb); // the text ends without a line break
  }

  /** {@code key: value} at {@code pad}, nested collections as blocks (the first line unindented). */
  private void blockEntry(StringBuilder sb, String pad, String key, Object value, ListStyle style) {
    sb.append(pad).append(YamlText.scalar(key)).append(':');
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      String inner = pad + " ".repeat(style.step());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(doc.eol);
        blockEntry(sb, inner, String.valueOf(e.getKey()), e.getValue(), style);
      }
    } else if (value instanceof List<?> l && !l.isEmpty() && !style.flow()) {
      String dash = pad + " ".repeat(style.dashOffset());
      for (Object item : l) {
        sb.append(doc.eol);
        blockItem(sb, dash, item, style);
      }
    } else {
      sb.append(' ').append(YamlText.flow(value));
    }
  }

  /** {@code - item} with its dash at {@code dash}; a mapping item's keys aligned after the dash. */
  private void blockItem(StringBuilder sb, String dash, Object item, ListStyle style) {
    sb.append(dash).append("- ");
    if (item instanceof Map<?, ?> m && !m.isEmpty()) {
      String keys = " ".repeat(dash.length() + 2);
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(doc.eol);
        }
        int from = sb.length();
        blockEntry(sb, keys, String.valueOf(e.getKey()), e.getValue(), style);
        if (first) {
          sb.delete(from, from + keys.length()); // the first key follows the dash
        }
        first = false;
      }
    } else {
      sb.append(YamlText.flow(item));
    }
  }

  /**
   * Appends an item to a sequence as {@link #appendItem} does, a mapping item in block form (its
   * keys aligned after the dash) when the sequence is a block one.
   */
  public Edit appendBlockItem(SequenceNode seq, Object value, ListStyle style) {
    List<Node> items = seq.getValue();
    if (doc.isFlow(seq) || items.isEmpty() || !(value instanceof Map<?, ?> m) || m.isEmpty()) {
      return appendItem(seq, value);
    }
    Node last = items.get(items.size() - 1);
    int ls = doc.lineStart(doc.start(last));
    String prefix = t.substring(ls, doc.start(last));
    if (!prefix.strip().equals("-") || !prefix.endsWith(" ")) {
      throw new CannotRender("the list item does not start its line with a dash");
    }
    String dash = prefix.substring(0, prefix.length() - 1).stripTrailing();
    dash = dash.substring(0, dash.length() - 1); // the blanks before the dash
    if (!dash.isBlank()) {
      throw new CannotRender("the list item shares its line with another dash");
    }
    StringBuilder sb = new StringBuilder();
    blockItem(sb, dash, value, style);
    return Edit.insert(doc.lineEnd(doc.contentEnd(last)), doc.eol + sb);
  }

  /** Appends an item to a sequence, copying the last item's dash and indentation. */
  public Edit appendItem(SequenceNode seq, Object value) {
    List<Node> items = seq.getValue();
    if (items.isEmpty()) {
      if (!doc.isFlow(seq)) {
        throw new CannotRender("an empty block list");
      }
      return Edit.insert(doc.start(seq) + 1, YamlText.flow(value));
    }
    Node last = items.get(items.size() - 1);
    if (doc.isFlow(seq)) {
      return Edit.insert(doc.contentEnd(last), ", " + YamlText.flow(value));
    }
    int ls = doc.lineStart(doc.start(last));
    String prefix = t.substring(ls, doc.start(last));
    if (!prefix.strip().equals("-")) {
      throw new CannotRender("the list item does not start its line with a dash");
    }
    if (!prefix.endsWith(" ")) {
      prefix += " "; // an empty item ("-" alone): its node starts right after the dash
    }
    return Edit.insert(doc.lineEnd(doc.contentEnd(last)), doc.eol + prefix + YamlText.flow(value));
  }

  /**
   * How new lists are written in a service: flow ({@code [a]}) or block, with the dash's offset
   * from its key and the document's indentation step.
   */
  public record ListStyle(boolean flow, int dashOffset, int step) {}

  /** The list style a mapping already uses, else the document's, else block lists. */
  public ListStyle styleOf(MappingNode service, int step) {
    ListStyle own = styleIn(service, step);
    if (own != null) {
      return own;
    }
    ListStyle any = doc.anyListStyle(() -> styleAnywhere(doc.root, step));
    return any != null
        ? new ListStyle(any.flow(), any.dashOffset(), step)
        : new ListStyle(false, step, step);
  }

  private ListStyle styleAnywhere(Node n, int step) {
    if (n instanceof MappingNode m) {
      ListStyle s = styleIn(m, step);
      if (s != null) {
        return s;
      }
      for (NodeTuple e : m.getValue()) {
        ListStyle x = styleAnywhere(e.getValueNode(), step);
        if (x != null) {
          return x;
        }
      }
    }
    return null;
  }

  private ListStyle styleIn(MappingNode m, int step) {
    boolean sawFlow = false;
    for (NodeTuple e : m.getValue()) {
      if (e.getValueNode() instanceof SequenceNode q
          && !q.getValue().isEmpty()
          && doc.start(q) > doc.start(e.getKeyNode())) {
        if (doc.isFlow(q)) {
          sawFlow = true;
        } else {
          int dash = doc.column(doc.start(q.getValue().get(0))) - 2;
          int key = doc.column(doc.start(e.getKeyNode()));
          if (dash >= key) {
            return new ListStyle(false, dash - key, step);
          }
        }
      }
    }
    return sawFlow ? new ListStyle(true, 0, step) : null;
  }
}
