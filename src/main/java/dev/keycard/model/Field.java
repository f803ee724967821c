package dev.keycard.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One field of {@link Container} as rules, {@code /v1/parse} and fixes name it: the record
 * component's snake_case name (as Jackson's SNAKE_CASE strategy writes it: {@code capAdd} is {@code
 * cap_add}), its declared Java type and, for a list, its element type. The catalogue is derived
 * from the record's components once, in declaration order, so a new component is a new field.
 *
 * <p>{@link #all()} is every field a rule can read: each component but the positions ({@code
 * origin}, {@code locations}). {@link #settings()} leaves out what no input format reads either
 * ({@code format}, which the pipeline marks, and {@code unknown}, the paths only the client knows):
 * those are the fields every format says where it reads from.
 */
public record Field(String name, String component, Type javaType, Class<?> rawType, Class<?> elementType) {

  /** Components that are positions, not rule data. */
  private static final Set<String> POSITIONS = Set.of("origin", "locations");

  /** Components that are about the container's reading, not settings any format writes. */
  private static final Set<String> META = Set.of("format", "unknown");

  private static final List<Field> ALL;
  private static final Map<String, Field> BY_NAME;

  static {
    List<Field> all = new ArrayList<>();
    Map<String, Field> byName = new LinkedHashMap<>();
    for (RecordComponent c : Container.class.getRecordComponents()) {
      if (POSITIONS.contains(c.getName())) {
        continue;
      }
      Type t = c.getGenericType();
      Class<?> element = null;
      if (t instanceof ParameterizedType p
          && p.getRawType() == List.class
          && p.getActualTypeArguments()[0] instanceof Class<?> e) {
        element = e;
      }
      Field f = new Field(snake(c.getName()), c.getName(), t, c.getType(), element);
      all.add(f);
      byName.put(f.name(), f);
    }
    ALL = List.copyOf(all);
    BY_NAME = Collections.unmodifiableMap(byName);
  }

  /** Every field a rule can read, in {@link Container}'s order. */
  public static List<Field> all() {
    return ALL;
  }

  /** Every field an input format can set: {@link #all()} without {@code format} and {@code unknown}. */
  public static List<Field> settings() {
    return ALL.stream().filter(f -> !META.contains(f.name())).toList();
  }

  /** The field named {@code name} (snake_case), or empty. */
  public static Optional<Field> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The field named {@code name} (snake_case).
   *
   * @throws IllegalArgumentException when {@link Container} has no such field
   */
  public static Field named(String name) {
    Field f = BY_NAME.get(name);
    if (f == null) {
      throw new IllegalArgumentException("Container has no field " + name);
    }
    return f;
  }

  /** Whether the field is a list ({@link #elementType()} is then its element type). */
  public boolean isList() {
    return rawType == List.class;
  }

  /**
   * The field this one is derived from by the parsers ({@code seccomp} from {@code security_opt},
   * {@code uid} from {@code user}), or empty: {@link Container#DERIVED_FROM}.
   */
  public Optional<Field> derivedFrom() {
    String from = Container.DERIVED_FROM.get(name);
    return from == null ? Optional.empty() : Optional.of(named(from));
  }

  /** The type as the docs write it: {@code string}, {@code list of Mount}, {@code integer}, ... */
  public String typeName() {
    if (isList()) {
      return "list of " + simple(elementType);
    }
    return simple(rawType);
  }

  private static String simple(Class<?> c) {
    if (c == null) {
      return "?";
    }
    if (c == String.class) {
      return "string";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
      return "integer";
    }
    if (c == double.class || c == Double.class) {
      return "number";
    }
    return c.getSimpleName();
  }

  /** {@code capAdd} → {@code cap_add}, as Jackson's SNAKE_CASE strategy names it. */
  public static String snake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
