package dev.keycard.remediation;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON text as nodes with UTF-16 offsets: each value knows where it starts and ends, and where
 * its member starts ({@code "Key": value}; the value itself for an array element), so that edits
 * can remove, replace or add one member and leave every other byte alone.
 */
public final class JsonDoc {
  /** One value; {@code keys} and {@code children} are filled for objects and arrays. */
  public static final class Node {
    final char kind;
    final int memberStart;
    final int start;
    int end;
    final List<String> keys = new ArrayList<>();
    final List<Node> children = new ArrayList<>();

    Node(char kind, int memberStart, int start) {
      this.kind = kind;
      this.memberStart = memberStart;
      this.start = start;
    }

    /** Adds a member to this object, in written order. */
    public void addMember(String key, Node value) {
      if (kind != '{') {
        throw new IllegalStateException("not an object");
      }
      keys.add(key);
      children.add(value);
      index = null;
    }

    /** Adds an element to this array, in written order. */
    public void addElement(Node value) {
      if (kind != '[') {
        throw new IllegalStateException("not an array");
      }
      children.add(value);
    }

    public boolean isObject() {
      return kind == '{';
    }

    boolean isArray() {
      return kind == '[';
    }

    Node get(String key) {
      int i = indexOf(key);
      return i < 0 ? null : children.get(i);
    }

    /** The index of the first member named {@code key}, or -1; a large object is indexed once. */
    public int indexOf(String key) {
      if (keys.size() <= INDEXED) {
        return keys.indexOf(key);
      }
      if (index == null) {
        index = new java.util.HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
          index.putIfAbsent(keys.get(k), k);
        }
      }
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }

    /** The node's kind, offsets, keys and children, for tests and debugging. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      sb.append(kind).append('@').append(memberStart).append('/').append(start).append('-').append(end);
      if (!children.isEmpty()) {
        sb.append('(');
        for (int k = 0; k < children.size(); k++) {
          sb.append(k == 0 ? "" : ",").append(kind == '{' ? keys.get(k) + "=" : "");
          sb.append(children.get(k));
        }
        sb.append(')');
      }
      return sb.toString();
    }

    /** Built once the object is complete (it is only read after parsing). */
    private java.util.Map<String, Integer> index;
  }

  /** Objects with more members than this are looked up through a hash index. */
  private static final int INDEXED = 16;

  final String text;
  final Node root;
  private int i;

  private JsonDoc(String text) {
    this.text = text;
    skip();
    this.root = value(i);
  }

  private JsonDoc(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * The document of {@code root}, a tree of {@code text} built with {@link #object}, {@link #array}
   * and {@link #scalar} by a format's own JSON reader, as {@link #parse} would build it: offsets are
   * UTF-16 offsets into {@code text}.
   */
  public static JsonDoc of(String text, Node root) {
    return new JsonDoc(text, root);
  }

  /** An object written from {@code start} to {@code end}, its member from {@code memberStart}. */
  public static Node object(int memberStart, int start, int end) {
    return closed(new Node('{', memberStart, start), end);
  }

  /** An array written from {@code start} to {@code end}, its member from {@code memberStart}. */
  public static Node array(int memberStart, int start, int end) {
    return closed(new Node('[', memberStart, start), end);
  }

  /** A string, number, boolean or null written from {@code start} to {@code end}. */
  public static Node scalar(int memberStart, int start, int end) {
    return closed(new Node('s', memberStart, start), end);
  }

  private static Node closed(Node n, int end) {
    n.end = end;
    return n;
  }

  /** The tree of a JSON text; throws {@link CannotRender} when it is not plain JSON. */
  public static JsonDoc parse(String text) {
    return new JsonDoc(text);
  }

  /** The node at a JSON Pointer, or null. */
  public Node at(String pointer) {
    Node n = root;
    for (String t : JsonPatch.tokens(pointer)) {
      if (n == null) {
        return null;
      }
      if (n.isObject()) {
        n = n.get(t);
      } else if (n.isArray() && JsonPatch.arrayIndex(t) >= 0) {
        int k = JsonPatch.arrayIndex(t);
        n = k < n.children.size() ? n.children.get(k) : null;
      } else {
        return null;
      }
    }
    return n;
  }

  private Node value(int memberStart) {
    if (i >= text.length()) {
      throw new CannotRender("JSON ends early");
    }
    char c = text.charAt(i);
    Node n = new Node(c == '{' || c == '[' ? c : 's', memberStart, i);
    if (c == '{' || c == '[') {
      i++;
      skip();
      char close = c == '{' ? '}' : ']';
      while (i < text.length() && text.charAt(i) != close) {
        int ms = i;
        if (c == '{') {
          n.keys.add(string());
          skip();
          expect(':');
          skip();
        }
        n.children.add(value(ms));
        skip();
        if (i < text.length() && text.charAt(i) == ',') {
          i++;
          skip();
        }
      }
      expect(close);
    } else if (c == '"') {
      string();
    } else {
      while (i < text.length() && ",}] \t\r\n".indexOf(text.charAt(i)) < 0) {
        i++;
      }
    }
    n.end = i;
    return n;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (i < text.length() && text.charAt(i) != '"') {
      char c = text.charAt(i++);
      if (c == '\\' && i < text.length()) {
        char e = text.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append(
                (char) Integer.parseInt(text.substring(i, Math.min(i + 4, text.length())), 16));
            i += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    expect('"');
    return sb.toString();
  }

  private void expect(char c) {
    if (i >= text.length() || text.charAt(i) != c) {
      throw new CannotRender("not plain JSON at offset " + i);
    }
    i++;
  }

  private void skip() {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
  }
}
