package dev.keycard.format.dockerrun;

import dev.keycard.input.common.GoBool;
import dev.keycard.input.common.Sizes;

/**
 * Checks a flag's value against its pflag type, as the CLI does while reading argv: a bool must be
 * a Go bool, an integer a base-0 Go integer, a size a go-units size, a duration a Go duration. An
 * invalid value is reported with the CLI's wording and left out.
 */
final class FlagValues {
  private FlagValues() {}

  static boolean valid(FlagUse u, MapContext ctx) {
    String v = u.text();
    String why =
        switch (u.spec().type()) {
          case BOOL -> GoBool.parse(v).isPresent() ? null : syntax("strconv.ParseBool", v);
          case INT, INT64 ->
              GoValues.parseInt(v, 64) != null ? null : syntax("strconv.ParseInt", v);
          case UINT16 -> GoValues.parseUint(v, 16) != null ? null : syntax("strconv.ParseUint", v);
          case UINT64 -> GoValues.parseUint(v, 64) != null ? null : syntax("strconv.ParseUint", v);
          case BYTES -> bytes(u, v);
          case DURATION -> GoValues.isDuration(v) ? null : "time: invalid duration \"" + v + "\"";
          case DECIMAL -> GoValues.parseCpus(v) != null ? null : "invalid number or too precise";
          case IP -> GoValues.isIp(v) ? null : v + " is not an ip address";
          default -> null;
        };
    if (why != null) {
      ctx.invalid(u, why);
      return false;
    }
    return true;
  }

  private static String bytes(FlagUse u, String v) {
    if (u.name().equals("--memory-swap") && v.equals("-1")) { // MemSwapBytes, exactly
      return null;
    }
    return Sizes.ramInBytes(v).isPresent() ? null : "invalid size: '" + v + "'";
  }

  private static String syntax(String func, String v) {
    return func + ": parsing \"" + v + "\": invalid syntax";
  }
}
