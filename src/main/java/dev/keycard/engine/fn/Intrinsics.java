package dev.keycard.engine.fn;

import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import dev.keycard.budget.LimitExceeded;
import java.util.List;
import java.util.Map;
import org.mvel2.Operator;
import org.mvel2.math.MathProcessor;

/**
 * The gate's own building blocks, never named by rules: what the checker emits for {@code .?name},
 * a field of a computed value, an index, {@code ~=}, unary minus, {@code +} on text, and the
 * allowed methods (in {@link ValueMethods}), so MVEL never calls a Java method on a value. Each checks the request's budget, and what can grow (a joined string) is
 * capped.
 */
public final class Intrinsics {
  private Intrinsics() {}

  /** {@code r.name} on a computed value: the map value (null when absent). */
  public static Object get(Object receiver, Object name) {
    Budget.current().tick();
    if (receiver instanceof Map<?, ?> map) {
      return map.get(name);
    }
    throw new IllegalArgumentException("cannot read '" + name + "' of " + describe(receiver));
  }

  /** {@code r.?name}: null when {@code r} is null, else the map value (null when absent). */
  public static Object nav(Object receiver, Object name) {
    if (receiver == null) {
      return null;
    }
    return get(receiver, name);
  }

  /** {@code r[key]}: a list element by position, or a map value by key. */
  public static Object index(Object receiver, Object key) {
    Budget.current().tick();
    if (receiver instanceof List<?> list && key instanceof Number n) {
      long i = n.longValue();
      if (i < 0 || i >= list.size()) {
        throw new IllegalArgumentException(
            "index " + i + " is outside a list of " + list.size() + " elements");
      }
      return list.get((int) i);
    }
    if (receiver instanceof Map<?, ?> map && key instanceof String) {
      return map.get(key);
    }
    throw new IllegalArgumentException(
        "cannot index " + describe(receiver) + " with " + describe(key));
  }

  /**
   * A rule's compiled pattern with the bound on its program's size ({@code RegexCost}), which is
   * what RE2J may do for each character it reads.
   */
  public record Regex(Pattern pattern, long cost) {}

  /**
   * {@code value ~= pattern}: a full match (as MVEL's {@code ~=}) in linear time on RE2J, with the
   * pattern compiled once when the rule was. Null never matches; numbers and booleans are matched
   * by their text; anything else never matches. RE2J cannot be interrupted, so it reads the text
   * through a view that charges the request's budget the program's size for every character: a
   * match over a megabyte stops at the deadline like any other loop.
   */
  public static boolean re2(Object value, Object pattern) {
    Budget budget = Budget.current();
    budget.tick();
    if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
      return false;
    }
    Regex re = (Regex) pattern;
    return re.pattern().matcher(new Charged(String.valueOf(value), budget, re.cost())).matches();
  }

  /** Text whose every character read charges the budget. */
  private static final class Charged implements CharSequence {
    private final String text;
    private final Budget budget;
    private final long perChar;

    Charged(String text, Budget budget, long perChar) {
      this.text = text;
      this.budget = budget;
      this.perChar = perChar;
    }

    @Override
    public char charAt(int index) {
      budget.charge(perChar);
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      budget.charge(end - start);
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      budget.charge(text.length());
      return text;
    }
  }

  /**
   * {@code a contains b}, as MVEL's operator defines it (null contains nothing; a string contains
   * the text of {@code b}; a list its element; a map its key; anything else nothing), but in time
   * linear in the text and charged to the budget: {@link String#contains} compares in {@code
   * O(n * m)}, so a rule comparing two input strings of some 100,000 characters held a rule thread
   * for a minute, long after the request had been answered.
   */
  public static boolean contains(Object a, Object b) {
    Budget budget = Budget.current();
    budget.tick();
    if (a == null) {
      return false;
    }
    if (a instanceof String s) {
      return Text.contains(s, String.valueOf(b), budget);
    }
    if (a instanceof java.util.Collection<?> c) {
      return elementOf(c, b, budget);
    }
    if (a instanceof Map<?, ?> m) {
      return keyOf(m, b, budget);
    }
    return false;
  }

  /**
   * {@code c.contains(x)}, charged for every element it may compare: a frozen list charges as it is
   * read, but a list the rule built (a projection's result) would not.
   */
  static boolean elementOf(java.util.Collection<?> c, Object x, Budget budget) {
    budget.charge(c.size());
    return c.contains(x);
  }

  /** {@code m.containsKey(key)}, charged for the key's characters that hashing reads. */
  static boolean keyOf(Map<?, ?> m, Object key, Budget budget) {
    budget.charge(key instanceof CharSequence s ? 1L + s.length() : 1L);
    return m.containsKey(key);
  }

  /** {@code -x}. */
  public static Object neg(Object value) {
    Budget.current().tick();
    if (value instanceof Number n) {
      return MathProcessor.doOperations(0, Operator.SUB, n);
    }
    throw new IllegalArgumentException("cannot negate " + describe(value));
  }

  /**
   * {@code a + b} where either may be text: numbers add as MVEL adds them, anything else joins as
   * text, at most {@code max-string-length} characters.
   */
  public static Object add(Object a, Object b) {
    Budget budget = Budget.current();
    budget.tick();
    if (a instanceof Number && b instanceof Number) {
      return MathProcessor.doOperations(a, Operator.ADD, b);
    }
    String x = String.valueOf(a);
    String y = String.valueOf(b);
    int max = budget.caps().maxStringLength();
    if ((long) x.length() + y.length() > max) {
      throw LimitExceeded.of(
          "max-string-length",
          max,
          "a rule would build a string of more than " + max + " characters");
    }
    budget.charge((long) x.length() + y.length()); // what joining them copies
    budget.created((long) x.length() + y.length());
    return x + y;
  }

  /** A value's kind as rule authors know it, never a Java class name. */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof CharSequence) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof Map<?, ?>) {
      return "a map";
    }
    return "a value";
  }
}
