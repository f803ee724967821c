package dev.keycard.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mvel2.compiler.AbstractParser;

/**
 * Layers 2a and 2b: which methods a rule may call and which property names it may not use. Both
 * rely on the closed world of frozen data: a rule's receivers can only be the types below.
 */
final class Vocabulary {

  /** Methods callable with {@code .name(args)}, keyed by name, valued by arity. */
  static final Map<String, Integer> METHODS =
      Map.ofEntries(
          Map.entry("size", 0),
          Map.entry("isEmpty", 0),
          Map.entry("length", 0),
          Map.entry("trim", 0),
          Map.entry("toLowerCase", 0),
          Map.entry("toUpperCase", 0),
          Map.entry("contains", 1),
          Map.entry("containsKey", 1),
          Map.entry("startsWith", 1),
          Map.entry("endsWith", 1),
          Map.entry("equalsIgnoreCase", 1));

  /**
   * Every type a rule can hold at run time: the frozen model's values, literal collections, and the
   * results of allowed methods (a {@code Character} from indexing a string).
   */
  static final List<Class<?>> DATA_CLASSES =
      List.of(
          Object.class,
          String.class,
          CharSequence.class,
          Character.class,
          Integer.class,
          Long.class,
          Double.class,
          Number.class,
          BigDecimal.class,
          BigInteger.class,
          Boolean.class,
          ArrayList.class,
          HashMap.class,
          LinkedHashMap.class,
          List.class,
          Map.class,
          Collections.unmodifiableList(new ArrayList<>()).getClass(),
          Collections.unmodifiableList(new java.util.LinkedList<>()).getClass(),
          Collections.unmodifiableMap(new HashMap<>()).getClass(),
          Collections.emptyList().getClass(),
          Collections.emptyMap().getClass(),
          List.of().getClass(),
          List.of(1).getClass(),
          Map.of().getClass(),
          Map.of(1, 1).getClass(),
          Map.of(1, 1, 2, 2).getClass());

  /** MVEL words that must never appear as a property: keywords and operators spelt as words. */
  private static final List<String> MVEL_WORDS =
      List.of(
          "new",
          "def",
          "function",
          "import",
          "import_static",
          "with",
          "if",
          "else",
          "foreach",
          "for",
          "while",
          "until",
          "do",
          "return",
          "assert",
          "isdef",
          "empty",
          "null",
          "nil",
          "true",
          "false",
          "this",
          "var",
          "proto",
          "instanceof",
          "is",
          "contains",
          "soundslike",
          "strsim",
          "convertable_to",
          "in",
          "class",
          "macro",
          "switch",
          "case");

  /** Lower-cased names denied as properties (methods, getter forms, keywords, class literals). */
  private static final Set<String> DENIED_FOLDED;

  /** Exact-case public field names of the data classes ({@code TYPE}, {@code MAX_VALUE}). */
  private static final Set<String> DENIED_FIELDS;

  static {
    Set<String> folded = new TreeSet<>();
    Set<String> fields = new TreeSet<>();
    for (Class<?> type : DATA_CLASSES) {
      for (Method m : type.getMethods()) {
        // property syntax (PropertyTools.getGetter) calls public no-arg methods x, getX, isX
        if (m.getParameterCount() == 0) {
          addMethodName(folded, m.getName());
        }
      }
      for (Field f : type.getFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          fields.add(f.getName());
        }
      }
    }
    MVEL_WORDS.forEach(w -> folded.add(fold(w)));
    AbstractParser.LITERALS.keySet().forEach(k -> folded.add(fold(k)));
    AbstractParser.CLASS_LITERALS.keySet().forEach(k -> folded.add(fold(k)));
    AbstractParser.OPERATORS.keySet().forEach(k -> folded.add(fold(k)));
    DENIED_FOLDED = Collections.unmodifiableSet(folded);
    DENIED_FIELDS = Collections.unmodifiableSet(fields);
  }

  private Vocabulary() {}

  private static void addMethodName(Set<String> out, String name) {
    out.add(fold(name));
    for (String prefix : new String[] {"get", "is"}) {
      if (name.length() > prefix.length() && name.startsWith(prefix)) {
        out.add(fold(name.substring(prefix.length())));
      }
    }
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** True when {@code .name} could reach a Java member, keyword or class literal. */
  static boolean isDeniedProperty(String name) {
    return DENIED_FOLDED.contains(fold(name)) || DENIED_FIELDS.contains(name);
  }

  /** True when {@code .name(args)} with this arity is on the allow-list. */
  static boolean isAllowedMethod(String name, int arity) {
    Integer a = METHODS.get(name);
    return a != null && a == arity;
  }

  /** How many names are denied, for the docs and a sanity test. */
  static int deniedCount() {
    return DENIED_FOLDED.size() + DENIED_FIELDS.size();
  }
}
