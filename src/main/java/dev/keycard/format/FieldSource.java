package dev.keycard.format;

import java.util.List;
import java.util.Objects;

/**
 * One row of a format's field table: where the format reads a {@link dev.keycard.model.Field} from
 * and how a fix sets it, or why it cannot.
 *
 * <ul>
 *   <li>{@link Kind#READ}: {@link #readFrom()} lists every spelling the parser reads the field from,
 *       as the format writes it (a compose key path such as {@code deploy.resources.limits.memory},
 *       {@code docker run} flags, an Engine API member path such as {@code HostConfig.Memory}, a
 *       Kubernetes path such as {@code securityContext.privileged}); {@link #fix()} is the spelling
 *       a fix writes, or null when fixes of the field are not rendered in this format. A row may
 *       read from nowhere and still have a fix ({@link #writtenOnly}): the format writes the
 *       setting in a shape the parser reads as another field;
 *   <li>{@link Kind#DERIVED}: the parser derives the field from another one, the one field {@link
 *       #readFrom()} names ({@code seccomp} from {@code security_opt}), with an optional {@link
 *       #note()};
 *   <li>{@link Kind#CONSTANT}: the same value for every container of the format, the one value
 *       {@link #readFrom()} holds, and {@link #note()} says why ({@code seccomp_default} is {@code
 *       unconfined} for every Kubernetes container);
 *   <li>{@link Kind#NOT_EXPRESSIBLE}: the format has no way to say it; {@link #note()} says why.
 * </ul>
 *
 * <p>{@link #note()} of a read row is an optional remark (how a value is converted, which of two
 * spellings counts).
 */
public record FieldSource(Kind kind, List<String> readFrom, String fix, String note) {

  /** What a row says of its field. */
  public enum Kind {
    READ,
    DERIVED,
    CONSTANT,
    NOT_EXPRESSIBLE
  }

  public FieldSource {
    Objects.requireNonNull(kind);
    readFrom = List.copyOf(readFrom);
    if (kind == Kind.READ && readFrom.isEmpty() && (fix == null || note == null)) {
      throw new IllegalArgumentException(
          "a read row names where it reads from, or the fix it writes and why it reads none");
    }
    if (kind == Kind.DERIVED && (readFrom.size() != 1 || fix != null)) {
      throw new IllegalArgumentException("a derived row names one field and no fix");
    }
    if (kind == Kind.CONSTANT && (readFrom.size() != 1 || fix != null)) {
      throw new IllegalArgumentException("a constant row holds one value and no fix");
    }
    if (kind == Kind.NOT_EXPRESSIBLE
        && (note == null || note.isBlank() || !readFrom.isEmpty() || fix != null)) {
      throw new IllegalArgumentException("a row that is not expressible says why, nothing else");
    }
  }

  /** Read from {@code from} (each spelling as the format writes it); fixes not rendered. */
  public static FieldSource read(String... from) {
    return new FieldSource(Kind.READ, List.of(from), null, null);
  }

  /**
   * Not read by the parser, but written by a fix as {@code spelling}, {@code why} (the parser reads
   * what the fix writes as another field).
   */
  public static FieldSource writtenOnly(String spelling, String why) {
    return new FieldSource(Kind.READ, List.of(), Objects.requireNonNull(spelling), why);
  }

  /** Derived by the parser from the field named {@code field}. */
  public static FieldSource derived(String field) {
    return new FieldSource(Kind.DERIVED, List.of(field), null, null);
  }

  /** The same {@code value} for every container of the format (say why with {@link #noting}). */
  public static FieldSource constant(String value) {
    return new FieldSource(Kind.CONSTANT, List.of(value), null, null);
  }

  /** Not expressible in the format, because {@code why}. */
  public static FieldSource notExpressible(String why) {
    return new FieldSource(Kind.NOT_EXPRESSIBLE, List.of(), null, why);
  }

  /** Not expressible in a Docker format: a setting only Kubernetes has ({@code what}). */
  public static FieldSource kubernetesOnly(String what) {
    return notExpressible("Kubernetes only: " + what);
  }

  /**
   * Not expressible in a Docker format: capability names as written, which Docker normalises
   * itself, so {@code input} ("a command line", "a body", "compose") keeps no spelling of its own.
   */
  public static FieldSource capabilityNamesAsWritten(String input) {
    return kubernetesOnly(
        "Docker normalises capability names itself, so " + input + " has no spelling of its own to"
            + " keep");
  }

  /** This row with the spelling a fix writes (only a read row has one). */
  public FieldSource fixedAs(String spelling) {
    if (kind != Kind.READ) {
      throw new IllegalStateException("only a read row has a fix spelling");
    }
    return new FieldSource(kind, readFrom, Objects.requireNonNull(spelling), note);
  }

  /** This row with a remark. */
  public FieldSource noting(String remark) {
    return new FieldSource(kind, readFrom, fix, remark);
  }

  /** Whether a fix of the field is rendered in this format. */
  public boolean fixable() {
    return fix != null;
  }
}
