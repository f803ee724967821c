package dev.keycard.remediation;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import java.util.Optional;

/** Renders fixes for EngineApi inputs. */
final class EngineApiRenderer implements FixRenderer {
  @Override
  public InputFormat format() {
    return InputFormat.ENGINE_API;
  }

  @Override
  public Optional<Rendered> render(ParsedInput input, Finding f) {
    return Optional.empty();
  }
}
