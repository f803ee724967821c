package dev.keycard.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One field of {@link Container} as rules, {@code /v1/parse} and fixes name it: the record
 * component's snake_case name (as Jackson's SNAKE_CASE strategy writes it: {@code capAdd} is {@code
 * cap_add}), its declared Java type and, for a list, its element type. The catalogue is derived
 * from the record's components once, in declaration order, so a new component is a new field.
 *
 * <p>{@link #all()} is every field a rule can read: each component but the positions ({@code
 * origin}, {@code locations}). {@link #settings()} leaves out what no input format reads either
 * ({@code format}, which the pipeline marks, and {@code unknown}, the paths only the client knows):
 * those are the fields every format says where it reads from.
 */
public record Field(String name, String component, Type javaType, Class<?> rawType, Class<?> elementType) {

  /** Components that are positions, not rule data. */
  private static final Set<String> POSITIONS = Set.of("origin", "locations");

  /** Components that are about the container's reading, not settings any format writes. */
  private static final Set<String> META = Set.of("format", "unknown");

  private static final List<Field> ALL;
  private static final Map<String, Field> BY_NAME;

  static {
    List<Field> all = new ArrayList<>();
    Map<String, Field> byName = new LinkedHashMap<>();
    for (RecordComponent c : Container.class.getRecordComponents()) {
      if (POSITIONS.contains(c.getName())) {
        continue;
      }
      Type t = c.getGenericType();
      Class<?> element = null;
      if (t instanceof ParameterizedType p
          && p.getRawType() == List.class
          && p.getActualTypeArguments()[0] instanceof Class<?> e) {
        element = e;
      }
      Field f = new Field(snake(c.getName()), c.getName(), t, c.getType(), element);
      all.add(f);
      byName.put(f.name(), f);
    }
    ALL = List.copyOf(all);
    BY_NAME = Collections.unmodifiableMap(byName);
  }

  // Each setting by name, for code that locates or sets one: a renamed or removed component
  // fails here, when the class loads, instead of leaving a string that names nothing
  // (FieldTest holds that these are exactly the settings).
  public static final Field NAME = named("name");
  public static final Field IMAGE = named("image");
  public static final Field USER = named("user");
  public static final Field UID = named("uid");
  public static final Field GID = named("gid");
  public static final Field RUN_AS_NON_ROOT = named("run_as_non_root");
  public static final Field IMAGE_USER = named("image_user");
  public static final Field DOCKERFILE = named("dockerfile");
  public static final Field PRIVILEGED = named("privileged");
  public static final Field HOST_PROCESS = named("host_process");
  public static final Field OS = named("os");
  public static final Field CAP_ADD = named("cap_add");
  public static final Field CAP_DROP = named("cap_drop");
  public static final Field CAP_ADD_AS_WRITTEN = named("cap_add_as_written");
  public static final Field CAP_DROP_AS_WRITTEN = named("cap_drop_as_written");
  public static final Field READ_ONLY = named("read_only");
  public static final Field TMPFS = named("tmpfs");
  public static final Field SECURITY_OPT = named("security_opt");
  public static final Field NO_NEW_PRIVILEGES = named("no_new_privileges");
  public static final Field SECCOMP = named("seccomp");
  public static final Field SECCOMP_DEFAULT = named("seccomp_default");
  public static final Field APPARMOR = named("apparmor");
  public static final Field SELINUX = named("selinux");
  public static final Field POD_SELINUX = named("pod_selinux");
  public static final Field SYSTEMPATHS = named("systempaths");
  public static final Field MEMORY = named("memory");
  public static final Field MEMORY_RESERVATION = named("memory_reservation");
  public static final Field MEMORY_SWAP = named("memory_swap");
  public static final Field CPUS = named("cpus");
  public static final Field CPU_SHARES = named("cpu_shares");
  public static final Field CPU_QUOTA = named("cpu_quota");
  public static final Field CPU_PERIOD = named("cpu_period");
  public static final Field PIDS_LIMIT = named("pids_limit");
  public static final Field OOM_KILL_DISABLE = named("oom_kill_disable");
  public static final Field NETWORK_MODE = named("network_mode");
  public static final Field NETWORKS = named("networks");
  public static final Field PID = named("pid");
  public static final Field IPC = named("ipc");
  public static final Field UTS = named("uts");
  public static final Field USERNS = named("userns");
  public static final Field CGROUPNS = named("cgroupns");
  public static final Field CGROUP_PARENT = named("cgroup_parent");
  public static final Field MOUNTS = named("mounts");
  public static final Field VOLUMES = named("volumes");
  public static final Field DEVICES = named("devices");
  public static final Field DEVICE_CGROUP_RULES = named("device_cgroup_rules");
  public static final Field PORTS = named("ports");
  public static final Field PUBLISH_ALL = named("publish_all");
  public static final Field SYSCTLS = named("sysctls");
  public static final Field ENVIRONMENT = named("environment");
  public static final Field RESTART_POLICY = named("restart_policy");
  public static final Field RESTART_MAX_RETRIES = named("restart_max_retries");
  public static final Field HEALTHCHECK = named("healthcheck");
  public static final Field PROBE_HOSTS = named("probe_hosts");
  public static final Field COMMAND = named("command");
  public static final Field ENTRYPOINT = named("entrypoint");

  /** Every field a rule can read, in {@link Container}'s order. */
  public static List<Field> all() {
    return ALL;
  }

  /** Every field an input format can set: {@link #all()} without {@code format} and {@code unknown}. */
  public static List<Field> settings() {
    return ALL.stream().filter(f -> !META.contains(f.name())).toList();
  }

  /** The field named {@code name} (snake_case), or empty. */
  public static Optional<Field> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The field named {@code name} (snake_case).
   *
   * @throws IllegalArgumentException when {@link Container} has no such field
   */
  public static Field named(String name) {
    Field f = BY_NAME.get(name);
    if (f == null) {
      throw new IllegalArgumentException("Container has no field " + name);
    }
    return f;
  }

  /** Whether the field is a list ({@link #elementType()} is then its element type). */
  public boolean isList() {
    return rawType == List.class;
  }

  /**
   * The field this one is derived from by the parsers ({@code seccomp} from {@code security_opt},
   * {@code uid} from {@code user}), or empty: {@link Container#DERIVED_FROM}.
   */
  public Optional<Field> derivedFrom() {
    String from = Container.DERIVED_FROM.get(name);
    return from == null ? Optional.empty() : Optional.of(named(from));
  }

  /** The type as the docs write it: {@code string}, {@code list of Mount}, {@code integer}, ... */
  public String typeName() {
    if (isList()) {
      return "list of " + simple(elementType);
    }
    return simple(rawType);
  }

  private static String simple(Class<?> c) {
    if (c == null) {
      return "?";
    }
    if (c == String.class) {
      return "string";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
      return "integer";
    }
    if (c == double.class || c == Double.class) {
      return "number";
    }
    return c.getSimpleName();
  }

  /** {@code capAdd} → {@code cap_add}, as Jackson's SNAKE_CASE strategy names it. */
  public static String snake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
