package dev.keycard.format.dockerrun;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import java.util.HashMap;
import java.util.Map;

/** What the flag mappers share: the container being built, positions, diagnostics, dialect. */
final class MapContext {
  private static final Pattern EXPANSION =
      Pattern.compile("\\$\\{[^}]*}|\\$\\([^)]*\\)|\\$[A-Za-z_][A-Za-z0-9_]*|\\$[^\\n\\r\\x{85}\\x{2028}\\x{2029}]|`[^`]*`");

  final Container.Builder b;
  final Source source;
  final Diagnostics sink;
  final boolean podman;
  private final Map<String, Integer> repeats = new HashMap<>();

  /**
   * Each environment variable's position in {@code b.environment}, by name: a later {@code -e} of
   * the same name replaces it, and searching the list for it made 9,000 flags 40 million compares.
   */
  final Map<String, Integer> environmentIndex = new HashMap<>();

  MapContext(Container.Builder b, Source source, Diagnostics sink, boolean podman) {
    this.b = b;
    this.source = source;
    this.sink = sink;
    this.podman = podman;
  }

  /** The flag and its value. */
  Origin origin(FlagUse u) {
    return Origin.of(null, source.span(u.start(), u.end()));
  }

  /** A part of a value. */
  Origin origin(Piece p) {
    return Origin.of(null, source.span(p.start(), p.end()));
  }

  /**
   * Records another place of the single-valued setting at {@code path} ({@link Container#REPEAT}).
   */
  void locateRepeat(String path, Origin where) {
    // counted, not searched for: --privileged given 20,000 times is 20,000 look-ups, not 2 * 10^8
    int n = repeats.merge(path, 1, Integer::sum);
    b.locate(path + Container.REPEAT + n, where);
  }

  /** Records element {@code path[index]} and, for the first element, the list itself. */
  void locateElement(String path, int index, Origin where) {
    b.locate(path + "[" + index + "]", where);
    if (!b.locations.containsKey(path)) {
      b.locate(path, where);
    }
  }

  /**
   * Marks {@code path} as known only to the client when {@code value} holds an unresolved
   * expansion or a placeholder, with a warning naming the expansion (a placeholder was warned
   * about where it stands); returns whether it did.
   */
  /**
   * Marks the {@code parts} of the element at {@code path} as known only to the client, with one
   * warning for the flag (as {@link #unknownIf}); nothing when {@code parts} is empty.
   */
  void unknownParts(String path, java.util.List<String> parts, Piece value, FlagUse u) {
    for (int i = 0; i < parts.size(); i++) {
      if (i == 0) {
        unknownIf(path + "." + parts.get(i), value, u);
      } else {
        b.unknown(path + "." + parts.get(i));
      }
    }
  }

  boolean unknownIf(String path, Piece value, FlagUse u) {
    if (value == null || !value.isUnknown()) {
      return false;
    }
    b.unknown(path);
    if (value.onlyPlaceholders()) {
      return true;
    }
    sink.add(
        DiagnosticCode.INPUT_UNRESOLVED_VALUE,
        "the value of "
            + u.written()
            + " uses "
            + expansions(value.text())
            + ", which only the client's shell can resolve",
        u.start(),
        u.end());
    return true;
  }

  /** A warning that a flag's value is invalid and was left out. */
  void invalid(FlagUse u, String why) {
    invalidArgument(u, why + " (ignored)");
  }

  /**
   * A warning that Docker refuses a flag's value outright ({@code why} says what Docker does
   * instead of starting the container); the value is left out of the model.
   */
  void refused(FlagUse u, String why) {
    invalidArgument(u, why);
  }

  /** Docker's own wording for a flag value it cannot use, at the flag. */
  private void invalidArgument(FlagUse u, String why) {
    sink.add(
        DiagnosticCode.INPUT_INVALID_VALUE,
        "invalid argument \""
            + (u.text() == null ? "" : u.text())
            + "\" for \""
            + u.written()
            + "\" flag: "
            + why,
        u.start(),
        u.end());
  }

  private static String expansions(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = EXPANSION.matcher(text);
    while (m.find() && out.length() < 200) {
      out.append(out.length() == 0 ? "" : ", ").append(m.group());
    }
    return out.length() == 0 ? "a shell expansion" : out.toString();
  }
}
