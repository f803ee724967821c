package dev.keycard.engine.fn;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Credentials in the environment (KC-063): variable names that usually hold one, and URLs that
 * carry one whatever the variable is called.
 */
public final class SecretFunctions {
  private static final List<String> MARKERS =
      List.of(
          "PASSWORD",
          "PASSWD",
          "SECRET",
          "TOKEN",
          "API_KEY",
          "PRIVATE_KEY",
          "ACCESS_KEY",
          "CREDENTIALS");

  private SecretFunctions() {}

  /**
   * True when the name contains a marker (any case, {@code -} and {@code .} read as {@code _}),
   * except names ending in {@code _FILE}, which by convention hold a path to the secret.
   */
  public static boolean looksSecret(String name) {
    Text.read(name);
    if (name == null) {
      return false;
    }
    String n = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    if (n.endsWith("_FILE")) {
      return false;
    }
    for (String marker : MARKERS) {
      if (n.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Notification services (Shoutrrr, as Watchtower and others take them) whose URL is itself the
   * credential: {@code slack://token-a/token-b/token-c}, {@code discord://token@id}.
   */
  private static final Set<String> TOKEN_SCHEMES =
      Set.of(
          "slack", "discord", "telegram", "pushover", "pushbullet", "gotify", "teams",
          "rocketchat", "mattermost", "ifttt", "join", "zulip", "opsgenie", "googlechat",
          "hangouts", "bark", "matrix");

  /** Query parameters that hold a credential besides the names {@link #looksSecret} knows. */
  private static final Set<String> SECRET_PARAMS =
      Set.of("key", "apikey", "api-key", "sig", "signature", "pass", "pwd", "auth");

  /**
   * True when {@code value} holds a URL that carries a credential: a password in its user
   * information ({@code postgres://user:pass@db/x}, {@code https://user:token@host}), a
   * notification URL that is a token ({@code slack://a/b/c}), a Slack or Discord webhook, or a
   * query parameter named like a secret ({@code ?token=...}). Placeholders ({@code ${VAR}},
   * {@code $VAR}, {@code <password>}) are not credentials.
   */
  public static boolean hasUrlCredentials(String value) {
    Text.read(value);
    if (value == null) {
      return false;
    }
    int from = 0;
    int at;
    while ((at = value.indexOf("://", from)) > 0) {
      int start = at;
      while (start > 0 && schemeChar(value.charAt(start - 1))) {
        start--;
      }
      int end = at + 3;
      while (end < value.length() && !Character.isWhitespace(value.charAt(end))) {
        end++;
      }
      if (start < at && Character.isLetter(value.charAt(start))
          && urlCarriesCredential(value.substring(start, at).toLowerCase(Locale.ROOT), value.substring(at + 3, end))) {
        return true;
      }
      from = end;
    }
    return false;
  }

  /** RFC 3986: a scheme's letters, digits, {@code +}, {@code -} and {@code .} (ASCII only). */
  private static boolean schemeChar(char ch) {
    return ch < 0x80 && (Character.isLetterOrDigit(ch) || "+-.".indexOf(ch) >= 0);
  }

  /** {@code rest} is what follows {@code scheme://}, up to white space. */
  private static boolean urlCarriesCredential(String scheme, String rest) {
    int authorityEnd = indexOfAny(rest, "/?#");
    String authority = rest.substring(0, authorityEnd);
    String afterAuthority = rest.substring(authorityEnd);
    int userEnd = authority.lastIndexOf('@');
    if (userEnd >= 0) {
      String userinfo = authority.substring(0, userEnd);
      int colon = userinfo.indexOf(':');
      if (colon >= 0 ? literal(userinfo.substring(colon + 1)) : TOKEN_SCHEMES.contains(scheme) && literal(userinfo)) {
        return true;
      }
    }
    if (TOKEN_SCHEMES.contains(scheme) && afterAuthority.length() > 1 && literal(afterAuthority.substring(1))) {
      return true;
    }
    String host = (userEnd >= 0 ? authority.substring(userEnd + 1) : authority).toLowerCase(Locale.ROOT);
    if ((host.equals("hooks.slack.com") && afterAuthority.startsWith("/services/"))
        || ((host.equals("discord.com") || host.equals("discordapp.com"))
            && afterAuthority.startsWith("/api/webhooks/"))) {
      return true;
    }
    int query = afterAuthority.indexOf('?');
    if (query >= 0) {
      int fragment = afterAuthority.indexOf('#', query);
      String q = afterAuthority.substring(query + 1, fragment < 0 ? afterAuthority.length() : fragment);
      for (String pair : q.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && secretParam(pair.substring(0, eq)) && literal(pair.substring(eq + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean secretParam(String name) {
    return looksSecret(name) || SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A non-empty value written out, not a placeholder for one. */
  private static boolean literal(String s) {
    return !s.isEmpty()
        && !s.startsWith("$")
        && !s.contains("${")
        && !(s.startsWith("<") && s.endsWith(">"));
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
