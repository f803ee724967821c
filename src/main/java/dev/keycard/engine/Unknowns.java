package dev.keycard.engine;

import dev.keycard.model.Container;
import java.util.ArrayList;
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

  private Unknowns(List<Unknown> all) {
    this.all = all;
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
   * known.
   */
  Unknown first(Set<String> reads, int index, Object item) {
    if (all.isEmpty()) {
      return null;
    }
    for (Unknown u : all) {
      for (String r : reads) {
        if (matches(r, u, index, item)) {
          return u;
        }
      }
    }
    return null;
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
