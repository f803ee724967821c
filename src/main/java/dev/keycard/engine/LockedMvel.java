package dev.keycard.engine;

import dev.keycard.engine.fn.Intrinsics;
import dev.keycard.engine.fn.ValueMethods;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
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
 * Layer 3: compiles emitted text under a locked MVEL context — the restricted class loader
 * (configured and as thread context loader), every built-in class literal shadowed by {@link
 * Denied}, naked method calls off, and only Keycard's own functions imported.
 */
final class LockedMvel {

  /**
   * The type every MVEL built-in class literal ({@code Runtime}, {@code System}...) resolves to.
   */
  static final class Denied {
    private Denied() {}
  }

  private LockedMvel() {}

  /** Every function the emitted text may call, by its MVEL name: intrinsics, methods, helpers. */
  static final Map<String, Method> FUNCTIONS = functions();

  private static Map<String, Method> functions() {
    Map<String, Method> out = new LinkedHashMap<>();
    try {
      out.put("__kc_get", Intrinsics.class.getMethod("get", Object.class, Object.class));
      out.put("__kc_nav", Intrinsics.class.getMethod("nav", Object.class, Object.class));
      out.put("__kc_index", Intrinsics.class.getMethod("index", Object.class, Object.class));
      out.put("__kc_re2", Intrinsics.class.getMethod("re2", Object.class, Object.class));
      out.put("__kc_neg", Intrinsics.class.getMethod("neg", Object.class));
      out.put("__kc_add", Intrinsics.class.getMethod("add", Object.class, Object.class));
      out.put("__kc_contains", Intrinsics.class.getMethod("contains", Object.class, Object.class));
      for (Methods.Spec m : Methods.ALL.values()) {
        Class<?>[] params = new Class<?>[m.params().size() + 1];
        java.util.Arrays.fill(params, Object.class);
        out.put(m.mvelName(), ValueMethods.class.getMethod(m.name(), params));
      }
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
    for (HelperSpec h : Helpers.all()) {
      out.put(Helpers.internalName(h), h.method());
    }
    return Map.copyOf(out);
  }

  /** A fresh configuration per compile: ParserContext is not safe to share between threads. */
  private static ParserContext newContext() {
    ParserConfiguration conf = new ParserConfiguration();
    conf.setClassLoader(RestrictedClassLoader.INSTANCE);
    conf.setAllowNakedMethCall(false);
    for (String literal : AbstractParser.CLASS_LITERALS.keySet()) {
      conf.addImport(literal, Denied.class);
    }
    FUNCTIONS.forEach(conf::addImport);
    return new ParserContext(conf);
  }

  /**
   * Compiles emitted text under the locked context; null (with MVEL's complaint in {@code
   * problems}) when MVEL refuses it.
   */
  static CompiledExpression compile(String canonical, List<String> problems) {
    try {
      Serializable s = withLoader(() -> MVEL.compileExpression(canonical, newContext()));
      if (s instanceof CompiledExpression ce) {
        return ce;
      }
      problems.add("unexpected compiled form");
      return null;
    } catch (Exception | StackOverflowError e) {
      problems.add("MVEL refused the emitted form: " + firstLine(e.getMessage()));
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
