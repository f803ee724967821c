package dev.keycard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Visits a parse tree: its direct children, and whether any node satisfies a test. */
final class Walk {
  private Walk() {}

  static boolean any(Expr e, Predicate<Expr> test) {
    if (e == null) {
      return false;
    }
    if (test.test(e)) {
      return true;
    }
    for (Expr child : children(e)) {
      if (any(child, test)) {
        return true;
      }
    }
    return false;
  }

  /** Offset of the first character of the text {@code e} was parsed from. */
  static int start(Expr e) {
    if (e instanceof Expr.Index i) {
      return start(i.target());
    }
    if (e instanceof Expr.Field f) {
      return start(f.target());
    }
    if (e instanceof Expr.Method m) {
      return start(m.target());
    }
    if (e instanceof Expr.Binary b) {
      return start(b.left());
    }
    if (e instanceof Expr.Regex r) {
      return start(r.subject());
    }
    if (e instanceof Expr.Cond c) {
      return start(c.cond());
    }
    return e.at();
  }

  /** The node's direct children, in source order (nulls left out). */
  static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.ListLit l) {
      out.addAll(l.items());
    } else if (e instanceof Expr.MapLit m) {
      for (int i = 0; i < m.keys().size(); i++) {
        out.add(m.keys().get(i));
        out.add(m.values().get(i));
      }
    } else if (e instanceof Expr.Field f) {
      out.add(f.target());
    } else if (e instanceof Expr.Index i) {
      out.add(i.target());
      out.add(i.key());
    } else if (e instanceof Expr.Method m) {
      out.add(m.target());
      out.addAll(m.args());
    } else if (e instanceof Expr.Call c) {
      out.addAll(c.args());
    } else if (e instanceof Expr.Unary u) {
      out.add(u.operand());
    } else if (e instanceof Expr.Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (e instanceof Expr.Regex r) {
      out.add(r.subject());
    } else if (e instanceof Expr.Cond c) {
      out.add(c.cond());
      out.add(c.then());
      out.add(c.otherwise());
    } else if (e instanceof Expr.Projection p) {
      out.add(p.element());
      out.add(p.list());
      if (p.filter() != null) {
        out.add(p.filter());
      }
    }
    return out;
  }
}
