package dev.keycard.format.kubernetes;

import dev.keycard.input.yaml.YamlEntry;
import dev.keycard.input.yaml.YamlSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A node of one Kubernetes document, aliases and {@code <<} merges expanded as kubectl reads them
 * (SnakeYAML applies a merge while composing, a key written in the mapping winning over a merged
 * one, so the tree and the document hold the merged mapping):
 * {@code pointer} is its RFC 6901 JSON Pointer inside its own document (without the document's
 * index in a stream), {@code start}/{@code end} are UTF-16 offsets into the parsed text of where it
 * was written (for an alias, where its anchor was written).
 *
 * <p>A node holds its place as a {@link Path} (its parent's path and its own token), and its
 * pointer is written only when asked: a pointer written for every node repeated every key above it
 * once per node, so a 500,000-character key above 2,000 list items was a gigabyte of pointers from
 * a 500 KB body.
 */
sealed interface KNode extends YamlSpan permits KNode.Scalar, KNode.Map, KNode.Seq {
  /** Where the node stands: its parent's path and its own token. */
  Path path();

  /** The node's RFC 6901 JSON Pointer inside its document, written on each call. */
  default String pointer() {
    return path().toString();
  }

  /**
   * A place in a document: the parent's place and one reference token, already escaped; the root is
   * {@link #ROOT}. Holds no text of its own beyond its token, so a tree's paths cost what its keys
   * cost.
   */
  final class Path {
    static final Path ROOT = new Path(null, "", 0);

    private final Path parent;
    private final String token;
    private final int length;

    private Path(Path parent, String token, int length) {
      this.parent = parent;
      this.token = token;
      this.length = length;
    }

    /** The path of the child named {@code token} (a key as written, escaped here, or an index). */
    Path child(String token) {
      String t = escape(token);
      return new Path(this, t, (int) Math.min(Integer.MAX_VALUE, (long) length + 1 + t.length()));
    }

    Path child(int index) {
      return child(Integer.toString(index));
    }

    @Override
    public String toString() {
      if (parent == null) {
        return "";
      }
      char[] out = new char[length];
      int end = length;
      for (Path p = this; p.parent != null; p = p.parent) {
        end -= p.token.length();
        p.token.getChars(0, p.token.length(), out, end);
        out[--end] = '/';
      }
      return new String(out);
    }
  }

  /**
   * A scalar: its text as written (after YAML unescaping), its YAML 1.2 core-schema value ({@code
   * String}, {@code Long}, {@code Double}, {@code Boolean} or null) and whether it was plain
   * (unquoted), which decides whether YAML 1.1's {@code yes}/{@code no} are booleans.
   */
  record Scalar(Path path, int start, int end, String text, Object value, boolean plain)
      implements KNode, YamlEntry.Key {
    boolean isNull() {
      return value == null;
    }

    /** The value as a string when it is one, else null. */
    String string() {
      return value instanceof String s ? s : null;
    }
  }

  /** One key/value pair of a mapping. */
  record Entry(Scalar key, KNode value) implements YamlEntry {}

  /** A mapping, entries in written order (keys are unique: duplicates are refused). */
  final class Map implements KNode {
    private final Path path;
    private final int start;
    private final int end;
    private final List<Entry> entries;
    private final java.util.Map<String, Entry> fields;

    Map(Path path, int start, int end, List<Entry> entries) {
      this.path = path;
      this.start = start;
      this.end = end;
      this.entries = List.copyOf(entries);
      java.util.Map<String, Entry> f = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
      for (Entry e : entries) {
        f.putIfAbsent(e.name(), e);
      }
      this.fields = f;
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public int start() {
      return start;
    }

    @Override
    public int end() {
      return end;
    }

    /** The entries in written order. */
    List<Entry> entries() {
      return entries;
    }

    /** The entries in written order (the first of a key given twice, which is refused anyway). */
    java.util.Collection<Entry> fields() {
      return fields.values();
    }

    Entry entry(String name) {
      return fields.get(name);
    }

    KNode get(String name) {
      Entry e = fields.get(name);
      return e == null ? null : e.value();
    }

    /** The value at {@code name} when it is a mapping, else null. */
    Map map(String name) {
      return get(name) instanceof Map m ? m : null;
    }

    /** The value at {@code name} when it is a string scalar, else null. */
    String string(String name) {
      return get(name) instanceof Scalar s ? s.string() : null;
    }
  }

  /** A sequence. */
  record Seq(Path path, int start, int end, List<KNode> items) implements KNode {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** Escapes one reference token of a JSON pointer (RFC 6901). */
  static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The JSON-shaped value of a node: maps, lists and scalars, as written. */
  static Object toJson(KNode n) {
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      return s.value();
    }
    if (n instanceof Seq q) {
      List<Object> out = new ArrayList<>(q.items().size());
      for (KNode i : q.items()) {
        out.add(toJson(i));
      }
      return out;
    }
    Map m = (Map) n;
    java.util.Map<String, Object> out = new LinkedHashMap<>(m.entries().size() * 4 / 3 + 1);
    for (Entry e : m.entries()) {
      out.put(e.name(), toJson(e.value()));
    }
    return out;
  }
}
