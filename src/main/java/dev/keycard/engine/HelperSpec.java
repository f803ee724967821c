package dev.keycard.engine;

import java.lang.reflect.Method;

/**
 * One helper function rules may call: its rule-facing name and arity, documentation, and the static
 * Java method that implements it.
 *
 * @param name the name rules use, e.g. {@code path_under}
 * @param params parameter names, for the docs; their count is the arity (every parameter is a
 *     string)
 * @param result the result type as the checker names it: {@code bool}, {@code int}, {@code
 *     list(string)}
 * @param description one sentence for the docs
 * @param example an expression using it, checked by the docs test to compile
 * @param method the public static implementation
 */
public record HelperSpec(
    String name,
    java.util.List<String> params,
    String result,
    String description,
    String example,
    Method method) {

  public HelperSpec {
    params = java.util.List.copyOf(params);
    if (method.getParameterCount() != params.size()
        || !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
      throw new IllegalArgumentException("helper " + name + " does not match " + method);
    }
  }

  public int arity() {
    return params.size();
  }

  /** {@code name(a, b)}. */
  public String signature() {
    return name + "(" + String.join(", ", params) + ")";
  }
}
