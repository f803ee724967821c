package dev.keycard.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A frozen record as rules see it: an unmodifiable map from its property names, in declaration
 * order, to their frozen values. The values sit in one array; the names and their index are the
 * {@link Shape} shared by every record of the class, so a frozen container costs one array rather
 * than a hash map entry per field (a container has some sixty, most of them absent).
 */
final class FrozenRecord extends AbstractMap<String, Object> {
  /** The property names of one record class, in order, and each name's index. */
  static final class Shape {
    private final String[] names;
    private final Map<String, Integer> index;

    Shape(String[] names) {
      this.names = names.clone();
      this.index = new HashMap<>(names.length * 2);
      for (int i = 0; i < names.length; i++) {
        index.put(names[i], i);
      }
    }

    int size() {
      return names.length;
    }
  }

  private final Shape shape;
  private final Object[] values;

  /** The record of {@code values}, one per name of {@code shape}; the caller hands them over. */
  FrozenRecord(Shape shape, Object[] values) {
    if (values.length != shape.names.length) {
      throw new IllegalArgumentException(
          values.length + " values for " + shape.names.length + " properties");
    }
    this.shape = shape;
    this.values = values;
  }

  @Override
  public Object get(Object key) {
    Integer i = shape.index.get(key);
    return i == null ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return shape.index.containsKey(key);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new Entries();
  }

  /** The entries in property order, read-only (the iterator's {@code remove} is unsupported). */
  private final class Entries extends AbstractSet<Map.Entry<String, Object>> {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Iterator<Map.Entry<String, Object>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < values.length;
        }

        @Override
        public Map.Entry<String, Object> next() {
          if (next >= values.length) {
            throw new NoSuchElementException();
          }
          int i = next++;
          return new AbstractMap.SimpleImmutableEntry<>(shape.names[i], values[i]);
        }
      };
    }
  }
}
