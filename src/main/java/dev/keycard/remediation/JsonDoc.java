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

    /** Built once the object is complete (it is only read after parsing). */
    private java.util.Map<String, Integer> index;
  }

  /** Objects with more members than this are looked up through a hash index. */
  private static final int INDEXED = 16;

  /**
   * The last text parsed on this thread and its tree or the reason it has none: one request
   * renders many fixes of one document.
   */
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  /** {@link #parse(String)}, reusing this thread's previous result for the very same text. */
  public static JsonDoc cached(String text) {
    Object[] last = LAST.get();
    if (last == null || last[0] != text) {
      Object result;
      try {
        result = parse(text);
      } catch (CannotRender e) {
        result = e;
      }
      last = new Object[] {text, result};
      LAST.set(last);
    }
    if (last[1] instanceof CannotRender e) {
      throw e;
    }
    return (JsonDoc) last[1];
  }

  final String text;
  final Node root;
  private int i;

  private JsonDoc(String text) {
    this.text = text;
    skip();
    this.root = value(i);
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
