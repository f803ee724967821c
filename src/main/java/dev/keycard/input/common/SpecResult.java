package dev.keycard.input.common;

import java.util.List;

/** A value parsed from a short-syntax spec, or the reason it is not valid. */
public record SpecResult<T>(List<T> values, String error) {
  public static <T> SpecResult<T> ok(List<T> values) {
    return new SpecResult<>(List.copyOf(values), null);
  }

  public static <T> SpecResult<T> fail(String error) {
    return new SpecResult<>(List.of(), error);
  }

  public boolean isOk() {
    return error == null;
  }
}
