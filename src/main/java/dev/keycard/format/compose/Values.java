package dev.keycard.format.compose;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.common.GoBool;
import dev.keycard.input.common.Sizes;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;
import dev.keycard.model.Origin;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads typed values out of YAML nodes for one service: interpolates strings, marks values that
 * depend on unset variables as unknown (with one warning per variable and place), and warns about
 * values of the wrong type, which are then left unset.
 */
final class Values {
  /** A string value; {@code unknown} when it depends on a variable the caller did not send. */
  /**
   * A scalar's text: {@code value} is the interpolated text, or the text as written when a variable
   * has no value ({@code unknown}); {@code partly} is the text with what is known substituted, the
   * characters still unknown marked in {@code chars}.
   */
  record Text(String value, boolean unknown, String partly, BitSet chars) {
    Text(String value, boolean unknown) {
      this(value, unknown, value, new BitSet());
    }
  }

  /** One of the typed reads ({@link #bool}, {@link #size}, ...) as a function of the reader. */
  interface Read<T> {
    T read(Values values, YNode v, String path);
  }

  private final Container.Builder b;
  private final Interpolator interpolator;
  private final Diagnostics diags;
  // the last origin built: a value is often located under several paths in a row
  private Object lastAt;
  private Origin lastOrigin;

  Values(Container.Builder b, Interpolator interpolator, Diagnostics diags) {
    this.b = b;
    this.interpolator = interpolator;
    this.diags = diags;
  }

  Container.Builder builder() {
    return b;
  }

  Diagnostics diags() {
    return diags;
  }

  /** The origin of a whole field: its key and value. */
  Origin origin(YNode.Entry e) {
    if (lastAt != e) {
      lastOrigin = Origin.of(e.key().pointer(), diags.span(e.start(), e.end()));
      lastAt = e;
    }
    return lastOrigin;
  }

  /** The origin of one node (a list item). */
  Origin origin(YNode n) {
    if (lastAt != n) {
      lastOrigin = Origin.of(n.pointer(), diags.span(n.start(), n.end()));
      lastAt = n;
    }
    return lastOrigin;
  }

  void locate(String path, YNode.Entry e) {
    b.locate(path, origin(e));
  }

  void locate(Field field, YNode.Entry e) {
    b.locate(field, origin(e));
  }

  void locate(Field field, YNode n) {
    b.locate(field, origin(n));
  }

  void locate(String path, YNode n) {
    b.locate(path, origin(n));
  }

  void invalid(YNode at, String message) {
    diags.add(DiagnosticCode.INPUT_INVALID_VALUE, message, at.start(), at.end(), at.pointer());
  }

  /** A scalar as text, interpolated; null for null or a non-scalar (with a warning). */
  Text text(YNode v, String path) {
    if (!(v instanceof YNode.Scalar s)) {
      invalid(v, path + ": expected a single value");
      return null;
    }
    if (s.isNull()) {
      return null;
    }
    if (!s.isString()) {
      return new Text(s.text(), false);
    }
    Interpolator.Result r = interpolator.apply(s.text());
    if (!r.unknown()) {
      return new Text(r.value(), false);
    }
    b.unknown(path);
    if (!b.locations.containsKey(path)) {
      // an undecided rule points at the value it could not read
      locate(path, v);
    }
    for (int i = 0; i < r.missing().size(); i++) {
      String name = r.missing().get(i);
      String why = r.messages().get(i);
      diags.add(
          DiagnosticCode.INPUT_UNRESOLVED_VALUE,
          "variable "
              + name
              + " is not set"
              + (why.isEmpty() ? "" : " (" + why + ")")
              + "; "
              + path
              + " is unknown",
          s.start(),
          s.end(),
          s.pointer());
    }
    return new Text(r.value(), true, r.partly(), r.unknownChars());
  }

