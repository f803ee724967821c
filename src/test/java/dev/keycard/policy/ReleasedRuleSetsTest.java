package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped rule sets are released: their digests are pinned, so any change to their content
 * fails the load (and this build) instead of silently changing what "restricted@1.0.0" means.
 */
class ReleasedRuleSetsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "baseline@1.0.0",
        "restricted@1.0.0",
        "cis-docker@1.0.0",
        "baseline@1.1.0",
        "restricted@1.1.0",
        "cis-docker@1.1.0",
        "restricted@1.2.0",
        "cis-docker@1.2.0",
        "pss-baseline@1.0.0",
        "pss-restricted@1.0.0"
      })
  void shippedVersion_isReleasedWithItsPinnedDigest(String selector) throws Exception {
    PolicyCatalog c = PolicyLoader.load(List.of(Path.of("policies")));
    RuleSet rs = c.select(RuleSetSelector.parse(selector).orElseThrow()).orElseThrow();
    assertThat(rs.released()).as(selector + " is in policies/released.yaml").isTrue();
    assertThat(rs.digest()).startsWith("sha256:");
  }

  @Test
  void everyShippedVersion_isReleased() throws Exception {
    PolicyCatalog c = PolicyLoader.load(List.of(Path.of("policies")));
    assertThat(c.all()).isNotEmpty();
    assertThat(c.all())
        .allSatisfy(
            rs -> assertThat(rs.released()).as(rs.key() + " is in policies/released.yaml").isTrue());
  }
}
