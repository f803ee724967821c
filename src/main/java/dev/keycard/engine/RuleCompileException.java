package dev.keycard.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The gate refused a rule expression or template; carries every problem found, in order. */
public final class RuleCompileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<GateError> errors;
  private final String source;

  public RuleCompileException(String source, List<GateError> errors) {
    super(errors.stream().map(GateError::toString).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a compile exception needs at least one error");
    }
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  public List<GateError> errors() {
    return errors;
  }

  /** The text that was refused. */
  public String source() {
    return source;
  }

  /** Every error with its caret line, CEL style. */
  public String formatWithCaret() {
    return errors.stream().map(e -> e.formatWithCaret(source)).collect(Collectors.joining("\n"));
  }
}
