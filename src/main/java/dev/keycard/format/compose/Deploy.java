package dev.keycard.format.compose;

import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;

/**
 * Reads {@code deploy.resources} and {@code deploy.restart_policy}. These win over the service keys
 * ({@code mem_limit}, {@code cpus}, {@code pids_limit}, {@code mem_reservation}, {@code restart})
 * because docker compose applies them last when it creates the container; when both are given with
 * different values compose-go rejects the file, so a warning says so.
 */
final class Deploy {
  private final Values v;
  private final Container.Builder b;

  Deploy(Values values) {
    this.v = values;
    this.b = values.builder();
  }

  void read(YNode.Map deploy, YNode.Map service) {
    if (deploy.get("resources") instanceof YNode.Map res) {
      if (res.get("limits") instanceof YNode.Map lim) {
        limits(lim, service);
      }
      if (res.get("reservations") instanceof YNode.Map resv) {
        YNode.Entry m = resv.entry("memory");
        if (m != null) {
          Long x = v.size(m.value(), "memory_reservation");
          if (x != null) {
            conflict(service, "mem_reservation", b.memoryReservation, x, m);
            b.memoryReservation = x;
            v.locate(Field.MEMORY_RESERVATION, m);
          }
        }
      }
    }
    if (deploy.get("restart_policy") instanceof YNode.Map rp) {
      restartPolicy(rp);
    }
  }

  private void limits(YNode.Map lim, YNode.Map service) {
    YNode.Entry mem = lim.entry("memory");
    if (mem != null) {
      Long x = v.size(mem.value(), "memory");
      if (x != null) {
        conflict(service, "mem_limit", b.memory, x, mem);
        b.memory = x;
        v.locate(Field.MEMORY, mem);
      }
    }
    YNode.Entry cpus = lim.entry("cpus");
    if (cpus != null) {
      Double x = v.number(cpus.value(), "cpus");
      if (x != null) {
        conflict(service, "cpus", b.cpus, x, cpus);
        b.cpus = x;
        v.locate(Field.CPUS, cpus);
      }
    }
    YNode.Entry pids = lim.entry("pids");
    if (pids != null) {
      Long x = v.integer(pids.value(), "pids_limit");
      if (x != null) {
        conflict(service, "pids_limit", b.pidsLimit, x, pids);
        b.pidsLimit = x;
        v.locate(Field.PIDS_LIMIT, pids);
      }
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
