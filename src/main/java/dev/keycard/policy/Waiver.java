package dev.keycard.policy;

import java.time.LocalDate;

/**
 * An accepted risk: rule {@code ruleId} is waived (for one container, or for all when null) with a
 * reason, until {@code expires} (inclusive; null = no end). {@code inSource} tells a waiver written
 * as a {@code # keycard:ignore} comment in the input from one sent with the request.
 */
public record Waiver(
    String ruleId, String container, String reason, LocalDate expires, boolean inSource) {
  /** A waiver sent with the request ({@code exclude}). */
  public Waiver(String ruleId, String container, String reason, LocalDate expires) {
    this(ruleId, container, reason, expires, false);
  }

  public boolean expired(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }

  public boolean covers(String rule, String containerName) {
    return ruleId.equals(rule) && (container == null || container.equals(containerName));
  }
}
