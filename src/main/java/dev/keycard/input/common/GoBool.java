package dev.keycard.input.common;

import java.util.Optional;

/** Go's {@code strconv.ParseBool}: the spellings the Docker CLI and daemon accept. */
public final class GoBool {
  private GoBool() {}

  public static Optional<Boolean> parse(String s) {
    switch (s) {
      case "1", "t", "T", "TRUE", "true", "True":
        return Optional.of(Boolean.TRUE);
      case "0", "f", "F", "FALSE", "false", "False":
        return Optional.of(Boolean.FALSE);
      default:
        return Optional.empty();
    }
  }
}
