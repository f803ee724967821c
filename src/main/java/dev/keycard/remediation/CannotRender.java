package dev.keycard.remediation;

/** Thrown inside a renderer when the input is shaped in a way its fix cannot be written safely. */
final class CannotRender extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CannotRender(String why) {
    super(why, null, false, false);
  }
}
