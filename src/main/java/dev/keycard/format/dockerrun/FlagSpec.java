package dev.keycard.format.dockerrun;

/**
 * One command-line flag as pflag knows it: its long name (with {@code --}), one-letter shorthand
 * ({@link #NO_SHORTHAND} when none), value type, the flag it is a hidden alias of, and whether only
 * {@code run} (not {@code create}) accepts it.
 */
record FlagSpec(String name, char shorthand, Type type, String aliasOf, boolean runOnly) {
  static final char NO_SHORTHAND = '\0';

  /** The pflag value types of the reference table. */
  enum Type {
    BOOL,
    STRING,
    LIST,
    MAP,
    INT,
    INT64,
    UINT16,
    UINT64,
    BYTES,
    DURATION,
    DECIMAL,
    IP,
    NETWORK,
    MOUNT,
    GPU_REQUEST,
    ULIMIT
  }

  /** Bool flags never consume the next word (pflag's {@code NoOptDefVal}). */
  boolean isBool() {
    return type == Type.BOOL;
  }

  boolean hasShorthand() {
    return shorthand != NO_SHORTHAND;
  }

  /** The name whose meaning this flag has: the canonical flag for an alias, else itself. */
  String canonical() {
    return aliasOf != null ? aliasOf : name;
  }

  static FlagSpec bool(String name) {
    return new FlagSpec(name, NO_SHORTHAND, Type.BOOL, null, false);
  }

  static FlagSpec string(String name) {
    return new FlagSpec(name, NO_SHORTHAND, Type.STRING, null, false);
  }
}
