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
  private final Object[] items;

  FrozenList(List<Object> items) {
    this.items = items.toArray();
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
