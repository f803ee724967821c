package dev.keycard.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Caller-submitted rules ({@code keycard.rules.*}, env {@code KEYCARD_RULES_*}). */
@ConfigMapping(prefix = "keycard.rules")
public interface RulesConfig {
  /**
   * Whether callers may send rules of their own ({@code rules} in a request, {@code POST
   * /v1/rulesets/check}); env {@code KEYCARD_RULES_ADHOC}. Off by default: a caller rule is code
   * the service compiles and runs, behind the sandbox. When API keys are configured, only the keys
   * in {@code keycard.auth.rule-keys} may send rules.
   */
  @WithDefault("false")
  boolean adhoc();
}
