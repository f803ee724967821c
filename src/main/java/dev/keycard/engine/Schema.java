package dev.keycard.engine;

import dev.keycard.model.Container;
import dev.keycard.model.EditDistance;
import dev.keycard.model.Field;
import java.lang.reflect.ParameterizedType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field catalogue rules are checked against: the container's fields as the model's catalogue
 * ({@link Field}) lists them, and every record they hold, each field under the snake_case name
 * {@link FrozenModel} gives it, with its type. Derived from the model's records by reflection (the
 * nested records from the same property list freezing uses), so a new model field is known to the
 * checker as soon as it exists.
 */
final class Schema {
  /**
   * What {@code c} is: the model's field catalogue ({@link Field#all()}; positions, {@code origin}
   * and {@code locations}, are not rule data).
   */
  static final Type CONTAINER = container();

  private Schema() {}

  private static Type container() {
    Map<String, Type> fields = new LinkedHashMap<>();
    for (Field f : Field.all()) {
      fields.put(f.name(), typeOf(f.javaType()));
    }
    return Type.record(RecordTree.snake(decapitalise(Container.class.getSimpleName())), fields);
  }

  private static Type record(Class<?> type, Set<String> skip) {
    Map<String, Type> fields = new LinkedHashMap<>();
    RecordTree.propertyTypes(type)
        .forEach(
            (name, t) -> {
              if (!skip.contains(name)) {
                fields.put(name, typeOf(t));
              }
            });
    return Type.record(RecordTree.snake(decapitalise(type.getSimpleName())), fields);
  }

  private static String decapitalise(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static Type typeOf(java.lang.reflect.Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return Type.list(typeOf(p.getActualTypeArguments()[0]));
    }
    if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return Type.map(typeOf(p.getActualTypeArguments()[1]));
    }
    if (t instanceof Class<?> c) {
      if (c == String.class) {
        return Type.STRING;
      }
      if (c == boolean.class || c == Boolean.class) {
        return Type.BOOL;
      }
      if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
        return Type.INT;
      }
      if (c == double.class || c == Double.class) {
        return Type.DOUBLE;
      }
      if (c.isRecord()) {
        return record(c, Set.of());
      }
    }
    throw new IllegalStateException("a model field of type " + t + " has no rule type");
  }

  /** The closest known field name, for "did you mean" hints; null when none is close. */
  static String closest(Type record, String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String f : record.fields().keySet()) {
      int d = EditDistance.of(f, name);
      if (d < bestDistance) {
        bestDistance = d;
        best = f;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }
}
