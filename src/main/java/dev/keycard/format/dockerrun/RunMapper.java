package dev.keycard.format.dockerrun;

import com.google.re2j.Pattern;
import dev.keycard.input.common.Capabilities;
import dev.keycard.input.common.DeviceSpecs;
import dev.keycard.input.common.GoBool;
import dev.keycard.input.common.PartlyKnown;
import dev.keycard.input.common.SecurityOptions;
import dev.keycard.input.common.Sizes;
import dev.keycard.input.common.SpecResult;
import dev.keycard.input.common.Sysctls;
import dev.keycard.input.common.Users;
import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Origin;
import dev.keycard.model.Sysctl;
import java.util.List;
import java.util.Set;

/**
 * Maps the flags of one {@code docker run} onto the canonical container, as docker/cli's {@code
 * parse()} would turn them into the create request: values are validated by their pflag type first
 * (an invalid one is a warning and is left out), then each security-relevant flag sets its field
 * and records where it was written.
 */
final class RunMapper {
  private static final Pattern RETRY_COUNT = Pattern.compile("[-+]?\\d{1,9}");
  private static final Pattern CGROUP_RULE =
      Pattern.compile("[acb] ([0-9]+|\\*):([0-9]+|\\*) [rwm]{1,3}");
  private final MapContext ctx;
  private final Container.Builder b;
  private final NetworkFlags networks;
  private final MountFlags mounts;
  private Origin quotaOrigin;
  private boolean healthOptions;
  private FlagUse noHealthcheck;

  RunMapper(MapContext ctx) {
    this.ctx = ctx;
    this.b = ctx.b;
    this.networks = new NetworkFlags(ctx);
    this.mounts = new MountFlags(ctx);
  }

  void apply(FlagUse u) {
    if (u.value() != null && !u.value().isUnknown() && !FlagValues.valid(u, ctx)) {
      return;
    }
    Piece v = u.value();
    Origin at = ctx.origin(u);
    switch (u.name()) {
      case "--name" -> setText(Field.NAME, at, u, () -> b.name = v.text());
      case "--user" -> setText(Field.USER, at, u, () -> user(v.text(), at));
      case "--privileged" -> flag(Field.PRIVILEGED, u, on -> b.privileged = on);
      case "--read-only" -> flag(Field.READ_ONLY, u, on -> b.readOnly = on);
      case "--oom-kill-disable" -> flag(Field.OOM_KILL_DISABLE, u, on -> b.oomKillDisable = on);
      case "--publish-all" -> flag(Field.PUBLISH_ALL, u, on -> b.publishAll = on);
      case "--cap-add" -> capabilities(u, b.capAdd, Field.CAP_ADD);
      case "--cap-drop" -> capabilities(u, b.capDrop, Field.CAP_DROP);
      case "--security-opt" -> {
        int index = b.securityOpt.size();
        SecurityOptions.apply(b, v.text(), at);
        ctx.unknownIf("security_opt[" + index + "]", v, u);
      }
      case "--memory" -> set(Field.MEMORY, at, u, () -> b.memory = bytes(v));
      case "--memory-reservation" ->
          set(Field.MEMORY_RESERVATION, at, u, () -> b.memoryReservation = bytes(v));
      case "--memory-swap" -> set(Field.MEMORY_SWAP, at, u, () -> b.memorySwap = bytes(v));
      case "--cpus" -> set(Field.CPUS, at, u, () -> b.cpus = GoValues.parseCpus(v.text()));
      case "--cpu-shares" -> set(Field.CPU_SHARES, at, u, () -> b.cpuShares = integer(v));
      case "--cpu-quota" -> {
        set(Field.CPU_QUOTA, at, u, () -> b.cpuQuota = integer(v));
        quotaOrigin = at;
      }
      case "--cpu-period" -> set(Field.CPU_PERIOD, at, u, () -> b.cpuPeriod = integer(v));
      case "--pids-limit" -> set(Field.PIDS_LIMIT, at, u, () -> b.pidsLimit = integer(v));
      case "--network" -> networks.add(u);
      case "--pid" -> namespace(Field.PID, u, at, Set.of("", "host"), true, s -> b.pid = s);
      case "--uts" -> namespace(Field.UTS, u, at, Set.of("", "host"), false, s -> b.uts = s);
      case "--userns" -> namespace(Field.USERNS, u, at, Set.of("", "host"), false, s -> b.userns = s);
      case "--cgroupns" ->
          namespace(Field.CGROUPNS, u, at, Set.of("", "host", "private"), false, s -> b.cgroupns = s);
      case "--ipc" -> setText(Field.IPC, at, u, () -> b.ipc = v.text());
      case "--cgroup-parent" -> setText(Field.CGROUP_PARENT, at, u, () -> b.cgroupParent = v.text());
      case "--volume" -> mounts.volume(u);
      case "--mount" -> mounts.mount(u);
      case "--tmpfs" -> mounts.tmpfs(u);
      case "--use-api-socket" -> mounts.apiSocket(u);
      case "--device" -> device(u, at);
      case "--device-cgroup-rule" -> cgroupRules(u, at);
      case "--publish" -> Ports.publish(ctx, u);
      case "--sysctl" -> sysctl(u, at);
      case "--env" -> Environment.env(ctx, u);
      case "--env-file" ->
          ctx.sink.add(
              DiagnosticCode.INPUT_UNREAD_FILE,
              "env file " + v.text() + " was not read; its variables are unknown",
              u.start(),
              u.end());
      case "--restart" -> restart(u, at);
      case "--health-cmd" -> {
        healthOptions = true;
        setText(
            Field.HEALTHCHECK,
            at,
            u,
            () -> b.healthcheck = new Healthcheck(List.of("CMD-SHELL", v.text()), false));
      }
      case "--health-interval",
          "--health-retries",
          "--health-start-interval",
          "--health-start-period",
          "--health-timeout" ->
          healthOptions = true;
      case "--no-healthcheck" -> {
        if (on(u)) {
          noHealthcheck = u;
          b.healthcheck = new Healthcheck(List.of("NONE"), true);
          b.locate(Field.HEALTHCHECK, at);
        }
      }
      case "--entrypoint" -> setText(Field.ENTRYPOINT, at, u, () -> b.entrypoint = List.of(v.text()));
      default -> {
        // consumed and validated by type; not part of the model
      }
    }
  }

