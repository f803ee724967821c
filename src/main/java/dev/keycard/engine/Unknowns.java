package dev.keycard.engine;

import dev.keycard.model.Container;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's unknown values ({@link Container#unknown()}: an unresolved variable, a
 * placeholder, {@code -e NAME} from the client's environment), read once into field, element and
 * part, and matched against what a rule reads ({@link Reads}): a rule is undecided only when a value
 * it reads is unknown.
 */
final class Unknowns {
  /**
   * One unknown value: the field, the element (by position, or by name for {@code environment.X}),
   * and the part of it; -1, null and null for "the whole".
   */
  record Unknown(String path, String field, int index, String name, String part) {
    boolean whole() {
      return index < 0 && name == null && part == null;
    }
  }

  private final List<Unknown> all;

  /**
   * The positions in {@link #all} of each field's unknown values, and of those about one element
   * (by position or by name): a for_each rule asks once per element, and scanning every unknown
   * value for each of 9,000 variables of a {@code docker run} with 9,000 {@code -e NAME} flags was
   * 81 million matches.
   */
  private final Map<String, List<Integer>> byField = new HashMap<>();

  private final Map<String, List<Integer>> byElement = new HashMap<>();

  /** What a read outside the element finds (it does not depend on the element): asked once. */
  private final Map<String, Integer> containerReads = new HashMap<>();

  private static final int NONE = -1;

  /** The key of a field's whole-value unknowns in {@link #byElement}. */
  private static final String WHOLE = " ";

  private Unknowns(List<Unknown> all) {
    this.all = all;
    for (int i = 0; i < all.size(); i++) {
      Unknown u = all.get(i);
      byField.computeIfAbsent(u.field(), k -> new ArrayList<>()).add(i);
      if (u.whole()) {
        byElement.computeIfAbsent(u.field() + WHOLE, k -> new ArrayList<>()).add(i);
      } else if (u.index() >= 0) {
        byElement.computeIfAbsent(u.field() + "[" + u.index(), k -> new ArrayList<>()).add(i);
      } else if (u.name() != null) {
        byElement.computeIfAbsent(u.field() + "." + u.name(), k -> new ArrayList<>()).add(i);
      }
    }
  }

  static Unknowns of(Container c) {
    List<Unknown> out = new ArrayList<>();
    for (String u : c.unknown()) {
      out.add(parse(u));
    }
    return new Unknowns(out);
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  /** {@code mounts[0].source}, {@code environment.TOKEN}, {@code privileged}, {@code ports}. */
  static Unknown parse(String path) {
    int dot = path.indexOf('.');
    int bracket = path.indexOf('[');
    if (bracket > 0 && (dot < 0 || bracket < dot)) {
      String field = path.substring(0, bracket);
      int close = path.indexOf(']', bracket);
      int index = -1;
      try {
        index = Integer.parseInt(path.substring(bracket + 1, close));
      } catch (RuntimeException e) {
        return new Unknown(path, field, -1, null, null);
      }
      String rest = close + 1 < path.length() && path.charAt(close + 1) == '.'
          ? path.substring(close + 2)
          : null;
      return new Unknown(path, field, index, null, rest == null ? null : firstPart(rest));
    }
    if (dot > 0) {
      String field = path.substring(0, dot);
      String rest = path.substring(dot + 1);
      Type t = Schema.CONTAINER.fields().get(field);
      if (t != null && t.is(Type.Kind.LIST)) {
        // a list of named elements: environment.NAME is that variable's value
        return new Unknown(path, field, -1, rest, "value");
      }
      return new Unknown(path, field, -1, null, firstPart(rest));
    }
    return new Unknown(path, path, -1, null, null);
  }

  private static String firstPart(String rest) {
    int end = 0;
    while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
      end++;
    }
    return rest.substring(0, end);
  }

