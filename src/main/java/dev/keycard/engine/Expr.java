package dev.keycard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The parse tree of a rule expression, as the caller wrote it: untyped and unresolved, each node
 * with the 0-based offset of the text it came from. {@link Checker} resolves it into a {@link
 * Checked} tree; nothing here is ever handed to MVEL.
 */
sealed interface Expr {
  /** Offset of the node's first character (for a field or method: its name). */
  int at();

  /**
   * Offset of the first character of the whole text the node was parsed from: its own token's
   * ({@link #at}) or its first child's, whichever comes first ({@code a.b} starts at {@code a}).
   */
  default int start() {
    List<Expr> children = children();
    return children.isEmpty() ? at() : Math.min(at(), children.get(0).start());
  }

  /** The node's direct children, in source order (nulls left out). */
  default List<Expr> children() {
    return List.of();
  }

  /** Whether this node or one below it satisfies {@code test}. */
  default boolean any(Predicate<Expr> test) {
    if (test.test(this)) {
      return true;
    }
    for (Expr child : children()) {
      if (child.any(test)) {
        return true;
      }
    }
    return false;
  }

  /** The kinds of literal. */
  enum LitKind {
    STRING,
    INT,
    DECIMAL,
    BOOL,
    NULL
  }

  /** A literal: its value (String, Integer, Long, Double, Boolean or null) and kind. */
  record Lit(LitKind kind, Object value, int at) implements Expr {}

  /** {@code [a, b]}. */
  record ListLit(List<Expr> items, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return items;
    }
  }

  /** {@code ['k' : v]}, {@code [:]}. */
  record MapLit(List<Expr> keys, List<Expr> values, int at) implements Expr {
    @Override
    public List<Expr> children() {
      List<Expr> out = new ArrayList<>(2 * keys.size());
      for (int i = 0; i < keys.size(); i++) {
        out.add(keys.get(i));
        out.add(values.get(i));
      }
      return out;
    }
  }

  /** A bare name: {@code c}, {@code item}, {@code $} or an unknown one. */
  record Name(String name, int at) implements Expr {}

  /** {@code target.name} or {@code target.?name}. */
  record Field(Expr target, String name, boolean nullSafe, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(target);
    }
  }

  /** {@code target[key]}. */
  record Index(Expr target, Expr key, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(target, key);
    }
  }

  /** {@code target.name(args)}. */
  record Method(Expr target, String name, List<Expr> args, int at) implements Expr {
    @Override
    public List<Expr> children() {
      List<Expr> out = new ArrayList<>(1 + args.size());
      out.add(target);
      out.addAll(args);
      return out;
    }
  }

  /** {@code name(args)}: a helper function. */
  record Call(String name, List<Expr> args, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return args;
    }
  }

  /** {@code !x}, {@code -x}. */
  record Unary(String op, Expr operand, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /** {@code l op r} for the logical, comparison, {@code contains} and arithmetic operators. */
  record Binary(String op, Expr left, Expr right, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }
  }

  /** {@code subject ~= 'pattern'}: the pattern is always a literal. */
  record Regex(Expr subject, String pattern, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(subject);
    }
  }

  /** {@code cond ? then : otherwise}. */
  record Cond(Expr cond, Expr then, Expr otherwise, int at) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(cond, then, otherwise);
    }
  }

  /** {@code (element in list if filter)}; {@code filter} may be null; {@code inAt}: the word in. */
  record Projection(Expr element, Expr list, Expr filter, int at, int inAt) implements Expr {
    @Override
    public List<Expr> children() {
      return filter == null ? List.of(element, list) : List.of(element, list, filter);
    }
  }
}
