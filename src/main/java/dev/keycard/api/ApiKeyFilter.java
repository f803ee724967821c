package dev.keycard.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When API keys are configured, every {@code /v1/*} request needs {@code Authorization: Bearer
 * <key>}; health, metrics and OpenAPI stay open so that probes and tooling need no secret.
 */
public final class ApiKeyFilter {
  private static final String BEARER = "bearer ";
  private final List<byte[]> keyDigests;
  private final List<byte[]> ruleKeyDigests;
  private final CallerRights caller;

  public ApiKeyFilter(AuthConfig config, CallerRights caller) {
    this.ruleKeyDigests = digests(config.ruleKeys().orElse(List.of()));
    List<byte[]> all = new java.util.ArrayList<>(digests(config.apiKeys().orElse(List.of())));
    all.addAll(ruleKeyDigests);
    this.keyDigests = List.copyOf(all);
    this.caller = caller;
  }

  private static List<byte[]> digests(List<String> keys) {
    return keys.stream()
        .map(String::trim)
        .filter(k -> !k.isEmpty())
        .map(ApiKeyFilter::sha256)
        .toList();
  }

  @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
  public Response authenticate(ContainerRequestContext ctx) {
    if (keyDigests.isEmpty() || !isApi(ctx.getUriInfo().getPath())) {
      return null;
    }
    String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return unauthorized(
          "Send 'Authorization: Bearer <key>' with one of the configured API keys.");
    }
    String presented = header.substring(BEARER.length()).trim();
    if (!accepted(keyDigests, presented)) {
      return unauthorized("The API key is not valid.");
    }
    caller.ruleKey(accepted(ruleKeyDigests, presented));
    return null;
  }

  /**
   * Everything that reaches the REST layer is protected except {@code /q/*}: deny by default, so a
   * new resource, {@code //v1} or a dot-segment path cannot slip past the check.
   */
  private static boolean isApi(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return !(p.startsWith("/q/") && !p.contains("..") && !p.contains("%2e"));
  }

  /**
   * Compares digests, not the keys, so that time depends neither on where a guess first differs nor
   * on the key's length; every key is compared, so time does not say which one matched.
   */
  private static boolean accepted(List<byte[]> keys, String presented) {
    byte[] digest = sha256(presented);
    boolean ok = false;
    for (byte[] key : keys) {
      ok |= MessageDigest.isEqual(key, digest);
    }
    return ok;
  }

  private static Response unauthorized(String detail) {
    Response r = ProblemMappers.respond(Problem.of(ErrorCode.UNAUTHORIZED, detail, null));
    return Response.fromResponse(r)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"keycard\"")
        .build();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
