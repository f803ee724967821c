package dev.keycard.pipeline;

import dev.keycard.engine.Finding;
import dev.keycard.report.DecisionLogLine;
import dev.keycard.report.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records each decision a caller asked for: one JSON line on the {@code keycard.decisions} logger
 * and the Prometheus counters {@code keycard_evaluations_total{ruleset, version}} and {@code
 * keycard_findings_total{rule, severity}}. Fix verification re-evaluates internally and is not
 * recorded: only what a caller was answered counts.
 */
@ApplicationScoped
public class DecisionRecorder {
  /** The logger category of decision lines. */
  public static final String CATEGORY = "keycard.decisions";

  private static final Logger LOG = Logger.getLogger(CATEGORY);

  private final MeterRegistry registry;
  private final boolean includeInput;
  private final PolicyService policies;

  /**
   * Counters by rule set or by rule and severity, looked up once: registering builds and sorts a
   * meter id, and a request may report dozens of findings. Keys are bounded by the loaded rules:
   * every caller rule counts under {@code adhoc}, so callers cannot grow this map.
   */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public DecisionRecorder(
      MeterRegistry registry,
      PolicyService policies,
      @ConfigProperty(name = "keycard.decision-log.include-input", defaultValue = "false")
          boolean includeInput) {
    this.registry = registry;
    this.policies = policies;
    this.includeInput = includeInput;
  }

  /** The rule's id when it is one of the loaded rule sets', else {@code adhoc}. */
  private String ruleTag(String id) {
    return policies.catalog().flatMap(c -> c.rule(id)).isPresent() ? id : "adhoc";
  }

  /** Logs and counts one decision on {@code inputText} as the caller sent it. */
  public void record(Evaluation e, String inputText) {
    String set = e.ruleSet().name() + "@" + e.ruleSet().version();
    counters
        .computeIfAbsent(
            set,
            k ->
                Counter.builder("keycard.evaluations")
                    .description("Evaluations answered, by rule set and version")
                    .tag("ruleset", e.ruleSet().name())
                    .tag("version", e.ruleSet().version().toString())
                    .register(registry))
        .increment();
    for (Finding f : e.findings()) {
      String rule = ruleTag(f.ruleId());
      counters
          .computeIfAbsent(
              rule + " " + f.severity().apiName(),
              k ->
                  Counter.builder("keycard.findings")
                      .description("Findings reported (not waived), by rule and severity")
                      .tag("rule", rule)
                      .tag("severity", f.severity().apiName())
                      .register(registry))
          .increment();
    }
    if (LOG.isInfoEnabled()) {
      LOG.info(DecisionLogLine.of(e, inputText, includeInput));
    }
  }
}
