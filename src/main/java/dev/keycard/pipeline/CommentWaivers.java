package dev.keycard.pipeline;

import dev.keycard.engine.Finding;
import dev.keycard.input.CommentWaiver;
import dev.keycard.input.ParsedInput;
import dev.keycard.policy.Waiver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code # keycard:ignore} comments of a parsed input, indexed by container, node and rule: a
 * comment waives a finding of the container in whose mapping it is written, at the node it sits on
 * or below it (anywhere in the container for one on the service key), and only where the finding
 * points into the text the comment is written in. A finding about a setting another service's
 * mapping holds ({@code extends}, an anchor) is that other mapping's text, but not its service's
 * finding; one that points at a companion file (a Dockerfile) is in another document.
 */
final class CommentWaivers {
  /** A waiver's place: a container (index in the whole input), a node (null: all of it), a rule. */
  private record Key(int container, String node, String ruleId) {}

  private final Map<Key, CommentWaiver> byKey = new HashMap<>();

  private CommentWaivers(ParsedInput parsed) {
    List<ParsedInput> parts = parsed.hasParts() ? parsed.parts() : List.of(parsed);
    int offset = 0;
    for (ParsedInput part : parts) {
      for (CommentWaiver w : part.waivers()) {
        if (!w.attached()) {
          continue;
        }
        String node = w.wholeContainer() ? null : w.node();
        for (String id : w.ruleIds()) {
          byKey.putIfAbsent(new Key(offset + w.container(), node, id), w);
        }
      }
      offset += part.containers().size();
    }
  }

  static CommentWaivers of(ParsedInput parsed) {
    return new CommentWaivers(parsed);
  }

  /** The waiver a comment gives {@code f}, or null. */
  Waiver covering(Finding f) {
    if (byKey.isEmpty() || f.location() == null || f.location().span() == null) {
      return null;
    }
    CommentWaiver w = byKey.get(new Key(f.containerIndex(), null, f.ruleId()));
    String path = f.location().path();
    if (w == null && path != null) {
      // the node itself, then each node above it: /services/web/volumes/0, /services/web/volumes
      for (int end = path.length(); w == null && end > 0; end = path.lastIndexOf('/', end - 1)) {
        w = byKey.get(new Key(f.containerIndex(), path.substring(0, end), f.ruleId()));
      }
    }
    return w == null ? null : new Waiver(f.ruleId(), f.container(), w.reason(), null, true);
  }
}
