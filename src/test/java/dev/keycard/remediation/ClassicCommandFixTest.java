package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.report.FixResult;
import dev.keycard.policy.PolicyException;
import dev.keycard.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code docker run --privileged -v /:/host myapp} fixes to a least-privilege command. Each row
 * runs against the tests' own rules and against the shipped {@code restricted} set; every rule a row
 * names must exist (RULES.md is complete), so a deleted rule fails its rows instead of skipping them.
 */
class ClassicCommandFixTest {
  private static final String CLASSIC = "docker run --privileged -v /:/host myapp";

  @ParameterizedTest(name = "{0}: {1} ''{2}'' ({3}/{4})")
  @CsvSource({
    "KC-001, lacks, --privileged, src/test/resources/remediation/policies, fixtest",
    "KC-031, lacks, /:/host, src/test/resources/remediation/policies, fixtest",
    "KC-005, has, --cap-drop ALL, src/test/resources/remediation/policies, fixtest",
    "KC-032, has, --read-only, src/test/resources/remediation/policies, fixtest",
    "KC-032, has, --tmpfs /tmp, src/test/resources/remediation/policies, fixtest",
    "KC-004, has, --security-opt no-new-privileges:true, src/test/resources/remediation/policies,"
        + " fixtest",
    "KC-003, has, --user 1000:1000, src/test/resources/remediation/policies, fixtest",
    "KC-040, has, --memory 512m, src/test/resources/remediation/policies, fixtest",
    "KC-041, has, --cpus 1, src/test/resources/remediation/policies, fixtest",
    "KC-042, has, --pids-limit 100, src/test/resources/remediation/policies, fixtest",
    "KC-001, lacks, --privileged, policies, restricted",
    "KC-031, lacks, /:/host, policies, restricted",
    "KC-005, has, --cap-drop ALL, policies, restricted",
    "KC-032, has, --read-only, policies, restricted",
    "KC-004, has, --security-opt no-new-privileges:true, policies, restricted",
    "KC-003, has, --user 1000:1000, policies, restricted",
    "KC-040, has, --memory 512m, policies, restricted",
    "KC-041, has, --cpus 1, policies, restricted",
    "KC-042, has, --pids-limit 100, policies, restricted",
  })
  void classicCommand_fixesToLeastPrivilege(
      String ruleId, String how, String fragment, String policies, String ruleset)
      throws PolicyException {
    assertThat(ruleIds(policies)).as(ruleId + " must be in " + policies).contains(ruleId);
    FixResult r = Harness.of(policies).fix(CLASSIC, ruleset);
    if (how.equals("has")) {
      assertThat(r.fixed()).contains(fragment);
    } else {
      assertThat(r.fixed()).doesNotContain(fragment);
    }
    assertThat(r.fixed()).startsWith("docker run ").endsWith(" myapp");
    assertThat(r.after().findings()).allSatisfy(f -> assertThat(f.fix()).isEmpty());
  }

  private static Set<String> ruleIds(String dir) throws PolicyException {
    return PolicyLoader.load(List.of(Path.of(dir))).rules().stream()
        .map(d -> d.id())
        .collect(Collectors.toSet());
  }
}
