package dev.keycard.api;

import dev.keycard.pipeline.PolicyService;
import dev.keycard.policy.RuleSet;
import dev.keycard.report.ReportContext;
import dev.keycard.report.SarifRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the views of an answer need besides the evaluation: the configured documentation address,
 * Keycard's version and the SARIF rule descriptors of every loaded rule-set version, built once
 * (issue 19: no mutable state shared by requests).
 */
@ApplicationScoped
public class ReportContexts {
  private final String docsBaseUrl;
  private final String version;
  private final Map<String, SarifRules> sarifRules;

  public ReportContexts(
      PolicyService policies,
      ReportsConfig docs,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.0.0")
          String version) {
    this.docsBaseUrl = docs.baseUrl();
    this.version = version;
    this.sarifRules =
        policies.catalog().map(c -> SarifRules.ofAll(c.all(), docs.baseUrl())).orElse(Map.of());
  }

  /** The context of the views of {@code request}, decided by the rule-set version {@code set}. */
  ReportContext of(ApiRequest request, RuleSet set) {
    return new ReportContext(
        request.filename(), request.uri(), docsBaseUrl, version, sarifRules.get(set.key()));
  }
}
