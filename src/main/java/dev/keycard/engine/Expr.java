package dev.keycard.engine;

import java.util.List;

/**
 * The parse tree of a rule expression, as the caller wrote it: untyped and unresolved, each node
 * with the 0-based offset of the text it came from. {@link Checker} resolves it into a {@link
 * Checked} tree; nothing here is ever handed to MVEL.
 */
sealed interface Expr {
  /** Offset of the node's first character (for a field or method: its name). */
  int at();

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
  record ListLit(List<Expr> items, int at) implements Expr {}

  /** {@code ['k' : v]}, {@code [:]}. */
  record MapLit(List<Expr> keys, List<Expr> values, int at) implements Expr {}

  /** A bare name: {@code c}, {@code item}, {@code $} or an unknown one. */
  record Name(String name, int at) implements Expr {}

  /** {@code target.name} or {@code target.?name}. */
  record Field(Expr target, String name, boolean nullSafe, int at) implements Expr {}

  /** {@code target[key]}. */
  record Index(Expr target, Expr key, int at) implements Expr {}

  /** {@code target.name(args)}. */
  record Method(Expr target, String name, List<Expr> args, int at) implements Expr {}

  /** {@code name(args)}: a helper function. */
  record Call(String name, List<Expr> args, int at) implements Expr {}

  /** {@code !x}, {@code -x}. */
  record Unary(String op, Expr operand, int at) implements Expr {}

  /** {@code l op r} for the logical, comparison, {@code contains} and arithmetic operators. */
  record Binary(String op, Expr left, Expr right, int at) implements Expr {}

  /** {@code subject ~= 'pattern'}: the pattern is always a literal. */
  record Regex(Expr subject, String pattern, int at) implements Expr {}

  /** {@code cond ? then : otherwise}. */
  record Cond(Expr cond, Expr then, Expr otherwise, int at) implements Expr {}

  /** {@code (element in list if filter)}; {@code filter} may be null; {@code inAt}: the word in. */
  record Projection(Expr element, Expr list, Expr filter, int at, int inAt) implements Expr {}
}
