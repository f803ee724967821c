package dev.keycard.input.yaml;

import dev.keycard.budget.Budget;
import dev.keycard.budget.LimitExceeded;

/**
 * The {@code max-yaml-nodes} count of one read: nodes after alias expansion. A billion-laughs
 * document uses few aliases that multiply, so the number of aliases alone does not stop it, and an
 * anchored list of 800 mounts given to 99 services is 80,000 nodes from 28 KB of text. Every node
 * counts, a scalar reached through an alias too; each count is also a tick of the request's budget.
 */
public final class YamlNodeLimit {
  private final int max = Budget.current().caps().maxYamlNodes();
  private final String what;
  private long nodes;

  /** @param what what is read, for the refusal: "document", "stream" */
  public YamlNodeLimit(String what) {
    this.what = what;
  }

  /**
   * Counts {@code n} more nodes.
   *
   * @throws LimitExceeded past {@code max-yaml-nodes} (413)
   */
  public void add(long n) {
    nodes += n;
    Budget.current().tick();
    if (nodes > max) {
      throw LimitExceeded.tooLarge(
          "max-yaml-nodes",
          max,
          "the YAML "
              + what
              + " has more than "
              + max
              + " nodes once its aliases are expanded (keycard.limits.max-yaml-nodes)");
    }
  }
}
