package dev.keycard.model;

/** A range of the submitted text; {@code end} is exclusive. */
public record Span(Position start, Position end) {
  public Span {
    if (start == null || end == null || end.offset() < start.offset()) {
      throw new IllegalArgumentException("bad span " + start + "-" + end);
    }
  }

  /** The smallest span covering both. */
  public Span union(Span other) {
    if (other == null) {
      return this;
    }
    Position s = other.start.offset() < start.offset() ? other.start : start;
    Position e = other.end.offset() > end.offset() ? other.end : end;
    return new Span(s, e);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
