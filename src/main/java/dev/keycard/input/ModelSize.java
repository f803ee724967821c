package dev.keycard.input;

import dev.keycard.budget.Budget;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.model.Container;

/**
 * The list elements (mounts, capabilities, variables, ports, ...) of one input's containers,
 * counted as each container is built and refused past {@code max-model-elements} (413): after alias
 * expansion and {@code extends}, a 28 KB compose document can hold 80,000 mounts, more than the
 * located model, its findings and their fixes can be carried in an answer.
 */
public final class ModelSize {
  private final int max;
  private long elements;

  private ModelSize(int max) {
    this.max = max;
  }

  /** A count under the cap of the request being served. */
  public static ModelSize ofRequest() {
    return new ModelSize(Budget.current().caps().maxModelElements());
  }

  /**
   * Counts one more container's list elements.
   *
   * @throws LimitExceeded past {@code max-model-elements}
   */
  public void add(Container c) {
    Budget.current().tick();
    elements += elements(c);
    if (elements > max) {
      throw LimitExceeded.tooLarge(
          "max-model-elements",
          max,
          "the input's containers hold more than "
              + max
              + " list elements (mounts, capabilities, variables, ports, ...) once aliases,"
              + " merges and extends are expanded (keycard.limits.max-model-elements)");
    }
  }

  /** The list elements of one container. */
  public static long elements(Container c) {
    return size(c.capAdd())
        + size(c.capDrop())
        + size(c.capAddAsWritten())
        + size(c.capDropAsWritten())
        + size(c.tmpfs())
        + size(c.securityOpt())
        + size(c.selinux())
        + size(c.podSelinux())
        + size(c.networks())
        + size(c.mounts())
        + size(c.volumes())
        + size(c.devices())
        + size(c.deviceCgroupRules())
        + size(c.ports())
        + size(c.sysctls())
        + size(c.environment())
        + size(c.probeHosts())
        + size(c.command())
        + size(c.entrypoint());
  }

  private static int size(java.util.List<?> l) {
    return l == null ? 0 : l.size();
  }
}
