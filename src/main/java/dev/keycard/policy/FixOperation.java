package dev.keycard.policy;

import java.util.Locale;

/**
 * One canonical fix operation, written in terms of the model, rendered per input format by the
 * remediation stage:
 *
 * <ul>
 *   <li>{@code set}: set {@code field} to {@code value};
 *   <li>{@code remove}: remove {@code field};
 *   <li>{@code add}: add {@code value} to the list {@code field}, unless it is already there — the
 *       ops are static, so the renderer checks the input: {@code {add: tmpfs, value: /tmp}} adds
 *       nothing when a tmpfs already has target {@code /tmp}, {@code {add: cap_drop, value: ALL}}
 *       nothing when ALL is dropped;
 *   <li>{@code remove_item}: remove the offending element of a {@code for_each} rule from its list.
 * </ul>
 *
 * <p>In a {@code for_each} rule over a list of records ({@code mounts}, {@code ports}, {@code
 * devices}, {@code sysctls}, {@code environment}, {@code tmpfs}), {@code set} and {@code remove}
 * name a field of the offending element, not of the container: {@code {set: host_ip, value:
 * 127.0.0.1}} in a rule over {@code ports} binds that one port to localhost (compose: the long
 * syntax's {@code host_ip} or the short syntax's {@code 127.0.0.1:} prefix; docker run: the {@code
 * -p} value; engine-api: that binding's {@code HostIp}), and {@code {remove: propagation}} in a
 * rule over {@code mounts} drops that mount's propagation option. The field must be a component of
 * the element's record ({@code Port.host_ip}, {@code Mount.propagation}, ...); the other elements
 * of the list are left as they are. In a rule over a list of strings ({@code cap_add}, {@code
 * security_opt}, ...) and in a rule without {@code for_each}, fields are container settings.
 */
public record FixOperation(Op op, String field, Object value, SourceRef at) {

  /** The operation kinds; each one's rule-file name is its own name in lower case. */
  public enum Op {
    SET,
    REMOVE,
    ADD,
    REMOVE_ITEM;

    private final String key = name().toLowerCase(Locale.ROOT);

    public String key() {
      return key;
    }
  }
}
