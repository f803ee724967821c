package dev.keycard.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Turns the request timer {@code http.server.requests} into a Prometheus histogram (buckets per
 * endpoint), so latency percentiles can be aggregated across instances.
 */
@Singleton
public class MetricsSetup {
  /** The filter that enables the percentile histogram of the HTTP server timer. */
  @Produces
  @Singleton
  public MeterFilter requestLatencyHistogram() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().startsWith("http.server.requests")) {
          return DistributionStatisticConfig.builder()
              .percentilesHistogram(true)
              .build()
              .merge(config);
        }
        return config;
      }
    };
  }
}
