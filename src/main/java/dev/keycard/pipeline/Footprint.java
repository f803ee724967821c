package dev.keycard.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates the heap an object graph holds, for the answer cache's weigher: every string by its
 * length (two bytes a character, whatever the JVM stores), every collection, map, array, record and
 * Keycard object by its elements and fields, Jackson trees by their nodes, SnakeYAML node trees
 * with their marks; an object reached twice counts once. Types shared by every answer (a loaded
 * rule set) are not counted; other libraries' objects count a fixed size and are not entered.
 *
 * <p>The walk stops as soon as the estimate passes the given cap, so that weighing a huge graph
 * costs no more than weighing one of the cap's size.
 */
final class Footprint {
  private static final int HEADER = 16;
  private static final int REF = 4;
  private static final int OPAQUE = 32;

  private static final ClassValue<Field[]> FIELDS =
      new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
          List<Field> out = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              if (!Modifier.isStatic(f.getModifiers())
                  && !f.getType().isPrimitive()
                  && f.trySetAccessible()) {
                out.add(f);
              }
            }
          }
          return out.toArray(new Field[0]);
        }
      };

  private final Set<Class<?>> shared;
  private final long cap;
  private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
  private final ArrayDeque<Object> todo = new ArrayDeque<>();
  private long bytes;

  private Footprint(Set<Class<?>> shared, long cap) {
    this.shared = shared;
    this.cap = cap;
  }

  /**
   * The estimated bytes held by {@code roots} together, or a number over {@code cap} as soon as it
   * is passed; instances of {@code shared} types are not counted.
   */
  static long of(long cap, Set<Class<?>> shared, Object... roots) {
    Footprint f = new Footprint(shared, cap);
    for (Object r : roots) {
      f.push(r);
    }
    return f.walk();
  }

  private void push(Object o) {
    if (o != null && !seen.containsKey(o)) {
      seen.put(o, Boolean.TRUE);
      todo.push(o);
    }
  }

  private long walk() {
    while (!todo.isEmpty() && bytes <= cap) {
      visit(todo.pop());
    }
    return bytes;
  }

  private void visit(Object o) {
    if (o instanceof String s) {
      bytes += HEADER + 24 + 2L * s.length();
    } else if (o instanceof JsonNode n) {
      node(n);
    } else if (o instanceof Collection<?> c) {
      bytes += HEADER + 16 + (long) REF * c.size();
      c.forEach(this::push);
    } else if (o instanceof Map<?, ?> m) {
      bytes += HEADER + 32 + 36L * m.size();
      m.forEach(
          (k, v) -> {
            push(k);
            push(v);
          });
    } else if (o instanceof Optional<?> opt) {
      bytes += HEADER;
      opt.ifPresent(this::push);
    } else if (o.getClass().isArray()) {
      array(o);
    } else if (o instanceof Enum<?> || shared.contains(o.getClass())) {
      // one instance for every answer
    } else if (o instanceof Number || o instanceof Boolean || o instanceof Character) {
      bytes += HEADER + 8;
    } else if (o instanceof TemporalAccessor) {
      bytes += HEADER + 16;
    } else if (o.getClass().isRecord() || walked(o.getClass().getName())) {
      fields(o);
    } else {
      bytes += OPAQUE;
    }
  }

  /**
   * Keycard's own objects, and the SnakeYAML trees a parse keeps for its fix renderers ({@code
   * ParsedInput.syntax}): a node and its two marks (each holding the reader's code point buffer)
   * are several times the text they were composed from, and a cached answer holds them once its
   * fixes are proven.
   */
  private static boolean walked(String type) {
    return type.startsWith("dev.keycard.")
        || type.startsWith("org.snakeyaml.engine.v2.nodes.")
        || type.equals("org.snakeyaml.engine.v2.exceptions.Mark");
  }

  private void node(JsonNode n) {
    if (n.isTextual()) {
      bytes += HEADER + REF;
      push(n.textValue());
    } else if (n.isObject()) {
      bytes += HEADER + 48 + 36L * n.size();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        push(e.getKey());
        push(e.getValue());
      }
    } else if (n.isArray()) {
      bytes += HEADER + 32 + (long) REF * n.size();
      n.forEach(this::push);
    } else {
      bytes += HEADER + 16;
    }
  }

  private void array(Object a) {
    if (a instanceof Object[] objects) {
      bytes += HEADER + (long) REF * objects.length;
      for (Object e : objects) {
        push(e);
      }
      return;
    }
    int length = java.lang.reflect.Array.getLength(a);
    Class<?> t = a.getClass().getComponentType();
    int width = t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
        : t == short.class || t == char.class ? 2 : 1;
    bytes += HEADER + (long) width * length;
  }

  private void fields(Object o) {
    Field[] fields = FIELDS.get(o.getClass());
    bytes += HEADER + 8L + (long) REF * fields.length;
    for (Field f : fields) {
      try {
        push(f.get(o));
      } catch (IllegalAccessException | RuntimeException e) {
        bytes += OPAQUE; // not readable here: count it as something
      }
    }
  }
}
