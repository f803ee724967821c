package dev.keycard.remediation;

import java.util.List;

/**
 * A fix that was applied and evaluated again before being offered: its description, the JSON Patch
 * against the input document, the text edits against the submitted text and, for {@code docker
 * run}, the command line rewritten with this fix alone (null otherwise, and null for a command
 * longer than 4,096 characters, which a thousand findings would each carry a copy of).
 */
public record Remedy(
    String description, List<PatchOp> patch, List<TextEdit> edits, String command) {
  public Remedy {
    patch = List.copyOf(patch);
    edits = List.copyOf(edits);
  }
}
