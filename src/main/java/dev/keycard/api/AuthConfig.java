package dev.keycard.api;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Optional API keys ({@code keycard.auth.*}, env {@code KEYCARD_AUTH_*}). */
@ConfigMapping(prefix = "keycard.auth")
public interface AuthConfig {
  /**
   * Bearer keys accepted on {@code /v1/*} (comma separated; env {@code KEYCARD_AUTH_API_KEYS}).
   * Unset or empty: the API is open, as behind a private network or a gateway that authenticates.
   */
  Optional<List<String>> apiKeys();

  /**
   * Keys that may also submit rules of their own (env {@code KEYCARD_AUTH_RULE_KEYS}); they are
   * valid API keys too. Only matters with {@code KEYCARD_RULES_ADHOC=true}.
   */
  Optional<List<String>> ruleKeys();
}
