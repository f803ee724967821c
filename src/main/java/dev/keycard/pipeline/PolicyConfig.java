package dev.keycard.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where rule sets come from and how they run ({@code keycard.policies.*}). */
@ConfigMapping(prefix = "keycard.policies")
public interface PolicyConfig {
  /** The bundled policy directory (rules/, rulesets/, released.yaml). */
  @WithDefault("policies")
  String bundled();

  /** Extra policy directories with the same layout, for rule sets of your own. */
  Optional<List<String>> dirs();

  /** The rule set used when a request names none. */
  @WithDefault("restricted")
  String defaultRuleset();

  /** How long one request's rules may run before the request is answered with an error. */
  @WithDefault("2s")
  Duration deadline();

  /** Worker threads for rule evaluation. */
  @WithDefault("8")
  int threads();
}
