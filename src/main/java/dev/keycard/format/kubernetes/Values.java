package dev.keycard.format.kubernetes;

import dev.keycard.input.Diagnostics;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import java.util.List;

/**
 * Typed values out of one document's nodes, as the API server decodes a manifest: a value of the
 * wrong type is a warning ({@code invalid_value}) and is left unset, since the API server would
 * refuse the object and nothing would run. Origins carry the document's pointer prefix in a stream.
 */
final class Values {
  private final Diagnostics diags;
  private final String prefix;

  Values(Diagnostics diags, String prefix) {
    this.diags = diags;
    this.prefix = prefix;
  }

  Diagnostics diags() {
    return diags;
  }

  /** The pointer of {@code n} in the input's document ({@code /1/spec/...} in a stream). */
  String pointer(KNode n) {
    return prefix + n.pointer();
  }

  /** Where a whole field came from: its key and value. */
  Origin origin(KNode.Entry e) {
    return Origin.of(prefix + e.key().pointer(), diags.span(e.start(), e.end()));
  }

  /** Where one node came from (a list item). */
  Origin origin(KNode n) {
    return Origin.of(prefix + n.pointer(), diags.span(n.start(), n.end()));
  }

  void invalid(KNode at, String message) {
    diags.add(DiagnosticCode.INPUT_INVALID_VALUE, message, at.start(), at.end(), prefix + at.pointer());
  }

  /**
   * A boolean: {@code true}/{@code false}, and YAML 1.1's plain {@code yes}, {@code no}, {@code
   * on}, {@code off}, {@code y}, {@code n} (in any of the cases go-yaml accepts), which kubectl's
   * YAML reader takes as booleans. Null when absent or null.
   */
  Boolean bool(KNode v, String what) {
    KNode.Scalar s = scalar(v, what, "true or false");
    if (s == null) {
      return null;
    }
    if (s.value() instanceof Boolean b) {
      return b;
    }
    if (s.isNull()) {
      return null;
    }
    if (s.plain()) {
      switch (s.text()) {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
          return Boolean.TRUE;
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
          return Boolean.FALSE;
        default:
          break;
      }
    }
    invalid(v, what + ": expected true or false, got '" + clip(s.text()) + "'");
    return null;
  }

  /** An integer; null when absent or null. */
  Long integer(KNode v, String what) {
    KNode.Scalar s = scalar(v, what, "an integer");
    if (s == null) {
      return null;
    }
    if (s.value() instanceof Long n) {
      return n;
    }
    if (s.value() instanceof Double d
        && d == Math.rint(d)
        && Math.abs(d) < 9.0e15) {
      return d.longValue(); // JSON's 1000.0 is an integer to Go's decoder
    }
    if (s.isNull()) {
      return null;
    }
    invalid(v, what + ": expected an integer, got '" + clip(s.text()) + "'");
    return null;
  }

  /** A string: a scalar's text (a number or boolean as written); null when absent or null. */
  String string(KNode v, String what) {
    KNode.Scalar s = scalar(v, what, "a string");
    return s == null || s.isNull() ? null : s.text();
  }

  /** {@code v} as a scalar; null, with a warning that {@code expected} was, for any other node. */
  private KNode.Scalar scalar(KNode v, String what, String expected) {
    if (v instanceof KNode.Scalar s) {
      return s;
    }
    if (v != null) {
      invalid(v, what + ": expected " + expected);
    }
    return null;
  }

  /** A mapping; null (with a warning for anything but null) otherwise. */
  KNode.Map map(KNode v, String what) {
    if (v instanceof KNode.Map m) {
      return m;
    }
    if (v != null && !(v instanceof KNode.Scalar s && s.isNull())) {
      invalid(v, what + ": expected a mapping");
    }
    return null;
  }

  /** The items of a list; empty (with a warning for anything but null) otherwise. */
  List<KNode> items(KNode v, String what) {
    if (v instanceof KNode.Seq q) {
      return q.items();
    }
    if (v != null && !(v instanceof KNode.Scalar s && s.isNull())) {
      invalid(v, what + ": expected a list");
    }
    return List.of();
  }

  /** A list of strings (a command, capabilities); null when absent or not a list. */
  List<String> strings(KNode v, String what) {
    if (v == null || (v instanceof KNode.Scalar s && s.isNull())) {
      return null;
    }
    if (!(v instanceof KNode.Seq q)) {
      invalid(v, what + ": expected a list");
      return null;
    }
    List<String> out = new java.util.ArrayList<>(q.items().size());
    for (KNode i : q.items()) {
      String t = string(i, what);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
