package dev.keycard.remediation;

import java.util.List;

/**
 * A fix that was applied and evaluated again before being offered: its description, the JSON Patch
 * against the input document, the text edits against the submitted text and, for {@code docker
 * run}, the whole fixed command line (null otherwise).
 */
public record Remedy(
    String description, List<PatchOp> patch, List<TextEdit> edits, String command) {
  public Remedy {
    patch = List.copyOf(patch);
    edits = List.copyOf(edits);
  }
}
