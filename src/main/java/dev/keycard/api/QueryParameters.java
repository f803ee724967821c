package dev.keycard.api;

import dev.keycard.model.EditDistance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the endpoint does not read, and a parameter given twice, with a 400
 * that names the parameters the endpoint knows (and the nearest one, for a typo). Runs after the
 * API key check and before the body is looked at.
 */
public final class QueryParameters {
  /** Parameters whose repeats are joined ({@code ?exclude=KC-030&exclude=KC-031}). */
  static final List<String> REPEATABLE = List.of("exclude");

  @ServerRequestFilter(priority = Priorities.USER)
  public void check(ContainerRequestContext ctx, ResourceInfo resource) {
    Method m = resource == null ? null : resource.getResourceMethod();
    if (m == null) {
      return;
    }
    AcceptsQuery accepts = m.getAnnotation(AcceptsQuery.class);
    KnownQuery known = accepts == null ? KnownQuery.NONE : accepts.value();
    check(ctx.getMethod() + " /" + stripSlash(ctx.getUriInfo().getPath()), known,
        ctx.getUriInfo().getQueryParameters());
  }

  /**
   * @throws ProblemException 400 for a parameter {@code known} does not list or one given twice
   */
  static void check(String endpoint, KnownQuery known, MultivaluedMap<String, String> query) {
    for (var e : query.entrySet()) {
      String name = e.getKey();
      if (!known.names().contains(name)) {
        throw new ProblemException(ErrorCode.BAD_REQUEST, unknown(endpoint, known, name));
      }
      if (e.getValue().size() > 1 && !REPEATABLE.contains(name)) {
        throw new ProblemException(
            ErrorCode.BAD_REQUEST,
            "Query parameter '" + name + "' is given " + e.getValue().size()
                + " times; give it once.");
      }
    }
  }

  private static String unknown(String endpoint, KnownQuery known, String name) {
    String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
    StringBuilder b = new StringBuilder("Unknown query parameter '").append(shown).append("'");
    String near = nearest(name, known.names());
    if (near != null) {
      b.append(" (did you mean '").append(near).append("'?)");
    }
    b.append(". ");
    if (known.names().isEmpty()) {
      b.append(endpoint).append(" takes no query parameters.");
    } else {
      b.append("Known parameters of ").append(endpoint).append(": ")
          .append(String.join(", ", known.names())).append('.');
    }
    if (known == KnownQuery.FIX && name.equals("output")) {
      b.append(" /v1/fix answers JSON only; the other views (sarif, junit, markdown, lsp) carry the"
          + " same verified fixes on /v1/evaluate?output=.");
    }
    return b.toString();
  }

  /** The known name a typo most likely meant: at most two edits away, ignoring case, - and _. */
  static String nearest(String name, List<String> known) {
    String n = normal(name);
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(n, normal(k));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Levenshtein distance, for names of a few characters (longer ones are never near). */
  private static int distance(String a, String b) {
    return a.length() > 64 || b.length() > 64 ? Integer.MAX_VALUE : EditDistance.of(a, b);
  }

  private static String stripSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
