package dev.keycard.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which parts of the container an expression reads, finer than its fields: {@code mounts.source}
 * for {@code ($ in c.mounts if $.source == '/')}, {@code mounts.#} for the list itself (its
 * length), {@code privileged.*} for a whole field, {@code *.*} when {@code c} itself is passed on;
 * {@code item:} marks what a for_each rule reads of its current element. A rule is undecided only
 * when a value it reads is unknown, so {@code $ENVVAR/data:/data:rshared} still decides a rule
 * that reads only the mount's propagation.
 */
final class Reads {
  /** Any part of a field, or any field. */
  static final String ANY = "*";

  /** A list's length and order, not its elements' values. */
  static final String LIST = "#";

  /** The prefix of what a for_each rule reads of its own element. */
  static final String ITEM = "item:";

  private final List<Object> slots;
  private final String forEach;
  private final Set<String> out = new TreeSet<>();

  private Reads(List<Object> slots, String forEach) {
    this.slots = slots;
    this.forEach = forEach;
  }

  /** The parts {@code tree} reads; {@code forEach} is the rule's list field, or null. */
  static Set<String> of(Checked tree, List<Object> slots, String forEach) {
    Reads r = new Reads(slots, forEach);
    r.walk(tree, null);
    return Set.copyOf(r.out);
  }

  private void add(String field, String part) {
    out.add(field + "." + part);
  }

  private void walk(Checked c, String dollar) {
    if (c instanceof Checked.Root r) {
      root(r.name(), null, dollar);
    } else if (c instanceof Checked.Path p) {
      root(p.root(), p.fields(), dollar);
    } else if (c instanceof Checked.Fn f) {
      if ((f.name().equals("__kc_get") || f.name().equals("__kc_nav"))
          && f.args().get(1) instanceof Checked.Slot s
          && slots.get(s.index()) instanceof String name
          && (f.args().get(0) instanceof Checked.Root || f.args().get(0) instanceof Checked.Path)) {
        Checked target = f.args().get(0);
        List<String> chain = new java.util.ArrayList<>();
        String root;
        if (target instanceof Checked.Path p) {
          root = p.root();
          chain.addAll(p.fields());
        } else {
          root = ((Checked.Root) target).name();
        }
        chain.add(name);
        root(root, chain, dollar);
        return;
      }
      f.args().forEach(a -> walk(a, dollar));
    } else if (c instanceof Checked.Not n) {
      walk(n.operand(), dollar);
    } else if (c instanceof Checked.Bin b) {
      walk(b.left(), dollar);
      walk(b.right(), dollar);
    } else if (c instanceof Checked.Logic l) {
      walk(l.left(), dollar);
      walk(l.right(), dollar);
    } else if (c instanceof Checked.Cond t) {
      walk(t.cond(), dollar);
      walk(t.then(), dollar);
      walk(t.otherwise(), dollar);
    } else if (c instanceof Checked.Fold f) {
      String field = null;
      if (f.list() instanceof Checked.Path p && p.root().equals(Parser.INPUT) && p.fields().size() == 1) {
        field = p.fields().get(0);
        add(field, LIST);
      } else {
        walk(f.list(), dollar);
      }
      walk(f.element(), field);
      if (f.filter() != null) {
        walk(f.filter(), field);
      }
    }
  }

  /** A read of {@code root} followed by {@code fields} (null: the root itself). */
  private void root(String root, List<String> fields, String dollar) {
    String first = fields == null || fields.isEmpty() ? null : fields.get(0);
    switch (root) {
      case Parser.INPUT:
        if (first == null) {
          add(ANY, ANY);
        } else {
          add(first, fields.size() > 1 ? fields.get(1) : ANY);
        }
        break;
      case Parser.DOLLAR:
        if (dollar != null) {
          add(dollar, first == null ? ANY : first);
        }
        break;
      case Parser.ITEM:
        if (forEach != null) {
          out.add(ITEM + forEach + "." + (first == null ? ANY : first));
        }
        break;
      default:
        break;
    }
  }
}
