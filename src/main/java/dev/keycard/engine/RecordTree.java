package dev.keycard.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the model's records into frozen maps directly: each record component under its snake_case
 * name, plus the boolean {@code isX()} properties Jackson would also write ({@code Mount.isBind()}
 * gives {@code bind}). Accessors are looked up once per record class.
 */
final class RecordTree {
  /**
   * A property and its getter, also as a method handle typed {@code (Object)Object}: invoking that
   * skips reflection's per-call access check and argument array.
   */
  private record Property(String name, Method getter, MethodHandle handle) {
    Property(String name, Method getter) {
      this(name, getter, handle(getter));
    }

    private static MethodHandle handle(Method getter) {
      try {
        return MethodHandles.publicLookup()
            .unreflect(getter)
            .asType(MethodType.methodType(Object.class, Object.class));
      } catch (IllegalAccessException e) {
        return null; // not public: read it reflectively
      }
    }
  }

  private static final ClassValue<Property[]> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
          return properties(type).toArray(new Property[0]);
        }
      };

  private RecordTree() {}

  /** The properties a frozen record holds, and the shape of the map they make. */
  private record Layout(Property[] props, FrozenRecord.Shape shape) {
    static Layout of(Property[] props) {
      String[] names = new String[props.length];
      for (int i = 0; i < props.length; i++) {
        names[i] = props[i].name();
      }
      return new Layout(props, new FrozenRecord.Shape(names));
    }
  }

  private static final ClassValue<Layout> LAYOUT =
      new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
          return Layout.of(PROPERTIES.get(type));
        }
      };

  /** Per record class, its layout without the names of each skip set asked for. */
  private static final ClassValue<Map<Set<String>, Layout>> WITHOUT =
      new ClassValue<>() {
        @Override
        protected Map<Set<String>, Layout> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /**
   * The record as an unmodifiable map, leaving out the top-level names in {@code skip}: one array
   * of values per record, its names shared by every record of the class ({@link FrozenRecord}).
   */
  static Map<String, Object> freeze(Record record, Set<String> skip) {
    Class<?> type = record.getClass();
    Layout layout =
        skip.isEmpty()
            ? LAYOUT.get(type)
            : WITHOUT
                .get(type)
                .computeIfAbsent(
                    skip,
                    k ->
                        Layout.of(
                            Arrays.stream(PROPERTIES.get(type))
                                .filter(p -> !k.contains(p.name()))
                                .toArray(Property[]::new)));
    Property[] props = layout.props();
    Object[] values = new Object[props.length];
    for (int i = 0; i < props.length; i++) {
      values[i] = value(get(props[i], record));
    }
    return new FrozenRecord(layout.shape(), values);
  }

  private static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return FrozenModel.number(n);
    }
    if (v instanceof Record r) {
      return freeze(r, Set.of());
    }
    if (v instanceof List<?> list) {
      return FrozenList.of(list, RecordTree::value);
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(String.valueOf(k), value(x)));
      return Collections.unmodifiableMap(out);
    }
    throw new IllegalArgumentException("not model data: " + v.getClass().getName());
  }

  private static Object get(Property p, Object target) {
    if (p.handle() != null) {
      try {
        return p.handle().invokeExact(target);
      } catch (RuntimeException | Error e) {
        throw new IllegalStateException(
            "cannot read " + p.name(), new InvocationTargetException(e));
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + p.name(), e);
      }
    }
    try {
      return p.getter().invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + p.name(), e);
    }
  }

  /**
   * Each property a frozen record of {@code type} holds, under its snake_case name, with its
   * declared (generic) type: what the rule checker's field catalogue is derived from, so the two
   * cannot disagree.
   */
  static Map<String, java.lang.reflect.Type> propertyTypes(Class<?> type) {
    Map<String, java.lang.reflect.Type> out = new LinkedHashMap<>();
    for (Property p : PROPERTIES.get(type)) {
      out.put(p.name(), p.getter().getGenericReturnType());
    }
    return out;
  }

  private static List<Property> properties(Class<?> type) {
    List<Property> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      out.add(new Property(snake(c.getName()), c.getAccessor()));
    }
    for (Method m : type.getMethods()) {
      String n = m.getName();
      if (!Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0
          && n.length() > 2
          && n.startsWith("is")
          && Character.isUpperCase(n.charAt(2))
          && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
        String name = snake(Character.toLowerCase(n.charAt(2)) + n.substring(3));
        if (out.stream().noneMatch(p -> p.name().equals(name))) {
          out.add(new Property(name, m));
        }
      }
    }
    return List.copyOf(out);
  }

  /** {@code capAdd} → {@code cap_add}, as Jackson's SNAKE_CASE strategy names it. */
  static String snake(String camel) {
    return dev.keycard.model.Field.snake(camel);
  }
}
