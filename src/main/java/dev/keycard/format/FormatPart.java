package dev.keycard.format;

import dev.keycard.input.InputFormat;
import java.util.function.Supplier;

/**
 * A format's parser or renderer: bound to the format it reads or writes, which it names to the
 * stages that hold only the part.
 */
public abstract class FormatPart {
  private final Supplier<? extends InputFormat> format;

  /**
   * {@code format} is asked for only when needed: a format builds its parts while its own instance
   * is still being built.
   */
  protected FormatPart(Supplier<? extends InputFormat> format) {
    this.format = format;
  }

  /** The format this part reads or writes. */
  public final InputFormat format() {
    return format.get();
  }
}
