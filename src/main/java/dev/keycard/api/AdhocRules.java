package dev.keycard.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lets caller-submitted rules through only when the operator enabled them ({@code
 * KEYCARD_RULES_ADHOC=true}, else 403 {@code adhoc_rules_disabled}) and, when API keys are
 * configured, only for a key allowed to submit rules (else 403 {@code forbidden}).
 */
@ApplicationScoped
public class AdhocRules {
  private final boolean enabled;
  private final boolean keysConfigured;
  private final CallerRights caller;

  public AdhocRules(RulesConfig rules, AuthConfig auth, CallerRights caller) {
    this.enabled = rules.adhoc();
    this.keysConfigured =
        auth.apiKeys().orElse(List.of()).stream().anyMatch(k -> !k.isBlank())
            || auth.ruleKeys().orElse(List.of()).stream().anyMatch(k -> !k.isBlank());
    this.caller = caller;
  }

  /** Refuses the request unless this caller may submit rules. */
  public void require() {
    if (!enabled) {
      throw new ProblemException(
          ErrorCode.ADHOC_RULES_DISABLED,
          "This service does not accept rules from callers. Its operator can enable them with"
              + " KEYCARD_RULES_ADHOC=true; until then, evaluate against the bundled rule sets.");
    }
    if (keysConfigured && !caller.ruleKey()) {
      throw new ProblemException(
          ErrorCode.FORBIDDEN,
          "This API key may not submit rules; use a key listed in KEYCARD_AUTH_RULE_KEYS.");
    }
  }

  /** Whether a request's {@code rules} field holds any rule. */
  static boolean present(com.fasterxml.jackson.databind.JsonNode rules) {
    return rules != null
        && !rules.isNull()
        && !(rules.isArray() && rules.isEmpty())
        && !(rules.isTextual() && rules.textValue().isBlank());
  }
}
