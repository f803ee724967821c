package dev.keycard.format;

import dev.keycard.model.Container;
import dev.keycard.model.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;

/** A field's value in a parsed container, and whether a parser set it. */
public final class FieldValues {
  private FieldValues() {}

  /** The value of {@code field} in {@code c}. */
  public static Object of(Container c, Field field) {
    try {
      return Container.class.getMethod(field.component()).invoke(c);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code field} holds more than its absent value (null, false, empty). */
  public static boolean isSet(Container c, Field field) {
    Object v = of(c, field);
    return v != null && !Boolean.FALSE.equals(v) && !(v instanceof Collection<?> l && l.isEmpty());
  }
}
