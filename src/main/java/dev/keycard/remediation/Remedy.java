package dev.keycard.remediation;

import java.util.List;

/**
 * A fix that was applied and evaluated again before being offered: its description, the JSON Patch
 * against the input document, the text edits against the submitted text, for {@code docker run} the
 * command line rewritten with this fix alone (null otherwise, and null for a command longer than
 * 4,096 characters, which a thousand findings would each carry a copy of), and what applying it
 * costs the program ({@link FixImpact}).
 */
public record Remedy(
    String description,
    List<PatchOp> patch,
    List<TextEdit> edits,
    String command,
    FixImpact impact) {
  public Remedy {
    patch = List.copyOf(patch);
    edits = List.copyOf(edits);
  }

  /** A fix whose impact was not computed (null): treated as needing review. */
  public Remedy(String description, List<PatchOp> patch, List<TextEdit> edits, String command) {
    this(description, patch, edits, command, null);
  }

  /** Whether applying it needs a review first. */
  public boolean review() {
    return impact == null || !impact.safe();
  }
}
