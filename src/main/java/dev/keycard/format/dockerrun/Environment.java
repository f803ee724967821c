package dev.keycard.format.dockerrun;

import dev.keycard.model.Container;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Origin;

/**
 * {@code -e NAME=value} and {@code -e NAME}: the latter takes its value from the client's
 * environment, so the value is unknown. A later variable of the same name replaces an earlier one,
 * as it does in the container.
 */
final class Environment {
  private Environment() {}

  static void env(MapContext ctx, FlagUse u) {
    Container.Builder b = ctx.b;
    Piece v = u.value();
    String s = v.text();
    int eq = s.indexOf('=');
    String name = eq < 0 ? s : s.substring(0, eq);
    if (name.isEmpty()) {
      ctx.invalid(u, "invalid environment variable: " + s);
      return;
    }
    String value = eq < 0 ? null : s.substring(eq + 1);
    Integer known = ctx.environmentIndex.putIfAbsent(name, b.environment.size());
    int index = known == null ? b.environment.size() : known;
    if (known == null) {
      b.environment.add(new EnvVar(name, value));
    } else {
      b.environment.set(index, new EnvVar(name, value));
    }
    Origin at = ctx.origin(u);
    ctx.locateElement("environment", index, at);
    b.locate("environment." + name, at);
    if (v.isUnknown(0, name.length())) {
      // -e $NAME=x: the variable's name is unknown, so it is named by its place
      boolean valueKnown = value != null && !v.isUnknown(eq + 1, s.length());
      ctx.unknownIf("environment[" + index + "]" + (valueKnown ? ".name" : ""), v, u);
    } else if (value == null) {
      b.unknown("environment." + name);
    } else {
      ctx.unknownIf("environment." + name, v.sub(eq + 1), u);
    }
  }
}
