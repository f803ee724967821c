package dev.keycard.remediation;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remediation stage's entry point: picks the renderer for the input's format. It renders only;
 * checking that a fix closes its finding needs the whole pipeline and happens there.
 */
public final class Remediator {
  private final Map<InputFormat, FixRenderer> renderers = new HashMap<>();

  public Remediator(List<FixRenderer> renderers) {
    for (FixRenderer r : renderers) {
      this.renderers.put(r.format(), r);
    }
  }

  /** The rendered fix, or empty when the finding has no fix or the format cannot express it. */
  public Optional<Rendered> render(ParsedInput input, Finding finding) {
    if (input.hasParts()) {
      return renderInPart(input, finding);
    }
    FixRenderer r = renderers.get(input.format());
    if (r == null || finding.fix().isEmpty()) {
      return Optional.empty();
    }
    try {
      return r.render(input, finding).filter(x -> !x.isEmpty());
    } catch (CannotRender e) {
      // a shape the renderer knowingly declines (an alias item, a dash-shared line): no fix
      return Optional.empty();
    }
  }

  /**
   * A finding of a chat message read in parts, rendered by its part's format: its text edits are
   * already the message's; its JSON Patch is left out, as the message has no one document.
   */
  private Optional<Rendered> renderInPart(ParsedInput input, Finding f) {
    ParsedInput.Located at = input.locate(f.containerIndex());
    Finding local =
        new Finding(
            f.ruleId(), f.title(), f.severity(), f.message(), f.container(), at.index(), f.path(),
            f.location(), f.references(), f.remediation(), f.fix(), f.itemIndex(),
            f.fingerprint());
    return render(at.part(), local)
        .map(r -> new Rendered(List.of(), r.edits(), r.note()))
        .filter(x -> !x.isEmpty());
  }
}
