package dev.keycard.input;

import dev.keycard.model.Span;
import java.util.List;

/**
 * A waiver written in the input as a comment ({@code # keycard:ignore KC-031 reason}), attached to
 * the one node it sits on.
 *
 * @param ruleIds the rule ids it names, as written
 * @param reason the text after the ids, or null when there is none
 * @param span where the comment is written, from its {@code #} to its end
 * @param container the index, in the input it was read from, of the container whose mapping holds
 *     the comment's node; -1 when the comment sits on no node of a container (it waives nothing)
 * @param node the JSON pointer of the node it sits on (null when it sits on none); for the
 *     container's own node the waiver covers the whole container
 * @param wholeContainer whether it sits on the container's own node (a service key)
 */
public record CommentWaiver(
    List<String> ruleIds,
    String reason,
    Span span,
    int container,
    String node,
    boolean wholeContainer) {
  public CommentWaiver {
    ruleIds = List.copyOf(ruleIds);
  }

  /** Whether it sits on a node of a container, and so can waive something. */
  public boolean attached() {
    return container >= 0 && node != null;
  }
}
