package dev.keycard.engine;

import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.LimitExceeded;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.MVEL;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.integration.VariableResolver;

/**
 * A rule expression that passed the gate: immutable and safe to share between threads. Evaluate it
 * over a {@link FrozenModel} map only. It knows its static cost: its nodes, and for each projection
 * the nodes run per element of the list it iterates, so a request's work can be bounded before any
 * rule runs.
 */
public final class Program {
  /** A Java class name in an error message ({@code java.util.ArrayList}, {@code org.mvel2.X$Y}). */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

  private final String source;
  private final String canonical;
  private final CompiledExpression compiled;
  private final Map<String, VariableResolver> constants;
  private final Set<String> referencedFields;
  private final Set<String> reads;
  private final long baseCost;
  private final List<Checker.Loop> loops;

  Program(
      String source,
      String canonical,
      CompiledExpression compiled,
      List<Object> slots,
      Set<String> fields,
      Set<String> reads,
      long baseCost,
      List<Checker.Loop> loops) {
    this.source = source;
    this.canonical = canonical;
    this.compiled = compiled;
    this.constants = Slots.constants(slots);
    this.referencedFields = Set.copyOf(fields);
    this.reads = Set.copyOf(reads);
    this.baseCost = baseCost;
    this.loops = List.copyOf(loops);
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
        "condition must be true or false but was " + (v == null ? "null" : render(v, 80)));
  }

  /** The expression's value over a frozen container. */
  public Object eval(Map<String, Object> container) {
    return eval(container, null);
  }

  /** The expression's value with {@code item} bound. */
  public Object eval(Map<String, Object> container, Object item) {
    try {
      Budget.current().startEvaluation();
      return LockedMvel.withLoader(
          () -> MVEL.executeExpression(compiled, new Slots(constants, container, item)));
    } catch (RuleEvaluationException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      BudgetExceeded late = BudgetExceeded.in(e);
      if (late != null) {
        throw late;
      }
      LimitExceeded limit = LimitExceeded.in(e);
      if (limit != null) {
        throw limit;
      }
      throw new RuleEvaluationException("cannot evaluate '" + source + "': " + message(e));
    }
  }

  /**
   * An upper bound of the work one evaluation does on {@code container}: every node once, plus each
   * projection's nodes once per element of the list it iterates (a container list field's size, or
   * the container's longest list when the projection iterates something else).
   */
  public long cost(Map<String, Object> container) {
    long total = baseCost;
    for (Checker.Loop l : loops) {
      long n = l.field() == null ? longestList(container) : size(container.get(l.field()));
      total += l.inner() * Math.max(1, n);
    }
    return total;
  }

  static long longestList(Map<String, Object> container) {
    long max = 64; // a literal list holds at most this many
    for (Object v : container.values()) {
      max = Math.max(max, size(v));
    }
    return max;
  }

  static long size(Object v) {
    return v instanceof List<?> l ? l.size() : 0;
  }

  /**
   * The parts of the container the expression reads ({@code mounts.source}, {@code privileged.*},
   * {@code item:mounts.propagation}, ...), as {@link Reads} names them.
   */
  public Set<String> reads() {
    return reads;
  }

  /** The constant slots' values by MVEL name (for benchmarks that run the text without the gate). */
  Map<String, Object> constantValues() {
    Map<String, Object> out = new java.util.HashMap<>();
    constants.forEach((k, v) -> out.put(k, v.getValue()));
    return out;
  }

  /** Top-level container fields the expression reads ({@code c.user} gives {@code user}). */
  public Set<String> referencedFields() {
    return referencedFields;
  }

  /** The MVEL the gate emitted: Keycard's names, operators and brackets only. */
  public String canonical() {
    return canonical;
  }

  /** The rule text as written. */
  public String source() {
    return source;
  }

  /** How templates print values: lists as {@code a, b}, at most {@code max} characters. */
  static String render(Object v, int max) {
    StringBuilder sb = new StringBuilder();
    append(v, sb, max);
    if (sb.length() > max) {
      sb.setLength(Math.max(0, max - 1));
      sb.append('…');
    }
    return sb.toString();
  }

  private static void append(Object v, StringBuilder sb, int max) {
    if (v instanceof List<?> list) {
      boolean first = true;
      for (Object o : list) {
        if (sb.length() > max) {
          return;
        }
        if (!first) {
          sb.append(", ");
        }
        first = false;
        append(o, sb, max);
      }
      return;
    }
    String s = String.valueOf(v);
    sb.append(s, 0, Math.min(s.length(), max + 1 - Math.min(max, sb.length())));
  }

  /** The innermost cause's first line, without Java class names. */
  static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = t instanceof NullPointerException ? "a value is null" : "evaluation failed";
    }
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    m = CLASS_NAME.matcher(m).replaceAll("a value");
    if (m.contains("Cannot invoke") || m.contains("because")) {
      return "a value is null";
    }
    return m.length() > 200 ? m.substring(0, 199) + "…" : m;
  }

  @Override
  public String toString() {
    return canonical;
  }
}
