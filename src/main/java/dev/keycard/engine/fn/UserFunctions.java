package dev.keycard.engine.fn;

/** Container users as {@code docker run --user} and compose {@code user:} spell them. */
public final class UserFunctions {
  private UserFunctions() {}

  /** KC-002: {@code root}, {@code 0}, or {@code 0:<group>} / {@code root:<group>}. */
  public static boolean isRootUser(String user) {
    Text.read(user);
    if (user == null) {
      return false;
    }
    String u = user.trim();
    int colon = u.indexOf(':');
    String name = colon < 0 ? u : u.substring(0, colon);
    return name.equals("root") || name.equals("0");
  }
}
