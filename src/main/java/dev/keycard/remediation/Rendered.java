package dev.keycard.remediation;

import java.util.List;

/**
 * A fix rendered into the input's format: JSON Patch operations on the input document (empty for
 * formats without one), text edits on the submitted text (empty when the input had no text), and a
 * note when the fix deserves a word of caution (null otherwise).
 */
public record Rendered(List<PatchOp> patch, List<TextEdit> edits, String note) {
  public Rendered {
    patch = List.copyOf(patch);
    edits = List.copyOf(edits);
  }

  /** True when the fix changes nothing, which is never worth offering. */
  public boolean isEmpty() {
    return patch.isEmpty() && edits.isEmpty();
  }
}