  /**
   * The first unknown value among {@code reads}, for a for_each rule's element {@code index}
   * ({@code item}) or for a whole-container rule ({@code index} -1); null when every value read is
   * known. "First" is in the container's order of unknown values, as a scan of them all would find.
   */
  Unknown first(Set<String> reads, int index, Object item) {
    if (all.isEmpty()) {
      return null;
    }
    int first = NONE;
    for (String r : reads) {
      int found = r.startsWith(Reads.ITEM) ? firstOfItem(r, index, item) : firstOfContainer(r);
      if (found != NONE && (first == NONE || found < first)) {
        first = found;
      }
    }
    return first == NONE ? null : all.get(first);
  }

  /** The first unknown value a read outside the element finds, remembered per read. */
  private int firstOfContainer(String read) {
    Integer known = containerReads.get(read);
    if (known == null) {
      known = scan(candidates(read), read, -1, null);
      containerReads.put(read, known);
    }
    return known;
  }

  /**
   * The first unknown value a read of the element finds: among the field's whole unknown values and
   * those of this element (by position or name), unless the field is derived from another.
   */
  private int firstOfItem(String read, int index, Object item) {
    String field = field(read.substring(Reads.ITEM.length()));
    if (index < 0 || field.equals(Reads.ANY) || Container.DERIVED_FROM.containsKey(field)) {
      return scan(candidates(read), read, index, item);
    }
    int first = scan(byElement.getOrDefault(field + WHOLE, List.of()), read, index, item);
    int at = scan(byElement.getOrDefault(field + "[" + index, List.of()), read, index, item);
    first = first == NONE || (at != NONE && at < first) ? at : first;
    if (item instanceof Map<?, ?> m && m.get("name") instanceof String name) {
      int named = scan(byElement.getOrDefault(field + "." + name, List.of()), read, index, item);
      first = first == NONE || (named != NONE && named < first) ? named : first;
    }
    return first;
  }

  /** The unknown values a read can match at all: every one for {@code *}, else its field's. */
  private List<Integer> candidates(String read) {
    String r = read.startsWith(Reads.ITEM) ? read.substring(Reads.ITEM.length()) : read;
    String field = field(r);
    if (field.equals(Reads.ANY)) {
      return all.isEmpty() ? List.of() : List.of(0);
    }
    String source = Container.DERIVED_FROM.get(field);
    List<Integer> own = byField.getOrDefault(field, List.of());
    if (source == null) {
      return own;
    }
    List<Integer> both = new ArrayList<>(own);
    both.addAll(byField.getOrDefault(source, List.of()));
    both.sort(null);
    return both;
  }

  /** The first of {@code positions} (ascending) whose unknown value {@code read} matches. */
  private int scan(List<Integer> positions, String read, int index, Object item) {
    for (int i : positions) {
      if (matches(read, all.get(i), index, item)) {
        return i;
      }
    }
    return NONE;
  }

  private static String field(String read) {
    return read.substring(0, read.indexOf('.'));
  }

  private static boolean matches(String read, Unknown u, int index, Object item) {
    boolean ofItem = read.startsWith(Reads.ITEM);
    String r = ofItem ? read.substring(Reads.ITEM.length()) : read;
    int dot = r.indexOf('.');
    String field = r.substring(0, dot);
    String part = r.substring(dot + 1);
    if (field.equals(Reads.ANY)) {
      return true;
    }
    String source = Container.DERIVED_FROM.get(field);
    if (source != null && source.equals(u.field())) {
      return true; // a setting derived from a list with an unknown value is unknown itself
    }
    if (!field.equals(u.field())) {
      return false;
    }
    if (u.whole()) {
      return true;
    }
    if (ofItem) {
      boolean same =
          u.index() == index
              || (u.name() != null && item instanceof Map<?, ?> m && u.name().equals(m.get("name")));
      if (!same) {
        return false;
      }
    } else if (part.equals(Reads.LIST)) {
      return false; // a list's length is known when only its elements' values are not
    }
    return part.equals(Reads.ANY) || u.part() == null || u.part().equals(part);
  }
}
