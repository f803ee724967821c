package dev.keycard.api;

import dev.keycard.pipeline.PolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when every rule set compiled and passed its own examples. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  private final PolicyService policies;

  public ReadinessCheck(PolicyService policies) {
    this.policies = policies;
  }

  @Override
  public HealthCheckResponse call() {
    var b = HealthCheckResponse.named("rule-sets").status(policies.ready());
    policies.catalog().ifPresent(c -> b.withData("rulesets", String.join(", ", c.all().stream().map(r -> r.key()).toList())));
    if (!policies.ready()) {
      b.withData("problems", policies.problems().size());
      if (!policies.problems().isEmpty()) {
        b.withData("first_problem", policies.problems().get(0).format());
      }
    }
    return b.build();
  }
}
