package dev.keycard.input.common;

import dev.keycard.model.Container;

/** Reads {@code user[:group]} into the user string and its numeric uid / gid when numeric. */
public final class Users {
  private Users() {}

  public static void apply(Container.Builder b, String user) {
    b.user = user;
    b.uid = null;
    b.gid = null;
    if (user == null) {
      return;
    }
    int colon = user.indexOf(':');
    String u = colon < 0 ? user : user.substring(0, colon);
    String g = colon < 0 ? null : user.substring(colon + 1);
    b.uid = numeric(u);
    b.gid = g == null ? null : numeric(g);
  }

  private static Long numeric(String s) {
    if (s.isEmpty() || s.length() > 10 || !allDigits(s)) {
      return null;
    }
    return Long.parseLong(s);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
