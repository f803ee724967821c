package dev.keycard.engine;

import java.util.List;

/**
 * A rule expression after {@link Checker}: every name resolved against the field catalogue and the
 * helper registry, every node typed, every literal bound to a constant slot. This tree is what
 * {@link Emitter} writes as MVEL (from its shape alone: no caller text) and what {@link
 * TreeMatcher} holds MVEL's compiled tree against, node for node.
 */
sealed interface Checked {
  /** The node's type. */
  Type type();

  /** A literal, bound as the value of constant slot {@code index} (MVEL sees {@code __k<n>}). */
  record Slot(int index, Type type) implements Checked {}

  /** {@code c}, {@code item} or {@code $}. */
  record Root(String name, Type type) implements Checked {}

  /** A chain of catalogue fields from a root: {@code c['mounts']}, {@code $['source']}. */
  record Path(String root, List<String> fields, Type type) implements Checked {
    public Path {
      fields = List.copyOf(fields);
    }
  }

  /** A call of one of Keycard's static functions (an intrinsic or a helper) by its MVEL name. */
  record Fn(String name, List<Checked> args, Type type) implements Checked {
    public Fn {
      args = List.copyOf(args);
    }
  }

  /** {@code !x}. */
  record Not(Checked operand) implements Checked {
    @Override
    public Type type() {
      return Type.BOOL;
    }
  }

  /** A comparison or arithmetic operator of MVEL ({@code op} is an {@code org.mvel2.Operator}). */
  record Bin(int op, String symbol, Checked left, Checked right, Type type) implements Checked {}

  /** {@code &&} ({@code and}) or {@code ||}, short-circuit. */
  record Logic(boolean and, Checked left, Checked right) implements Checked {
    @Override
    public Type type() {
      return Type.BOOL;
    }
  }

  /** {@code cond ? then : otherwise}: only the branch taken is evaluated. */
  record Cond(Checked cond, Checked then, Checked otherwise, Type type) implements Checked {}

  /** A projection {@code (element in list if filter)}; {@code filter} may be null. */
  record Fold(Checked element, Checked list, Checked filter, Type type) implements Checked {}
}
