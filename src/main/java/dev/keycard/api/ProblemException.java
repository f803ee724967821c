package dev.keycard.api;

import java.util.List;

/** Thrown by resources to answer with a problem+json document. */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public ProblemException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public ProblemException(ErrorCode code, String detail, List<Problem.ErrorItem> errors) {
    super(detail);
    this.problem = Problem.of(code, detail, errors);
  }

  public Problem problem() {
    return problem;
  }
}
