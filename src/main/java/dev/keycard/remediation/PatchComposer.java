package dev.keycard.remediation;

import dev.keycard.budget.Budget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Patches of several fixes, each written against the same document, as one patch that
 * applies in order: an array index an earlier fix's removal has moved is written where the element
 * now is ({@code /cap_add/5} after {@code /cap_add/2} was removed is {@code /cap_add/4}). A fix
 * whose operations touch what an earlier fix touched (the same value, a value inside one an earlier
 * fix replaced or removed, the parent of one it changed) does not compose and is refused, as is an
 * insertion at an array index. Each operation costs a walk of its path and a logarithm, so a
 * thousand removals from one list compose in linear time rather than one fix a round.
 */
public final class PatchComposer {
  private final Object document;
  private final List<PatchOp> ops = new ArrayList<>();

  /** Pointers (in the document as written) that an earlier fix replaced, removed or added. */
  private final Set<String> written = new HashSet<>();

  /** Every proper ancestor of a written pointer, and every array an earlier fix appended to. */
  private final Set<String> above = new HashSet<>();

  /** The indices (as written) removed so far from each array, by the array's pointer. */
  private final Map<String, Removed> removed = new HashMap<>();

  /** A composer for fixes written against {@code document} (a JSON-shaped tree, not changed). */
  public PatchComposer(Object document) {
    this.document = document;
  }

  /**
   * Adds one fix's operations when they compose with the fixes added so far; otherwise adds nothing
   * and returns false.
   */
  public boolean add(List<PatchOp> fix) {
    List<Placed> placed = new ArrayList<>(fix.size());
    Map<String, Integer> through = new HashMap<>();
    Set<String> shrunk = new HashSet<>();
    for (PatchOp op : fix) {
      Budget.current().tick();
      Placed p = place(op);
      if (p == null) {
        return false;
      }
      p.arrays.forEach(a -> through.merge(a, 1, Integer::sum));
      if (p.removedFrom != null) {
        shrunk.add(p.removedFrom);
      }
      placed.add(p);
    }
    for (String a : shrunk) {
      if (through.get(a) > 1) {
        // one operation of the fix removes an element of a list another goes through: the fix's
        // own operations are written one after the other, so not all their indices are as written
        return false;
      }
    }
    for (Placed p : placed) {
      ops.add(p.op);
      if (p.appendTo != null) {
        above.add(p.appendTo);
        ancestors(p.appendTo, above);
        continue;
      }
      written.add(p.pointer);
      ancestors(p.pointer, above);
      if (p.removedFrom != null) {
        removed.computeIfAbsent(p.removedFrom, k -> new Removed(p.arraySize)).add(p.index);
      }
    }
    return true;
  }

  /** The operations added so far, in the order they apply. */
  public List<PatchOp> patch() {
    return List.copyOf(ops);
  }

  /**
   * One operation placed in the document as it is after the earlier fixes: where it points in the
   * document as written, the array it appends to or removes element {@code index} from, and every
   * array its path goes through by index.
   */
  private record Placed(
      PatchOp op,
      String pointer,
      String appendTo,
      String removedFrom,
      int arraySize,
      int index,
      List<String> arrays) {}

  /** The operation rewritten for the earlier fixes' removals, or null when it does not compose. */
  private Placed place(PatchOp op) {
    List<String> tokens = JsonPatch.tokens(op.path());
    StringBuilder asWritten = new StringBuilder();
    StringBuilder now = new StringBuilder();
    List<String> arrays = new ArrayList<>(1);
    Object at = document;
    for (int j = 0; j < tokens.size(); j++) {
      String parent = asWritten.toString();
      if (written.contains(parent)) {
        return null; // inside a value an earlier fix replaced, removed or added
      }
      String t = tokens.get(j);
      boolean last = j == tokens.size() - 1;
      if (at instanceof List<?> l) {
        if (t.equals("-") && last && op.op().equals("add")) {
          PatchOp append = new PatchOp(op.op(), now + "/-", op.value());
          return new Placed(append, null, parent, null, 0, -1, List.of());
        }
        int i = JsonPatch.arrayIndex(t);
        if (i < 0 || i >= l.size() || (last && op.op().equals("add"))) {
          return null; // an insertion, or a path the document does not have
        }
        Removed r = removed.get(parent);
        if (r != null && r.contains(i)) {
          return null;
        }
        arrays.add(parent);
        now.append('/').append(r == null ? i : i - r.below(i));
        asWritten.append('/').append(i);
        at = l.get(i);
        if (last && op.op().equals("remove")) {
          String pointer = asWritten.toString();
          return above.contains(pointer) || written.contains(pointer)
              ? null
              : new Placed(
                  new PatchOp(op.op(), now.toString(), op.value()),
                  pointer,
                  null,
                  parent,
                  l.size(),
                  i,
                  arrays);
        }
      } else {
        String escaped = JsonPatch.escape(t);
        now.append('/').append(escaped);
        asWritten.append('/').append(escaped);
        at = at instanceof Map<?, ?> m ? m.get(t) : null;
      }
    }
    String pointer = asWritten.toString();
    if (written.contains(pointer) || above.contains(pointer)) {
      return null; // the same value twice, or a value holding one an earlier fix changed
    }
    return new Placed(
        new PatchOp(op.op(), now.toString(), op.value()), pointer, null, null, 0, -1, arrays);
  }

  private static void ancestors(String pointer, Set<String> into) {
    for (int k = pointer.lastIndexOf('/'); k >= 0; k = pointer.lastIndexOf('/', k - 1)) {
      if (!into.add(pointer.substring(0, k))) {
        return; // its ancestors are there already
      }
      if (k == 0) {
        return;
      }
    }
  }

  /** The removed indices of one array, counted by a Fenwick tree. */
  private static final class Removed {
    private final int[] tree;
    private final boolean[] gone;

    Removed(int size) {
      tree = new int[size + 1];
      gone = new boolean[size];
    }

    void add(int i) {
      gone[i] = true;
      for (int k = i + 1; k < tree.length; k += k & -k) {
        tree[k]++;
      }
    }

    boolean contains(int i) {
      return gone[i];
    }

    /** How many indices below {@code i} are removed. */
    int below(int i) {
      int n = 0;
      for (int k = i; k > 0; k -= k & -k) {
        n += tree[k];
      }
      return n;
    }
  }
}
