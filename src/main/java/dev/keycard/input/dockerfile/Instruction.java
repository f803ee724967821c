package dev.keycard.input.dockerfile;

/**
 * One Dockerfile instruction after continuation lines were joined and comment lines dropped: the
 * keyword in upper case, its arguments, and for each argument char its offset in the Dockerfile
 * text (so that a value can be pointed at even when it spans lines).
 */
record Instruction(String keyword, String args, int[] offsets, int start) {

  /**
   * The text offset of {@code args[index]}; {@code index == args.length()} is just past the end.
   */
  int offset(int index) {
    if (index < args.length()) {
      return offsets[index];
    }
    return args.isEmpty() ? start : offsets[args.length() - 1] + 1;
  }
}
