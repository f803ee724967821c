package dev.keycard.engine;

import dev.keycard.budget.Budget;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of frozen values that charges the request's {@link Budget} for every element a
 * rule reads. Projections and {@code contains} are the only loops a rule has, and both go through
 * {@link #get(int)} (the iterators of {@link AbstractList} do), so a rule that would run past the
 * deadline stops within milliseconds of it.
 */
final class FrozenList extends AbstractList<Object> implements RandomAccess {
  /** The empty list: every empty list of every frozen container (it holds nothing to charge for). */
  static final FrozenList EMPTY = new FrozenList(new Object[0]);

  private final Object[] items;

  FrozenList(List<Object> items) {
    this.items = items.toArray();
  }

  /** A list of {@code items}, which the caller hands over and never touches again. */
  private FrozenList(Object[] items) {
    this.items = items;
  }

  /** The frozen list of {@code items}, made by {@code freeze} element by element (one array). */
  static FrozenList of(List<?> items, java.util.function.Function<Object, Object> freeze) {
    if (items.isEmpty()) {
      return EMPTY;
    }
    Object[] out = new Object[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = freeze.apply(items.get(i));
    }
    return new FrozenList(out);
  }

  /** The element; charges the budget of the request this thread works for. */
  @Override
  public Object get(int index) {
    Budget.current().tick();
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
