package dev.keycard.api;

import dev.keycard.pipeline.PolicyService;
import dev.keycard.policy.RuleSet;
import dev.keycard.report.SarifRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The SARIF rule descriptors of every loaded rule-set version, built once with the configured
 * documentation address (issue 19: no mutable state shared by requests).
 */
@ApplicationScoped
public class SarifRuleTables {
  private final Map<String, SarifRules> byKey;

  public SarifRuleTables(PolicyService policies, ReportsConfig docs) {
    this.byKey =
        policies.catalog().map(c -> SarifRules.ofAll(c.all(), docs.baseUrl())).orElse(Map.of());
  }

  /** The descriptors of {@code set}, or null for a version that was not loaded. */
  SarifRules of(RuleSet set) {
    return byKey.get(set.key());
  }
}
