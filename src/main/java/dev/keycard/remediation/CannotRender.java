package dev.keycard.remediation;

/** Thrown inside a renderer when the input is shaped in a way its fix cannot be written safely. */
public final class CannotRender extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CannotRender(String why) {
    super(why, null, false, false);
  }
}
