package dev.keycard.engine;

import java.util.Map;
import java.util.Objects;

/**
 * The checker's types: what a rule expression's value can be. Booleans, integers (Integer or Long
 * at run time), decimals, strings, null, lists of one element type, maps from string keys
 * (literal maps only), the model's records (a container, a mount, ...) with their known fields, and
 * {@code dyn} where a value's type is only known at run time. Every model value may also be null.
 */
record Type(Type.Kind kind, Type elem, String recordName, Map<String, Type> fields) {

  /** The kinds of value. */
  enum Kind {
    BOOL,
    INT,
    DOUBLE,
    STRING,
    NULL,
    LIST,
    MAP,
    RECORD,
    DYN
  }

  static final Type BOOL = new Type(Kind.BOOL, null, null, null);
  static final Type INT = new Type(Kind.INT, null, null, null);
  static final Type DOUBLE = new Type(Kind.DOUBLE, null, null, null);
  static final Type STRING = new Type(Kind.STRING, null, null, null);
  static final Type NULL = new Type(Kind.NULL, null, null, null);
  static final Type DYN = new Type(Kind.DYN, null, null, null);

  static Type list(Type elem) {
    return new Type(Kind.LIST, Objects.requireNonNull(elem), null, null);
  }

  static Type map(Type value) {
    return new Type(Kind.MAP, Objects.requireNonNull(value), null, null);
  }

  static Type record(String name, Map<String, Type> fields) {
    return new Type(Kind.RECORD, null, name, Map.copyOf(fields));
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean numeric() {
    return kind == Kind.INT || kind == Kind.DOUBLE;
  }

  boolean dyn() {
    return kind == Kind.DYN;
  }

  /** True when a value of this type may be used where {@code want} is expected. */
  boolean fits(Kind want) {
    return kind == want || kind == Kind.DYN || kind == Kind.NULL;
  }

  /** The common type of two branches: equal types, a type and null, two numbers, else dyn. */
  static Type unify(Type a, Type b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.is(Kind.NULL)) {
      return b;
    }
    if (b.is(Kind.NULL)) {
      return a;
    }
    if (a.numeric() && b.numeric()) {
      return DOUBLE;
    }
    if (a.is(Kind.LIST) && b.is(Kind.LIST)) {
      return list(unify(a.elem, b.elem));
    }
    return DYN;
  }

  /**
   * True when {@code ==} between the two can ever hold: either is null or dyn, both are numbers,
   * or both have the same kind (and, for records, the same record).
   */
  static boolean comparable(Type a, Type b) {
    if (a.is(Kind.NULL) || b.is(Kind.NULL) || a.dyn() || b.dyn()) {
      return true;
    }
    if (a.numeric() && b.numeric()) {
      return true;
    }
    if (a.kind != b.kind) {
      return false;
    }
    if (a.is(Kind.RECORD)) {
      return a.recordName.equals(b.recordName);
    }
    if (a.is(Kind.LIST) || a.is(Kind.MAP)) {
      return comparable(a.elem, b.elem);
    }
    return true;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LIST -> "list(" + elem + ")";
      case MAP -> "map(string, " + elem + ")";
      case RECORD -> recordName;
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  // records compare by name: their field maps are derived from the name's class
  @Override
  public boolean equals(Object o) {
    return o instanceof Type t
        && kind == t.kind
        && Objects.equals(elem, t.elem)
        && Objects.equals(recordName, t.recordName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, elem, recordName);
  }
}
