package dev.keycard.policy;

/**
 * One canonical fix operation, written in terms of the model, rendered per input format by the
 * remediation stage:
 *
 * <ul>
 *   <li>{@code set}: set {@code field} to {@code value};
 *   <li>{@code remove}: remove {@code field};
 *   <li>{@code add}: add {@code value} to the list {@code field} (unless present);
 *   <li>{@code remove_item}: remove the offending element of a {@code for_each} rule from its list.
 * </ul>
 */
public record FixOperation(Op op, String field, Object value, SourceRef at) {

  /** The operation kinds, with their rule-file names. */
  public enum Op {
    SET("set"),
    REMOVE("remove"),
    ADD("add"),
    REMOVE_ITEM("remove_item");

    private final String key;

    Op(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
