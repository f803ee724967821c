package dev.keycard.engine.fn;

import dev.keycard.input.common.Sizes;
import java.util.OptionalLong;

/** Sizes as Docker reads them ({@code 512m}, {@code 1g}, {@code 1024}). */
public final class SizeFunctions {
  private SizeFunctions() {}

  /** Bytes of a Docker size, as Integer when it fits else Long (like frozen input numbers). */
  public static Object bytes(String size) {
    Text.read(size);
    OptionalLong n = Sizes.ramInBytes(size);
    if (n.isEmpty()) {
      throw new IllegalArgumentException("not a size: " + size);
    }
    long v = n.getAsLong();
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }
}
