package dev.keycard.format.engineapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a JSON document with where it was written: its RFC 6901 pointer, the offsets of the
 * value itself and of the whole member ({@code "Key": value}, or the value alone for an array
 * element), and its plain JSON-shaped form.
 */
final class JsonNode {

  /** The JSON type of a node. */
  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  private final Kind kind;
  private final JsonNode parent;
  private final String name;
  private final int memberStart;
  private final int start;
  private int end;
  private final Object plain;
  private final Map<String, JsonNode> fields;
  private final List<JsonNode> items;

  private JsonNode(
      Kind kind, JsonNode parent, String name, int memberStart, int start, Object plain) {
    this.kind = kind;
    this.parent = parent;
    this.name = name;
    this.memberStart = memberStart;
    this.start = start;
    this.plain = plain;
    this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : Map.of();
    this.items = kind == Kind.ARRAY ? new ArrayList<>() : List.of();
  }

  /**
   * An empty object or array; {@code name} is its key or index in {@code parent} (both null for the
   * root).
   */
  static JsonNode container(Kind kind, JsonNode parent, String name, int memberStart, int start) {
    Object plain = kind == Kind.OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
    return new JsonNode(kind, parent, name, memberStart, start, plain);
  }

  static JsonNode scalar(
      Kind kind, JsonNode parent, String name, int memberStart, int start, int end, Object value) {
    JsonNode n = new JsonNode(kind, parent, name, memberStart, start, value);
    n.end = end;
    return n;
  }

  /**
   * Adds a member to this object; returns the member it replaced (a duplicate key), if any.
   * Duplicates keep their first place in the order but take the last value, as Go's decoder does.
   */
  @SuppressWarnings("unchecked")
  JsonNode put(String key, JsonNode value) {
    ((Map<String, Object>) plain).put(key, value.plain);
    return fields.put(key, value);
  }

  @SuppressWarnings("unchecked")
  void add(JsonNode value) {
    ((List<Object>) plain).add(value.plain);
    items.add(value);
  }

  /**
   * Keeps the members of {@code earlier} (an object this one replaced under a duplicate key) that
   * this one lacks, recursively: Go's decoder fills the already-decoded struct or map again, so
   * {@code "HostConfig": {"Privileged": true}, "HostConfig": {}} still runs privileged.
   */
  void inherit(JsonNode earlier) {
    Deque<JsonNode[]> work = new ArrayDeque<>();
    work.push(new JsonNode[] {this, earlier});
    while (!work.isEmpty()) {
      JsonNode[] pair = work.pop();
      if (!pair[0].isObject() || !pair[1].isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : pair[1].fields.entrySet()) {
        JsonNode mine = pair[0].fields.get(e.getKey());
        if (mine == null) {
          pair[0].put(e.getKey(), e.getValue());
        } else {
          work.push(new JsonNode[] {mine, e.getValue()});
        }
      }
    }
  }

  void close(int endOffset) {
    this.end = endOffset;
  }

  Kind kind() {
    return kind;
  }

  boolean isObject() {
    return kind == Kind.OBJECT;
  }

  boolean isArray() {
    return kind == Kind.ARRAY;
  }

  boolean isNull() {
    return kind == Kind.NULL;
  }

  /**
   * The RFC 6901 pointer to this node, built on demand: storing one per node would cost memory
   * quadratic in the depth.
   */
  String pointer() {
    List<String> names = new ArrayList<>();
    for (JsonNode n = this; n.parent != null; n = n.parent) {
      names.add(n.name);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = names.size() - 1; i >= 0; i--) {
      sb.append('/').append(names.get(i).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  int memberStart() {
    return memberStart;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** The value as plain Java: Map, List, String, Long, BigInteger, Double, Boolean or null. */
  Object plain() {
    return plain;
  }

  /** The member named {@code key} (exact, case-sensitive), or null. */
  JsonNode get(String key) {
    return fields.get(key);
  }

  Map<String, JsonNode> fields() {
    return fields;
  }

  List<JsonNode> items() {
    return items;
  }

  @Override
  public String toString() {
    return kind + "@" + pointer();
  }
}
