package dev.keycard.format.compose;

import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;
import java.util.function.Consumer;

/**
 * Reads {@code deploy.resources} and {@code deploy.restart_policy}. These win over the service keys
 * ({@code mem_limit}, {@code cpus}, {@code pids_limit}, {@code mem_reservation}, {@code restart})
 * because docker compose applies them last when it creates the container; when both are given with
 * different values compose-go rejects the file, so a warning says so.
 */
record Deploy(Values v, Container.Builder b) {
  void read(YNode.Map deploy, YNode.Map service) {
    if (deploy.get("resources") instanceof YNode.Map res) {
      if (res.get("limits") instanceof YNode.Map lim) {
        limits(lim, service);
      }
      if (res.get("reservations") instanceof YNode.Map resv) {
        override(
            service,
            resv.entry("memory"),
            Field.MEMORY_RESERVATION,
            Values::size,
            b.memoryReservation,
            x -> b.memoryReservation = x);
      }
    }
    if (deploy.get("restart_policy") instanceof YNode.Map rp) {
      restartPolicy(rp);
    }
  }

  private void limits(YNode.Map lim, YNode.Map service) {
    override(service, lim.entry("memory"), Field.MEMORY, Values::size, b.memory, x -> b.memory = x);
    override(service, lim.entry("cpus"), Field.CPUS, Values::number, b.cpus, x -> b.cpus = x);
    override(
        service,
        lim.entry("pids"),
        Field.PIDS_LIMIT,
        Values::integer,
        b.pidsLimit,
        x -> b.pidsLimit = x);
  }

  /**
   * Sets {@code field} from {@code e} when it holds a value, with a warning when the service's own
   * key for the field said otherwise ({@code current}).
   */
  private <T> void override(
      YNode.Map service,
      YNode.Entry e,
      Field field,
      Values.Read<T> read,
      T current,
      Consumer<T> set) {
    if (e == null) {
      return;
    }
    T x = read.read(v, e.value(), field.name());
    if (x != null) {
      conflict(service, ComposeKeys.key(field.name()), current, x, e);
      set.accept(x);
      v.locate(field, e);
    }
  }

  private void conflict(
      YNode.Map service, String key, Object current, Object value, YNode.Entry e) {
    if (service.entry(key) != null && current != null && !current.equals(value)) {
      v.diags()
          .add(
              DiagnosticCode.INPUT_INVALID_VALUE,
              key + " and deploy.resources differ; deploy.resources is used",
              e.start(),
              e.end(),
              e.key().pointer());
    }
  }

  private void restartPolicy(YNode.Map rp) {
    YNode.Entry cond = rp.entry("condition");
    String name = "always";
    if (cond != null) {
      String c = v.known(cond.value(), "restart_policy");
      if (c == null) {
        return;
      }
      name =
          switch (c) {
            case "none" -> "no";
            case "on-failure" -> "on-failure";
            case "any" -> "always";
            default -> null;
          };
      if (name == null) {
        v.invalid(cond.value(), "deploy.restart_policy.condition: unknown '" + c + "'");
        return;
      }
    }
    b.restartPolicy = name;
    b.restartMaxRetries = null;
    if (cond != null) {
      v.locate(Field.RESTART_POLICY, cond);
    }
    YNode.Entry max = rp.entry("max_attempts");
    if (max != null) {
      Long x = v.integer(max.value(), "restart_max_retries");
      if (x != null) {
        b.restartMaxRetries = (int) Math.min(Integer.MAX_VALUE, x);
        v.locate(Field.RESTART_MAX_RETRIES, max);
      }
    }
  }
}
