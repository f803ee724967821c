package dev.keycard.api;

import dev.keycard.pipeline.PolicyService;
import dev.keycard.policy.PolicyCatalog;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps every meter's tags in a closed set, so that no caller can add a series: an HTTP method
 * outside the standard ones, a path no endpoint serves, a rule id or rule-set name Keycard did not
 * load all fold into {@code OTHER} (caller rules into {@code adhoc}). Micrometer creates a meter per
 * distinct tag set and keeps it for good; before this, each made-up method added a timer with a
 * full percentile histogram until a scrape ran out of heap.
 *
 * <p>The request latency histogram ({@code http_server_requests_seconds_bucket{uri=...}}, what the
 * README documents for dashboards) is kept for the {@code /v1} endpoints only, with a fixed set of
 * {@link #LATENCY_BUCKETS}; everything else is a plain timer (count, sum, max).
 */
@Singleton
public class MetricsSetup {
  /** What an unknown method, path, rule set or version becomes. */
  static final String OTHER = "OTHER";

  /** What a caller's own rule id becomes in {@code keycard_findings_total}. */
  static final String ADHOC = "adhoc";

  /** The methods the HTTP specification defines for resources (TRACE and CONNECT are not served). */
  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

  /**
   * Every endpoint as Quarkus names it in the {@code uri} tag (the resource's path template), and
   * Quarkus's own names for a 404 and a redirect. OperationsTest proves each endpoint is named here.
   */
  static final Set<String> URIS =
      Set.of(
          "/v1/evaluate",
          "/v1/fix",
          "/v1/parse",
          "/v1/rulesets",
          "/v1/rulesets/check",
          "/v1/rulesets/{name}",
          "/v1/rulesets/{name}/{version}",
          "/v1/rules/{id}",
          "/v1/data/{path}",
          "NOT_FOUND",
          "REDIRECTION");

  /** Latency buckets of the {@code /v1} endpoints, from a cache hit to the rule deadline. */
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final Instance<PolicyService> policies;

  public MetricsSetup(Instance<PolicyService> policies) {
    this.policies = policies;
  }

  /** The filter that bounds every tag and gives the {@code /v1} endpoints their histogram. */
  @Produces
  @Singleton
  public MeterFilter boundedTags() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String name = id.getName();
        if (name.startsWith("http.server")) {
          return retag(id, this::httpTag);
        }
        if (name.equals("keycard.findings") || name.equals("keycard.evaluations")) {
          return retag(id, this::keycardTag);
        }
        return id;
      }

      private String httpTag(Tag t) {
        return switch (t.getKey()) {
          case "method" -> METHODS.contains(t.getValue()) ? t.getValue() : OTHER;
          case "uri" -> uri(t.getValue());
          default -> t.getValue();
        };
      }

      private String keycardTag(Tag t) {
        Optional<PolicyCatalog> catalog = catalog();
        return switch (t.getKey()) {
          case "rule" ->
              catalog.flatMap(c -> c.rule(t.getValue())).isPresent() ? t.getValue() : ADHOC;
          case "ruleset" -> catalog.map(c -> c.names().contains(t.getValue())).orElse(false)
              ? t.getValue()
              : OTHER;
          case "version" -> t.getValue().length() <= 32 ? t.getValue() : OTHER;
          default -> t.getValue();
        };
      }

      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().equals("http.server.requests")) {
          String uri = id.getTag("uri");
          if (uri != null && uri.startsWith("/v1/")) {
            return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(nanos(LATENCY_BUCKETS))
                .build()
                .merge(config);
          }
          return DistributionStatisticConfig.builder()
              .percentilesHistogram(false)
              .build()
              .merge(config);
        }
        return config;
      }
    };
  }

  /**
   * The endpoint a {@code uri} tag names, or {@link #OTHER}. The OPA Data API serves every path
   * under {@code /v1/data/} (its template, {@code {path: .*}}, is a regular expression Quarkus tags
   * by the path itself), so all of them are its one name.
   */
  static String uri(String value) {
    if (URIS.contains(value)) {
      return value;
    }
    return value.startsWith("/v1/data/") ? "/v1/data/{path}" : OTHER;
  }

  private Optional<PolicyCatalog> catalog() {
    return policies.isResolvable() ? policies.get().catalog() : Optional.empty();
  }

  private static Meter.Id retag(Meter.Id id, java.util.function.Function<Tag, String> value) {
    List<Tag> tags = new ArrayList<>();
    boolean changed = false;
    for (Tag t : id.getTagsAsIterable()) {
      String v = value.apply(t);
      changed |= !v.equals(t.getValue());
      tags.add(Tag.of(t.getKey(), v));
    }
    return changed ? id.replaceTags(tags) : id;
  }

  private static double[] nanos(Duration[] buckets) {
    double[] out = new double[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      out[i] = buckets[i].toNanos();
    }
    return out;
  }
}
