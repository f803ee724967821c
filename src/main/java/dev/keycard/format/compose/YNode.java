package dev.keycard.format.compose;

import dev.keycard.input.yaml.YamlEntry;
import dev.keycard.input.yaml.YamlSpan;
import java.util.List;

/**
 * A YAML node with aliases expanded: {@code pointer} is its RFC 6901 pointer in the document as
 * written, {@code start}/{@code end} are UTF-16 offsets into the parsed text of where it was
 * written (for an alias, where its anchor was written).
 */
sealed interface YNode extends YamlSpan permits YNode.Scalar, YNode.Map, YNode.Seq {
  String pointer();

  /** A scalar: its text as written (after YAML unescaping) and its core-schema value. */
  record Scalar(String pointer, int start, int end, String text, Object value)
      implements YNode, YamlEntry.Key {
    boolean isNull() {
      return value == null;
    }

    boolean isString() {
      return value instanceof String;
    }
  }

  /** One key/value pair of a mapping. */
  record Entry(Scalar key, YNode value) implements YamlEntry {}

  /** A mapping, entries in written order. */
  record Map(String pointer, int start, int end, List<Entry> entries) implements YNode {
    public Map {
      entries = List.copyOf(entries);
    }

    Entry entry(String name) {
      for (Entry e : entries) {
        if (e.name().equals(name)) {
          return e;
        }
      }
      return null;
    }

    YNode get(String name) {
      Entry e = entry(name);
      return e == null ? null : e.value();
    }
  }

  /** A sequence. */
  record Seq(String pointer, int start, int end, List<YNode> items) implements YNode {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** Escapes one reference token of a JSON pointer. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The JSON-shaped value of a node: maps, lists and scalars, as written. */
  static Object toJson(YNode n) {
    if (n instanceof Scalar s) {
      return s.value();
    }
    if (n instanceof Seq q) {
      List<Object> out = new java.util.ArrayList<>(q.items().size());
      for (YNode i : q.items()) {
        out.add(toJson(i));
      }
      return out;
    }
    Map m = (Map) n;
    // sized for its entries, so that filling it never rehashes
    java.util.Map<String, Object> out =
        new java.util.LinkedHashMap<>(m.entries().size() * 4 / 3 + 1);
    for (Entry e : m.entries()) {
      out.put(e.name(), toJson(e.value()));
    }
    return out;
  }
}
