package dev.keycard.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods a rule may call with {@code x.name(args)}, typed like helpers: which receivers each
 * takes, its parameters and its result. A call is emitted as Keycard's own static function of the
 * same name ({@code __kc_m_<name>}), never as a Java method call on the receiver.
 */
final class Methods {
  /** One method: the receiver kinds it accepts, parameter types (null: the list's element type). */
  record Spec(String name, Set<Type.Kind> receivers, List<Type> params, Type result) {
    String mvelName() {
      return "__kc_m_" + name;
    }
  }

  private static final Set<Type.Kind> SIZED = Set.of(Type.Kind.LIST, Type.Kind.MAP, Type.Kind.STRING);
  private static final Set<Type.Kind> TEXT = Set.of(Type.Kind.STRING);

  static final Map<String, Spec> ALL =
      Map.ofEntries(
          spec("size", SIZED, List.of(), Type.INT),
          spec("isEmpty", SIZED, List.of(), Type.BOOL),
          spec("length", TEXT, List.of(), Type.INT),
          spec("trim", TEXT, List.of(), Type.STRING),
          spec("toLowerCase", TEXT, List.of(), Type.STRING),
          spec("toUpperCase", TEXT, List.of(), Type.STRING),
          spec("contains", Set.of(Type.Kind.STRING, Type.Kind.LIST), List.of(Type.DYN), Type.BOOL),
          spec("containsKey", Set.of(Type.Kind.MAP), List.of(Type.STRING), Type.BOOL),
          spec("startsWith", TEXT, List.of(Type.STRING), Type.BOOL),
          spec("endsWith", TEXT, List.of(Type.STRING), Type.BOOL),
          spec("equalsIgnoreCase", TEXT, List.of(Type.STRING), Type.BOOL));

  private Methods() {}

  private static Map.Entry<String, Spec> spec(
      String name, Set<Type.Kind> receivers, List<Type> params, Type result) {
    return Map.entry(name, new Spec(name, receivers, params, result));
  }

  /** The allowed names, sorted, for error messages. */
  static Set<String> names() {
    return new TreeSet<>(ALL.keySet());
  }
}
