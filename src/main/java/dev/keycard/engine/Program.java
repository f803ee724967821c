package dev.keycard.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.MVEL;
import org.mvel2.compiler.CompiledExpression;

/**
 * A rule expression that passed the gate: immutable and safe to share between threads. Evaluate it
 * over a {@link FrozenModel} map only.
 */
public final class Program {
  private final String source;
  private final String canonical;
  private final CompiledExpression compiled;
  private final Set<String> referencedFields;

  Program(String source, String canonical, CompiledExpression compiled, Set<String> fields) {
    this.source = source;
    this.canonical = canonical;
    this.compiled = compiled;
    this.referencedFields = Set.copyOf(fields);
  }

  /** The rule's condition: true, false, or an evaluation error (also for a non-boolean result). */
  public boolean test(Map<String, Object> container) {
    return test(container, null);
  }

  /** The condition with {@code item} bound to one element of a {@code for_each} list. */
  public boolean test(Map<String, Object> container, Object item) {
    Object v = eval(container, item);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new RuleEvaluationException(
        "condition must be true or false but was "
            + (v == null ? "null" : v.getClass().getSimpleName() + " " + render(v)));
  }

  /** The expression's value over a frozen container. */
  public Object eval(Map<String, Object> container) {
    return eval(container, null);
  }

  /** The expression's value with {@code item} bound. */
  public Object eval(Map<String, Object> container, Object item) {
    try {
      return LockedMvel.withLoader(
          () -> MVEL.executeExpression(compiled, new ReadOnlyFactory(container, item)));
    } catch (RuleEvaluationException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new RuleEvaluationException("cannot evaluate '" + source + "': " + message(e), e);
    }
  }

  /** Top-level container fields the expression reads ({@code c.user} gives {@code user}). */
  public Set<String> referencedFields() {
    return referencedFields;
  }

  /** The fully parenthesised MVEL the gate emitted. */
  public String canonical() {
    return canonical;
  }

  /** The rule text as written. */
  public String source() {
    return source;
  }

  /** How templates print values: lists as {@code a, b}, everything else with String.valueOf. */
  static String render(Object v) {
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(render(o));
      }
      return sb.toString();
    }
    return String.valueOf(v);
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public String toString() {
    return canonical;
  }
}
