package dev.keycard.engine.fn;

import dev.keycard.budget.Budget;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods a rule may call ({@code x.trim()}, {@code list.size()}, ...), as static functions of
 * the receiver: the checker emits {@code x.trim()} as {@code __kc_m_trim(x)}, so MVEL never
 * resolves or invokes a Java method on a value. Each dispatches on the receiver's run-time kind and
 * fails with a plain message (never a class name) on any other.
 */
public final class ValueMethods {
  private ValueMethods() {}

  public static Object size(Object r) {
    Budget.current().tick();
    if (r instanceof Collection<?> c) {
      return c.size();
    }
    if (r instanceof Map<?, ?> m) {
      return m.size();
    }
    if (r instanceof CharSequence s) {
      return s.length();
    }
    throw unsupported("size()", r);
  }

  public static boolean isEmpty(Object r) {
    return ((Integer) size(r)) == 0;
  }

  public static Object length(Object r) {
    return text("length()", r).length();
  }

  public static String trim(Object r) {
    Budget.current().tick();
    String s = text("trim()", r);
    return created(s, s.trim());
  }

  public static String toLowerCase(Object r) {
    Budget.current().tick();
    String s = text("toLowerCase()", r);
    return created(s, s.toLowerCase(Locale.ROOT));
  }

  public static String toUpperCase(Object r) {
    Budget.current().tick();
    String s = text("toUpperCase()", r);
    return created(s, s.toUpperCase(Locale.ROOT));
  }

  /** {@code result}, counted against the evaluation's text when it is a new string. */
  private static String created(String from, String result) {
    if (result != from) {
      Budget.current().created(result.length());
    }
    return result;
  }

  public static boolean contains(Object r, Object x) {
    Budget budget = Budget.current();
    budget.tick();
    if (r instanceof CharSequence s) {
      return x != null && Text.contains(s.toString(), String.valueOf(x), budget);
    }
    if (r instanceof Collection<?> c) {
      return Intrinsics.elementOf(c, x, budget);
    }
    throw unsupported("contains()", r);
  }

  public static boolean containsKey(Object r, Object key) {
    if (r instanceof Map<?, ?> m) {
      return Intrinsics.keyOf(m, key, Budget.current());
    }
    throw unsupported("containsKey()", r);
  }

  public static boolean startsWith(Object r, Object prefix) {
    return text("startsWith()", r).startsWith(text("startsWith()'s argument", prefix));
  }

  public static boolean endsWith(Object r, Object suffix) {
    return text("endsWith()", r).endsWith(text("endsWith()'s argument", suffix));
  }

  public static boolean equalsIgnoreCase(Object r, Object other) {
    if (other == null) {
      return false;
    }
    String s = text("equalsIgnoreCase()", r);
    String o = String.valueOf(other);
    Budget.current().charge(o.length());
    return s.equalsIgnoreCase(o);
  }

  /** The text of {@code r}, charged to the budget by its length (each method reads it once). */
  private static String text(String what, Object r) {
    if (r instanceof CharSequence s) {
      Budget.current().charge(s.length());
      return s.toString();
    }
    throw unsupported(what, r);
  }

  private static IllegalArgumentException unsupported(String what, Object r) {
    return new IllegalArgumentException(what + " is not defined on " + Intrinsics.describe(r));
  }
}
