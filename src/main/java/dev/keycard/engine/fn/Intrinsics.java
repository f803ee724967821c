package dev.keycard.engine.fn;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gate's own building blocks behind {@code .?name} and {@code ~=}; never named by rules. */
public final class Intrinsics {
  private static final int MAX_CACHED_PATTERNS = 1_024;
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private Intrinsics() {}

  /** {@code r.?name}: null when {@code r} is null, else the map value (null when absent). */
  public static Object nav(Object receiver, String name) {
    if (receiver == null) {
      return null;
    }
    if (receiver instanceof Map<?, ?> map) {
      return map.get(name);
    }
    throw new IllegalArgumentException(
        "cannot read '" + name + "' of a " + receiver.getClass().getSimpleName());
  }

  /**
   * {@code value ~= 'pattern'}: a full match (as MVEL's {@code ~=}) in linear time on RE2J. Null
   * never matches; numbers and booleans are matched by their text; anything else never matches.
   */
  public static boolean re2Matches(Object value, String pattern) {
    if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
      return false;
    }
    Pattern p = PATTERNS.get(pattern);
    if (p == null) {
      if (PATTERNS.size() >= MAX_CACHED_PATTERNS) {
        PATTERNS.clear(); // patterns come from compiled rules only; a full cache is rare
      }
      p = Pattern.compile(pattern);
      PATTERNS.put(pattern, p);
    }
    return p.matches(String.valueOf(value));
  }
}
