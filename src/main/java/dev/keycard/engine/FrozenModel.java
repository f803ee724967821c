package dev.keycard.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keycard.model.Container;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer 5: the only input rules see — an unmodifiable tree of Map, List, String, Integer/Long,
 * Double, BigDecimal, Boolean and null, with the container's fields under their snake_case names.
 * Every field is present (absent values as null keys, so {@code c.user == null} needs no {@code
 * .?}); positions ({@code origin}, {@code locations}) are not rule data and are left out.
 */
public final class FrozenModel {
  /** Nesting and node caps for {@link #freeze(Object)}: a frozen tree stays small. */
  public static final int MAX_DEPTH = 16;

  public static final int MAX_NODES = 50_000;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** The container's position fields, which are not rule data. */
  private static final Set<String> POSITIONS = Set.of("origin", "locations");

  private FrozenModel() {}

  /**
   * The container as rules see it: the same names and values Jackson's snake_case view of the
   * record gives ({@link #viaJackson(Container)}, kept to prove it), read directly from the record
   * components, which is several times cheaper on the request path.
   */
  public static Map<String, Object> freeze(Container container) {
    return RecordTree.freeze(container, POSITIONS);
  }

  /** The reference conversion through Jackson; {@link #freeze(Container)} must equal it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> viaJackson(Container container) {
    LinkedHashMap<String, Object> raw = MAPPER.convertValue(container, MAP);
    raw.remove("origin");
    raw.remove("locations");
    return (Map<String, Object>) freeze(raw);
  }

  /**
   * A deep unmodifiable copy of JSON-like data (maps with string keys, lists, strings, numbers,
   * booleans, null), integral numbers as Integer when they fit else Long, floating ones as Double.
   *
   * @throws IllegalArgumentException for any other type, or beyond {@link #MAX_DEPTH}/{@link
   *     #MAX_NODES}
   */
  public static Object freeze(Object jsonLike) {
    return freeze(jsonLike, 0, new int[1]);
  }

  private static Object freeze(Object v, int depth, int[] nodes) {
    if (++nodes[0] > MAX_NODES) {
      throw new IllegalArgumentException("input has more than " + MAX_NODES + " values");
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("input nested deeper than " + MAX_DEPTH);
    }
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return number(n);
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("map keys must be strings: " + e.getKey());
        }
        out.put(key, freeze(e.getValue(), depth + 1, nodes));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(freeze(o, depth + 1, nodes));
      }
      return new FrozenList(out);
    }
    throw new IllegalArgumentException("not JSON-like data: " + v.getClass().getName());
  }

  /** Integer where it fits, else Long; so {@code contains 22} matches a Long 22 from a model. */
  static Object number(Number n) {
    if (n instanceof Long l) { // the model's integral type: tested first
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue() : (Object) l;
    }
    if (n instanceof Integer) {
      return n;
    }
    if (n instanceof Short || n instanceof Byte) {
      return n.intValue();
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? number(b.longValue()) : new BigDecimal(b);
    }
    if (n instanceof Float || n instanceof Double) {
      return n.doubleValue();
    }
    if (n instanceof BigDecimal d) {
      return d;
    }
    throw new IllegalArgumentException("unsupported number type: " + n.getClass().getName());
  }
}
