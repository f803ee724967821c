package dev.keycard.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link PolicyConfig} for tests that build the pipeline without booting Quarkus. */
public final class TestPolicyConfig {
  private TestPolicyConfig() {}

  /** Policies from {@code bundled}, default rule set {@code restricted}, 5 s deadline, 2 threads. */
  public static PolicyConfig of(String bundled) {
    return new PolicyConfig() {
      @Override
      public String bundled() {
        return bundled;
      }

      @Override
      public Optional<List<String>> dirs() {
        return Optional.empty();
      }

      @Override
      public String defaultRuleset() {
        return "restricted";
      }

      @Override
      public Duration deadline() {
        return Duration.ofSeconds(5);
      }

      @Override
      public int threads() {
        return 2;
      }
    };
  }
}
