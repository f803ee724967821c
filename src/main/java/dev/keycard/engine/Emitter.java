package dev.keycard.engine;

import org.mvel2.Operator;

/**
 * Writes a {@link Checked} tree as MVEL text (layer 2's output), and the shape MVEL's compiled tree
 * must have for it. The text is a pure function of the tree's shape: it holds only names Keycard
 * generated ({@code c}, {@code item}, {@code $}, constant slots {@code __k<n>}, catalogue field
 * names, Keycard's function names), operators and brackets — no character a caller wrote. There
 * are no dots, so MVEL never resolves a Java member; every value comes from a map lookup, a
 * constant slot, or one of Keycard's static functions.
 */
final class Emitter {
  /** The prefix of constant slot names. */
  static final String SLOT = "__k";

  private Emitter() {}

  /** The MVEL text of {@code c}. */
  static String text(Checked c) {
    StringBuilder sb = new StringBuilder();
    text(c, sb);
    return sb.toString();
  }

  private static void text(Checked c, StringBuilder sb) {
    if (c instanceof Checked.Slot s) {
      sb.append(SLOT).append(s.index());
    } else if (c instanceof Checked.Root r) {
      sb.append(r.name());
    } else if (c instanceof Checked.Path p) {
      sb.append(p.root());
      for (String f : p.fields()) {
        sb.append("['").append(f).append("']");
      }
    } else if (c instanceof Checked.Fn f) {
      sb.append(f.name()).append('(');
      for (int i = 0; i < f.args().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        text(f.args().get(i), sb);
      }
      sb.append(')');
    } else if (c instanceof Checked.Not n) {
      sb.append("!(");
      text(n.operand(), sb);
      sb.append(')');
    } else if (c instanceof Checked.Bin b) {
      binary(b.left(), symbol(b.op()), b.right(), sb);
    } else if (c instanceof Checked.Logic l) {
      binary(l.left(), l.and() ? "&&" : "||", l.right(), sb);
    } else if (c instanceof Checked.Cond t) {
      sb.append('(');
      text(t.cond(), sb);
      sb.append(" ? ");
      text(t.then(), sb);
      sb.append(" : ");
      text(t.otherwise(), sb);
      sb.append(')');
    } else {
      Checked.Fold f = (Checked.Fold) c;
      sb.append("((");
      text(f.element(), sb);
      sb.append(") in (");
      text(f.list(), sb);
      sb.append(')');
      if (f.filter() != null) {
        sb.append(" if (");
        text(f.filter(), sb);
        sb.append(')');
      }
      sb.append(')');
    }
  }

  private static void binary(Checked l, String op, Checked r, StringBuilder sb) {
    sb.append('(');
    text(l, sb);
    sb.append(' ').append(op).append(' ');
    text(r, sb);
    sb.append(')');
  }

  /** MVEL's spelling of an operator of {@link Checked.Bin}. */
  static String symbol(int op) {
    return switch (op) {
      case Operator.EQUAL -> "==";
      case Operator.NEQUAL -> "!=";
      case Operator.LTHAN -> "<";
      case Operator.GTHAN -> ">";
      case Operator.LETHAN -> "<=";
      case Operator.GETHAN -> ">=";
      case Operator.ADD -> "+";
      case Operator.SUB -> "-";
      case Operator.MULT -> "*";
      case Operator.DIV -> "/";
      case Operator.MOD -> "%";
      default -> throw new IllegalArgumentException("operator " + op);
    };
  }

  /**
   * The shape MVEL's compiled tree must have for {@code c}, in the notation {@link TreeMatcher}
   * reads MVEL's tree into: {@code atom(text)}, {@code call(name;args...)}, {@code not(x)}, {@code
   * bin<op>(l,r)}, {@code and(l,r)}, {@code or(l,r)}, {@code
   * cond(c,a,b)}, {@code fold(element,list,filter|-)}.
   */
  static String shape(Checked c) {
    if (c instanceof Checked.Slot || c instanceof Checked.Root || c instanceof Checked.Path) {
      return "atom(" + text(c) + ")";
    }
    if (c instanceof Checked.Fn f) {
      StringBuilder sb = new StringBuilder("call(").append(f.name());
      for (Checked a : f.args()) {
        sb.append(';').append(shape(a));
      }
      return sb.append(')').toString();
    }
    if (c instanceof Checked.Not n) {
      return "not(" + shape(n.operand()) + ")";
    }
    if (c instanceof Checked.Bin b) {
      return "bin" + b.op() + "(" + shape(b.left()) + "," + shape(b.right()) + ")";
    }
    if (c instanceof Checked.Logic l) {
      return (l.and() ? "and(" : "or(") + shape(l.left()) + "," + shape(l.right()) + ")";
    }
    if (c instanceof Checked.Cond t) {
      return "cond(" + shape(t.cond()) + "," + shape(t.then()) + "," + shape(t.otherwise()) + ")";
    }
    Checked.Fold f = (Checked.Fold) c;
    return "fold(" + shape(f.element()) + "," + shape(f.list()) + ","
        + (f.filter() == null ? "-" : shape(f.filter())) + ")";
  }
}
