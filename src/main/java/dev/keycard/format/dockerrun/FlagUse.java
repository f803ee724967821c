package dev.keycard.format.dockerrun;

/**
 * One occurrence of a flag on the command line: the flag, how it was written ({@code -p}, {@code
 * --publish}), its value (null for a bool flag given without {@code =}) and the source range {@code
 * [start, end)} covering the flag and its value.
 */
record FlagUse(FlagSpec spec, String written, Piece value, int start, int end) {
  /** The canonical long name ({@code --network} for {@code --net}). */
  String name() {
    return spec.canonical();
  }

  String text() {
    return value == null ? null : value.text();
  }
}
