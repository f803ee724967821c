package dev.keycard.remediation;

import java.util.Locale;

/**
 * What applying a fix costs the program: {@link #SAFE} closes the finding and rarely changes what
 * the program can do; {@link #REVIEW} removes or changes something a program may need.
 */
public enum Impact {
  SAFE,
  REVIEW;

  /** The name on the wire: {@code safe}, {@code review}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