  /** Settings that depend on several flags, once all are read. */
  void finish() {
    networks.finish();
    if (b.cpus == null && b.cpuQuota != null && b.cpuQuota > 0) {
      long period = b.cpuPeriod != null && b.cpuPeriod > 0 ? b.cpuPeriod : 100_000L;
      b.cpus = (double) b.cpuQuota / period;
      b.locate(Field.CPUS, quotaOrigin);
    }
    if (noHealthcheck != null && healthOptions) {
      ctx.sink.add(
          DiagnosticCode.INPUT_INVALID_VALUE,
          "--no-healthcheck conflicts with --health-* options; docker would refuse the command",
          noHealthcheck.start(),
          noHealthcheck.end());
    }
  }

  /** Sets a numeric or bool field; an unknown value leaves it unset and lists it as unknown. */
  private void set(Field field, Origin at, FlagUse u, Runnable setter) {
    if (ctx.unknownIf(field.name(), u.value(), u)) {
      return;
    }
    setter.run();
    locateLast(field.name(), at);
  }

  /**
   * Locates a single-valued flag given again: the last one counts (as in docker), the places of the
   * earlier ones are kept as {@code path#1}, {@code path#2}, ... so that a fix removing the setting
   * removes every one, not only the last.
   */
  private void locateLast(String path, Origin at) {
    Origin earlier = b.locations.get(path);
    if (earlier != null && at != null && !earlier.equals(at)) {
      ctx.locateRepeat(path, earlier);
    }
    b.locate(path, at);
  }

  /**
   * Sets a text field even when its value is unknown: the literal ({@code $(id -u):$(id -g)}) says
   * more than nothing, and the path is listed as unknown so that no rule trusts it.
   */
  private void setText(Field field, Origin at, FlagUse u, Runnable setter) {
    ctx.unknownIf(field.name(), u.value(), u);
    setter.run();
    locateLast(field.name(), at);
  }

  private void user(String user, Origin at) {
    Users.apply(b, user);
    if (b.uid != null) {
      b.locate(Field.UID, at);
    }
    if (b.gid != null) {
      b.locate(Field.GID, at);
    }
  }

  private void flag(Field field, FlagUse u, java.util.function.Consumer<Boolean> setter) {
    if (ctx.unknownIf(field.name(), u.value(), u)) {
      return;
    }
    setter.accept(on(u));
    locateLast(field.name(), ctx.origin(u));
  }

  /** A bool flag's value: true when given bare, else its (already validated) Go bool. */
  private static boolean on(FlagUse u) {
    return u.value() == null || GoBool.parse(u.text()).orElse(false);
  }

  private static Long bytes(Piece v) {
    if (v.text().equals("-1")) {
      return -1L; // MemSwapBytes: unlimited swap
    }
    return Sizes.ramInBytes(v.text()).orElse(0L);
  }

  private static Long integer(Piece v) {
    return GoValues.parseInt(v.text(), 64);
  }

