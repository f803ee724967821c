package dev.keycard.report;

import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SARIF rule descriptors ({@code tool.driver.rules}) of one rule-set version for one
 * documentation address, built once when the service loads its rule sets and read by every answer
 * on that version: nothing on the request path builds them again or keeps them in a shared cache. A
 * caller's ad-hoc rule is described in its own answer.
 */
public final class SarifRules {
  private final RuleSet ruleSet;
  private final String docsBaseUrl;
  private final Map<String, Map<String, Object>> byId;

  private SarifRules(RuleSet ruleSet, String docsBaseUrl, Map<String, Map<String, Object>> byId) {
    this.ruleSet = ruleSet;
    this.docsBaseUrl = docsBaseUrl;
    this.byId = byId;
  }

  /** The descriptors of every rule of {@code set}, their help pages under {@code docsBaseUrl}. */
  public static SarifRules of(RuleSet set, String docsBaseUrl) {
    ReportContext ctx = new ReportContext(null, null, docsBaseUrl, null);
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (RuleDefinition d : set.rules()) {
      byId.putIfAbsent(
          d.id(), Collections.unmodifiableMap(SarifReport.describe(Views.info(d), ctx)));
    }
    return new SarifRules(set, ctx.docsBaseUrl(), Collections.unmodifiableMap(byId));
  }

  /** The descriptors of each of {@code sets}, by rule-set key ({@code name@version}). */
  public static Map<String, SarifRules> ofAll(Collection<RuleSet> sets, String docsBaseUrl) {
    Map<String, SarifRules> out = new LinkedHashMap<>();
    for (RuleSet s : sets) {
      out.put(s.key(), of(s, docsBaseUrl));
    }
    return Map.copyOf(out);
  }

  /**
   * The built descriptor of rule {@code id} when this table is for {@code set} and {@code
   * docsBaseUrl}; null otherwise (another rule set, another address, an ad-hoc rule).
   */
  Map<String, Object> descriptor(RuleSet set, String docsBaseUrl, String id) {
    return set == ruleSet && this.docsBaseUrl.equals(docsBaseUrl) ? byId.get(id) : null;
  }
}
