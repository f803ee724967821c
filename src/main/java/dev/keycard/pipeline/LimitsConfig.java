package dev.keycard.pipeline;

import dev.keycard.budget.Caps;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request limits ({@code keycard.limits.*}, env {@code KEYCARD_LIMITS_*}): the body size, and the
 * {@link Caps} on what one request may cause. The request's deadline is {@code
 * keycard.policies.deadline}. Defaults are those of {@link Caps#DEFAULTS}.
 */
@ConfigMapping(prefix = "keycard.limits")
public interface LimitsConfig {
  /** Largest request body accepted; larger ones get 413. */
  @WithDefault("1M")
  MemorySize maxBodySize();

  /** Caller rules in one request. */
  @WithDefault("20")
  int maxAdhocRules();

  /** Findings one evaluation may produce. */
  @WithDefault("10000")
  int maxFindings();

  /** Characters of one rendered finding message; longer interpolated values are cut. */
  @WithDefault("1000")
  int maxMessageLength();

  /** Bytes of one serialised answer. */
  @WithDefault("32M")
  MemorySize maxAnswerSize();

  /** YAML nodes after alias expansion, for every YAML Keycard reads. */
  @WithDefault("100000")
  int maxYamlNodes();

  /** Static cost bound of a request's rules over its input, in work units. */
  @WithDefault("50000000")
  long maxRuleCost();

  /** Examples per rule that {@code /v1/rulesets/check} runs. */
  @WithDefault("32")
  int maxExamples();

  /** Characters a rule expression may build by concatenation. */
  @WithDefault("65536")
  int maxStringLength();

  /** Characters of an expanded Dockerfile ARG/ENV value. */
  @WithDefault("65536")
  int maxExpandedValue();

  /** List elements over all containers of one input, after alias expansion. */
  @WithDefault("50000")
  int maxModelElements();

  /** Fixes one request may render and prove. */
  @WithDefault("10000")
  int maxFixes();

  /**
   * Characters the rule functions may create in one evaluation of one expression, all strings
   * together.
   */
  @WithDefault("1048576")
  int maxRuleText();

  /** Longest a request body may take to arrive once its headers did; slower ones get 408. */
  @WithDefault("10s")
  Duration bodyReadTimeout();

  /**
   * Request bodies still arriving a second after their headers, at once (slow uploads); one more is
   * refused with 503.
   */
  @WithDefault("16")
  int maxSlowUploads();

  /**
   * Bytes of request bodies held in memory at once, from the first byte read until the answer is
   * sent; a body that would take more is refused with 503.
   */
  @WithDefault("32M")
  MemorySize maxBodyBuffer();

  /** The caps as the pipeline's stages read them. */
  default Caps caps() {
    return new Caps(
        maxAdhocRules(),
        maxFindings(),
        maxMessageLength(),
        maxAnswerSize().asLongValue(),
        maxYamlNodes(),
        maxRuleCost(),
        maxExamples(),
        maxStringLength(),
        maxExpandedValue(),
        maxModelElements(),
        maxFixes(),
        maxRuleText());
  }
}