  private void capabilities(FlagUse u, List<String> list, Field field) {
    Piece v = u.value();
    List<Piece> parts =
        ctx.podman && PodmanFlags.COMMA_SPLIT.contains(u.name()) ? split(v, ',') : List.of(v);
    for (Piece p : parts) {
      if (p.text().isBlank()) {
        continue;
      }
      int index = list.size();
      list.add(Capabilities.normalize(p.text()));
      ctx.locateElement(field.name(), index, ctx.origin(u));
      ctx.unknownIf(field.name() + "[" + index + "]", p, u);
    }
  }

  static List<Piece> split(Piece v, char sep) {
    List<Piece> parts = new java.util.ArrayList<>();
    String s = v.text();
    int from = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == sep) {
        parts.add(v.sub(from, i));
        from = i + 1;
      }
    }
    return parts;
  }

  private void namespace(
      Field field,
      FlagUse u,
      Origin at,
      Set<String> allowed,
      boolean containerAllowed,
      java.util.function.Consumer<String> setter) {
    String s = u.text();
    boolean ok =
        ctx.podman
            || u.value().isUnknown()
            || allowed.contains(s)
            || (containerAllowed && s.startsWith("container:") && s.length() > 10);
    if (!ok) {
      ctx.invalid(u, "invalid --" + field.name() + " mode");
      return;
    }
    setText(field, at, u, () -> setter.accept(s));
  }

  private void device(FlagUse u, Origin at) {
    SpecResult<PartlyKnown<Device>> r = DeviceSpecs.parse(u.text(), u.value().unknownChars());
    if (!r.isOk()) {
      ctx.invalid(u, r.error());
      return;
    }
    PartlyKnown<Device> d = r.values().get(0);
    int index = b.devices.size();
    b.devices.add(d.value());
    ctx.locateElement("devices", index, at);
    ctx.unknownParts("devices[" + index + "]", d.unknownParts(), u.value(), u);
  }

  private void cgroupRules(FlagUse u, Origin at) {
    List<Piece> parts = ctx.podman ? split(u.value(), ',') : List.of(u.value());
    for (Piece p : parts) {
      if (!p.isUnknown() && !CGROUP_RULE.matcher(p.text()).matches()) {
        ctx.invalid(u, "invalid device cgroup format '" + p.text() + "'");
        continue;
      }
      int index = b.deviceCgroupRules.size();
      b.deviceCgroupRules.add(p.text());
      ctx.locateElement("device_cgroup_rules", index, at);
      ctx.unknownIf("device_cgroup_rules[" + index + "]", p, u);
    }
  }

  private void sysctl(FlagUse u, Origin at) {
    String s = u.text();
    int eq = s.indexOf('=');
    if (eq <= 0) {
      ctx.invalid(u, "sysctl '" + s + "' is not of the form key=value");
      return;
    }
    String key = s.substring(0, eq);
    boolean keyUnknown = u.value().isUnknown(0, eq);
    if (!Sysctls.isNamespacedName(key) && !keyUnknown) {
      // docker/cli refuses the whole command, so the container never starts: not "(ignored)"
      String value = s.substring(eq + 1);
      ctx.refused(u, Sysctls.refusedMessage(key, value, Sysctls.refusal(key, null, null)));
      return;
    }
    int index = b.sysctls.size();
    b.sysctls.add(new Sysctl(key, s.substring(eq + 1)));
    ctx.locateElement("sysctls", index, at);
    // an unknown value leaves the name known: Docker judges a sysctl by its name
    ctx.unknownIf("sysctls[" + index + "]" + (keyUnknown ? "" : ".value"), u.value(), u);
  }

  private void restart(FlagUse u, Origin at) {
    String s = u.text();
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    Integer retries = null;
    if (colon >= 0) {
      String count = s.substring(colon + 1);
      // strconv.Atoi: decimal only, unlike the base-0 numbers of pflag
      if (name.isEmpty() || !RETRY_COUNT.matcher(count).matches()) {
        ctx.invalid(u, "maximum retry count must be an integer");
        return;
      }
      retries = Integer.parseInt(count);
    }
    if (!u.value().isUnknown()
        && !Set.of("", "no", "always", "unless-stopped", "on-failure").contains(name)) {
      ctx.invalid(u, "invalid restart policy '" + name + "'");
      return;
    }
    final Integer max = retries;
    set(Field.RESTART_POLICY, at, u, () -> b.restartPolicy = name.isEmpty() ? "no" : name);
    if (max != null) {
      b.restartMaxRetries = max;
      b.locate(Field.RESTART_MAX_RETRIES, at);
    }
  }
}
