package dev.keycard.engine;

import dev.keycard.engine.fn.Intrinsics;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mvel2.MVEL;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;
import org.mvel2.compiler.AbstractParser;
import org.mvel2.compiler.CompiledExpression;

/**
 * Layer 3: compiles canonical text under a locked MVEL context — the restricted class loader
 * (configured and as thread context loader), every built-in class literal shadowed by {@link
 * Denied}, naked method calls off, one declared input, and only the gate's static imports.
 */
final class LockedMvel {

  /**
   * The type every MVEL built-in class literal ({@code Runtime}, {@code System}...) resolves to.
   */
  static final class Denied {
    private Denied() {}
  }

  private LockedMvel() {}

  /** A fresh configuration per compile: ParserContext is not safe to share between threads. */
  private static ParserContext newContext() {
    ParserConfiguration conf = new ParserConfiguration();
    conf.setClassLoader(RestrictedClassLoader.INSTANCE);
    conf.setAllowNakedMethCall(false);
    for (String literal : AbstractParser.CLASS_LITERALS.keySet()) {
      conf.addImport(literal, Denied.class);
    }
    try {
      conf.addImport(Parser.NAV, Intrinsics.class.getMethod("nav", Object.class, String.class));
      conf.addImport(
          Parser.RE2, Intrinsics.class.getMethod("re2Matches", Object.class, String.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    for (HelperSpec h : Helpers.all()) {
      conf.addImport(Helpers.internalName(h), h.method());
    }
    ParserContext ctx = new ParserContext(conf);
    ctx.addInput(Parser.INPUT, Map.class);
    ctx.addInput(Parser.ITEM, Object.class);
    return ctx;
  }

  /** Prefix of a problem MVEL raised itself (as opposed to a guard violation). */
  static final String MVEL_REFUSED = "MVEL refused the canonical form: ";

  /**
   * Compiles and guards {@code canonical}; MVEL's complaints and guard violations go to problems.
   */
  static CompiledExpression compile(String canonical, List<String> problems) {
    try {
      Serializable s = withLoader(() -> MVEL.compileExpression(canonical, newContext()));
      if (!(s instanceof CompiledExpression ce)) {
        problems.add("unexpected compiled form " + s.getClass().getName());
        return null;
      }
      List<String> violations = AstGuard.check(ce);
      problems.addAll(violations);
      return violations.isEmpty() ? ce : null;
    } catch (Exception | StackOverflowError e) {
      problems.add(MVEL_REFUSED + firstLine(e.getMessage()));
      return null;
    }
  }

  /**
   * Runs {@code body} with the restricted loader as thread context class loader; inside a {@link
   * Scope} it is that already, and is left alone.
   */
  static <T> T withLoader(Callable<T> body) throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    if (previous == RestrictedClassLoader.INSTANCE) {
      return body.call();
    }
    t.setContextClassLoader(RestrictedClassLoader.INSTANCE);
    try {
      return body.call();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /**
   * The restricted loader as thread context class loader for a run of evaluations (one container's
   * rules), swapped in once instead of once per evaluation; {@link #outside} gives the caller's own
   * loader back for work between evaluations that is not rule code (building findings).
   */
  static final class Scope implements AutoCloseable {
    private final Thread thread = Thread.currentThread();
    private final ClassLoader previous = thread.getContextClassLoader();

    Scope() {
      thread.setContextClassLoader(RestrictedClassLoader.INSTANCE);
    }

    /** Runs {@code body} with the loader the scope found. */
    void outside(Runnable body) {
      thread.setContextClassLoader(previous);
      try {
        body.run();
      } finally {
        thread.setContextClassLoader(RestrictedClassLoader.INSTANCE);
      }
    }

    @Override
    public void close() {
      thread.setContextClassLoader(previous);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
