package dev.keycard.pipeline;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The answer cache ({@code keycard.cache.*}, env {@code KEYCARD_CACHE_*}). */
@ConfigMapping(prefix = "keycard.cache")
public interface AnswerCacheConfig {
  /** Memory the cached answers may take (estimated from their text); 0 turns the cache off. */
  @WithDefault("32M")
  MemorySize maxSize();

  /** How long an answer nobody asks for again is kept. */
  @WithDefault("10m")
  Duration idle();
}
