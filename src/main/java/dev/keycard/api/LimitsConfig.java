package dev.keycard.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request limits ({@code keycard.limits.*}, env {@code KEYCARD_LIMITS_*}). */
@ConfigMapping(prefix = "keycard.limits")
public interface LimitsConfig {
  /** Largest request body accepted; larger ones get 413. */
  @WithDefault("1M")
  MemorySize maxBodySize();
}
