package dev.keycard.remediation;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import java.util.Optional;

/** Renders a finding's canonical fix operations into one input format. */
public interface FixRenderer {
  /** The format this renderer writes. */
  InputFormat format();

  /**
   * The fix for {@code finding} in {@code input}, or empty when this format cannot express it
   * safely (for instance, the value came from a variable only the client knows).
   */
  Optional<Rendered> render(ParsedInput input, Finding finding);
}
