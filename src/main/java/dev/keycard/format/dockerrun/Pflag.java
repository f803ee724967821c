package dev.keycard.format.dockerrun;

import dev.keycard.budget.Budget;
import dev.keycard.input.Diagnostics;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/**
 * spf13/pflag's argument loop with {@code SetInterspersed(false)}, as docker/cli vendors it ({@code
 * parseArgs}, {@code parseLongArg}, {@code parseSingleShortArg}): options end at {@code --} or at
 * the first word that is not an option; {@code --flag=value} splits at the first {@code =}; a
 * non-bool flag takes the next word even when it starts with {@code -}; bool flags never take the
 * next word; shorthands combine ({@code -itp 80:80}, {@code -dp80:80}, {@code -e=A=B}).
 *
 * <p>Unlike the CLI, an unknown flag is a warning and parsing goes on (assuming it takes no value
 * unless written {@code --x=y}); a missing value is an error.
 */
final class Pflag {
  /**
   * The flags read, the index of the first positional word ({@code words.size()} if none) and of
   * the {@code --} that ended the options (-1 if none: the first positional word ended them).
   */
  record Result(List<FlagUse> uses, int positional, int terminator, boolean failed) {}

  private Pflag() {}

  static Result parse(List<Piece> words, int from, FlagTable table, Diagnostics sink) {
    List<FlagUse> uses = new ArrayList<>();
    int n = words.size();
    int i = from;
    Budget budget = Budget.current();
    while (i < n) {
      budget.tick();
      Piece w = words.get(i);
      String t = w.text();
      if (t.equals("--")) {
        return new Result(uses, i + 1, i, false);
      }
      if (t.length() < 2 || t.charAt(0) != '-') {
        break;
      }
      int next =
          t.startsWith("--")
              ? longFlag(words, i, table, sink, uses)
              : shortFlags(words, i, table, sink, uses);
      if (next < 0) {
        return new Result(uses, n, -1, true);
      }
      i = next;
    }
    return new Result(uses, i, -1, false);
  }

  private static int longFlag(
      List<Piece> words, int i, FlagTable table, Diagnostics sink, List<FlagUse> uses) {
    Piece w = words.get(i);
    String t = w.text();
    int eq = t.indexOf('=');
    String name = eq < 0 ? t : t.substring(0, eq);
    FlagSpec spec = table.byName(name);
    if (spec == null) {
      sink.add(
          DiagnosticCode.INPUT_UNKNOWN_FLAG,
          "unknown flag: " + name + " (ignored; assumed to take no value)",
          w.start(),
          w.end());
      return i + 1;
    }
    if (eq >= 0) {
      uses.add(new FlagUse(spec, name, w.sub(eq + 1), w.start(), w.end()));
      return i + 1;
    }
    if (spec.isBool()) {
      uses.add(new FlagUse(spec, name, null, w.start(), w.end()));
      return i + 1;
    }
    if (i + 1 >= words.size()) {
      sink.add(
          DiagnosticCode.INPUT_PARSE_ERROR, "flag needs an argument: " + name, w.start(), w.end());
      return -1;
    }
    Piece value = words.get(i + 1);
    uses.add(new FlagUse(spec, name, value, w.start(), value.end()));
    return i + 2;
  }

  private static int shortFlags(
      List<Piece> words, int i, FlagTable table, Diagnostics sink, List<FlagUse> uses) {
    Piece w = words.get(i);
    String t = w.text();
    int j = 1;
    while (j < t.length()) {
      char c = t.charAt(j);
      FlagSpec spec = table.byShorthand(c);
      String written = "-" + c;
      if (spec == null) {
        sink.add(
            DiagnosticCode.INPUT_UNKNOWN_FLAG,
            "unknown shorthand flag: '" + c + "' in " + t + " (rest of the word ignored)",
            w.start(),
            w.end());
        return i + 1;
      }
      boolean hasEq = j + 1 < t.length() && t.charAt(j + 1) == '=';
      if (spec.isBool()) {
        if (hasEq) {
          uses.add(new FlagUse(spec, written, w.sub(j + 2), w.start(), w.end()));
          return i + 1;
        }
        uses.add(new FlagUse(spec, written, null, w.start(), w.end()));
        j++;
        continue;
      }
      if (j + 1 < t.length()) {
        uses.add(new FlagUse(spec, written, w.sub(hasEq ? j + 2 : j + 1), w.start(), w.end()));
        return i + 1;
      }
      if (i + 1 >= words.size()) {
        sink.add(
            DiagnosticCode.INPUT_PARSE_ERROR,
            "flag needs an argument: '" + c + "' in " + t,
            w.start(),
            w.end());
        return -1;
      }
      Piece value = words.get(i + 1);
      uses.add(new FlagUse(spec, written, value, w.start(), value.end()));
      return i + 2;
    }
    return i + 1;
  }
}
