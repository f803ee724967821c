package dev.keycard.remediation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies RFC 6902 {@code add}, {@code remove} and {@code replace} operations to a JSON-shaped tree
 * ({@code Map}/{@code List}/scalars) without changing the original, and compares such trees
 * regardless of how their numbers are typed.
 */
public final class JsonPatch {
  private JsonPatch() {}

  /**
   * The document with the operations applied in order.
   *
   * @throws IllegalArgumentException when a path does not exist where the operation needs it
   */
  public static Object apply(Object document, List<PatchOp> ops) {
    Object doc = copy(document);
    for (PatchOp op : ops) {
      doc = apply(doc, op);
    }
    return doc;
  }

  /**
   * Whether two JSON-shaped trees are equal, counting {@code 1}, {@code 1L} and {@code 1.0} same.
   */
  public static boolean same(Object a, Object b) {
    return normal(a).equals(normal(b));
  }

  private static Object apply(Object doc, PatchOp op) {
    List<String> tokens = tokens(op.path());
    if (tokens.isEmpty()) {
      if (op.op().equals("remove")) {
        throw new IllegalArgumentException("cannot remove the whole document");
      }
      return copy(op.value());
    }
    Object parent = doc;
    for (int i = 0; i < tokens.size() - 1; i++) {
      parent = child(parent, tokens.get(i), op.path());
    }
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      if (!op.op().equals("add") && !map.containsKey(last)) {
        throw new IllegalArgumentException("no member at " + op.path());
      }
      if (op.op().equals("remove")) {
        map.remove(last);
      } else {
        map.put(last, copy(op.value()));
      }
    } else if (parent instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      int idx = last.equals("-") ? list.size() : index(last, op.path());
      switch (op.op()) {
        case "add" -> {
          if (idx > list.size()) {
            throw new IllegalArgumentException("index out of range at " + op.path());
          }
          list.add(idx, copy(op.value()));
        }
        case "remove" -> list.remove(checked(idx, list, op.path()));
        default -> list.set(checked(idx, list, op.path()), copy(op.value()));
      }
    } else {
      throw new IllegalArgumentException("no container at " + op.path());
    }
    return doc;
  }

  private static int checked(int idx, List<?> list, String path) {
    if (idx >= list.size()) {
      throw new IllegalArgumentException("index out of range at " + path);
    }
    return idx;
  }

  private static Object child(Object parent, String token, String path) {
    Object c = null;
    if (parent instanceof Map<?, ?> m) {
      c = m.get(token);
    } else if (parent instanceof List<?> l) {
      int i = index(token, path);
      c = i < l.size() ? l.get(i) : null;
    }
    if (!(c instanceof Map) && !(c instanceof List)) {
      throw new IllegalArgumentException("no container at " + path);
    }
    return c;
  }

  private static int index(String token, String path) {
    int i = arrayIndex(token);
    if (i < 0) {
      throw new IllegalArgumentException("not an array index in " + path);
    }
    return i;
  }

  /**
   * The array index a reference token spells ({@code 0} or up to nine digits without a leading
   * zero), or -1.
   */
  public static int arrayIndex(String token) {
    int n = token.length();
    if (n == 0 || n > 9 || (token.charAt(0) == '0' && n > 1)) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The value at a JSON Pointer in a JSON-shaped tree, or null when the path leads nowhere. */
  public static Object at(Object document, String pointer) {
    Object at = document;
    for (String t : tokens(pointer)) {
      if (at instanceof Map<?, ?> m) {
        at = m.get(t);
      } else if (at instanceof List<?> l) {
        int i = arrayIndex(t);
        if (i < 0 || i >= l.size()) {
          return null;
        }
        at = l.get(i);
      } else {
        return null;
      }
    }
    return at;
  }

  /** The unescaped reference tokens of a JSON Pointer. */
  public static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer == null || pointer.isEmpty()) {
      return out;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Escapes one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A deep, mutable copy. */
  public static Object copy(Object v) {
    return copy(v, UnaryOperator.identity());
  }

  /** A deep, mutable copy with each leaf replaced by {@code leaf}'s answer for it. */
  private static Object copy(Object v, UnaryOperator<Object> leaf) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), copy(x, leaf)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copy(x, leaf)));
      return out;
    }
    return leaf.apply(v);
  }

  /** {@code v} with every number as its exact value, so that 1, 1.0 and 1L are equal. */
  private static Object normal(Object v) {
    return copy(v, JsonPatch::normalNumber);
  }

  private static Object normalNumber(Object v) {
    if (v instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).stripTrailingZeros();
      } catch (NumberFormatException e) {
        return n.toString();
      }
    }
    return v;
  }

  /** Writes a JSON-shaped tree as compact JSON text. */
  public static String write(Object v) {
    return write(v, false);
  }

  /** Writes JSON text, with a space after each {@code :} and {@code ,} when {@code spaced}. */
  public static String write(Object v, boolean spaced) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, spaced);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb, boolean spaced) {
    String comma = spaced ? ", " : ",";
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(comma);
        }
        first = false;
        string(String.valueOf(e.getKey()), sb);
        sb.append(spaced ? ": " : ":");
        write(e.getValue(), sb, spaced);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(comma);
        }
        write(l.get(i), sb, spaced);
      }
      sb.append(']');
    } else if (v instanceof String s) {
      string(s, sb);
    } else if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      sb.append(d.longValue());
    } else {
      sb.append(v);
    }
  }

  /** Appends {@code s} as a JSON string literal. */
  public static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