  /** The text of {@link #text}: interpolated, or as written while unknown. */
  String string(YNode v, String path) {
    Text t = text(v, path);
    return t == null ? null : t.value();
  }

  /** Text that must be known to be used; null (and unknown) otherwise. */
  String known(YNode v, String path) {
    Text t = text(v, path);
    return t == null || t.unknown() ? null : t.value();
  }

  Boolean bool(YNode v, String path) {
    if (v instanceof YNode.Scalar s && s.value() instanceof Boolean x) {
      return x;
    }
    String t = known(v, path);
    if (t == null) {
      return null;
    }
    Boolean r = parseBool(t.trim());
    if (r == null) {
      invalid(v, path + ": expected true or false, got '" + t + "'");
    }
    return r;
  }

  /** Go's spellings plus YAML 1.1's yes/no/on/off, which compose files written for 1.1 use. */
  static Boolean parseBool(String t) {
    switch (t.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "on":
        return Boolean.TRUE;
      case "no", "n", "off":
        return Boolean.FALSE;
      default:
        return GoBool.parse(t).or(() -> GoBool.parse(t.toLowerCase(Locale.ROOT))).orElse(null);
    }
  }

  /**
   * A size in bytes, as compose-go's {@code UnitBytes} reads one: a number is bytes, and so is a
   * string that is a base-10 integer (so {@code "-1"}, unlimited, stays -1); any other string has
   * Docker's units ({@code RAMInBytes}).
   */
  Long size(YNode v, String path) {
    if (v instanceof YNode.Scalar s && s.value() instanceof Long n) {
      return n;
    }
    if (v instanceof YNode.Scalar s && s.value() instanceof Double d) {
      return (long) d.doubleValue();
    }
    String t = known(v, path);
    if (t == null) {
      return null;
    }
    Long integer = base10(t);
    if (integer != null) {
      return integer;
    }
    OptionalLong r = Sizes.ramInBytes(t);
    if (r.isEmpty()) {
      invalid(v, path + ": not a size: '" + t + "'");
      return null;
    }
    return r.getAsLong();
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign and ASCII digits that fit. */
  private static Long base10(String s) {
    int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (i == s.length()) {
      return null;
    }
    for (int k = i; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null; // out of range: Go's ErrRange, then RAMInBytes decides
    }
  }

  Long integer(YNode v, String path) {
    if (v instanceof YNode.Scalar s && s.value() instanceof Long n) {
      return n;
    }
    return parsed(v, path, Long::valueOf, "an integer");
  }

  Double number(YNode v, String path) {
    if (v instanceof YNode.Scalar s && s.value() instanceof Number n) {
      return n.doubleValue();
    }
    return parsed(v, path, Double::valueOf, "a number");
  }

  /** Known text parsed by {@code parse}; null, with a warning, when it does not parse. */
  private <T> T parsed(YNode v, String path, Function<String, T> parse, String expected) {
    String t = known(v, path);
    if (t == null) {
      return null;
    }
    try {
      return parse.apply(t.trim());
    } catch (NumberFormatException e) {
      invalid(v, path + ": expected " + expected + ", got '" + t + "'");
      return null;
    }
  }

  /** The items of the list {@code e} holds, as {@link #items(YNode, String, boolean)}, located. */
  List<YNode> items(YNode.Entry e, Field field, boolean scalarOk) {
    List<YNode> items = items(e.value(), field.name(), scalarOk);
    if (items != null) {
      locate(field, e);
    }
    return items;
  }

  /** The items of a sequence; a scalar when {@code scalarOk}; otherwise null with a warning. */
  List<YNode> items(YNode v, String path, boolean scalarOk) {
    if (v instanceof YNode.Seq q) {
      return q.items();
    }
    if (v instanceof YNode.Scalar s && s.isNull()) {
      return List.of();
    }
    if (scalarOk && v instanceof YNode.Scalar) {
      return List.of(v);
    }
    invalid(v, path + ": expected a list");
    return null;
  }
}
