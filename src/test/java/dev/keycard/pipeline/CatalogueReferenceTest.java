package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalogue against PRODUCT.md's reference inputs: the secure configuration passes
 * {@code restricted} but for its one documented flaw, and the "hands the container the host"
 * command is caught.
 */
class CatalogueReferenceTest {
  static final String SECURE =
      """
      services:
        app:
          build: .
          image: myapp:latest
          cap_drop: [ALL]
          cap_add: [NET_BIND_SERVICE]
          read_only: true
          tmpfs: [/tmp, /var/run]
          security_opt:
            - no-new-privileges:true
            - seccomp=default
          mem_limit: 512m
          cpus: 1
          pids_limit: 100
          networks: [app-network]
          privileged: false
          restart: unless-stopped
      networks:
        app-network:
          driver: bridge
      """;
  static final Map<String, String> DOCKERFILE =
      Map.of("Dockerfile", "FROM alpine\nRUN adduser -D appuser\nUSER appuser\n");

  static ShippedCatalogue catalogue;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
  }

  private static EngineResult restricted(String input, Map<String, String> files) {
    ParsedInput p = catalogue.parse(input, files);
    assertThat(p.errors()).isEmpty();
    return ShippedCatalogue.evaluate(catalogue.ruleSet("restricted"), p);
  }

  @Test
  void everyRuleExample_passesOrFailsAsItSays() {
    List<PolicyProblem> problems = catalogue.runExamples();
    assertThat(problems).extracting(PolicyProblem::format).isEmpty();
  }

  @Test
  void referenceSecureConfiguration_underRestricted_yieldsOnlyTheInvalidSeccompOption() {
    EngineResult r = restricted(SECURE, DOCKERFILE);
    assertThat(r.warnings()).isEmpty();
    // KC-024 belongs to the other half of the catalogue; until it is merged nothing may fire
    List<String> expected =
        catalogue.ruleSet("restricted").stream().anyMatch(x -> x.id().equals("KC-024"))
            ? List.of("KC-024")
            : List.of();
    assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyElementsOf(expected);
  }

  @Test
  void privilegedWithHostRoot_underRestricted_yieldsPrivilegedCriticalRootMountAndNoUser() {
    EngineResult r = restricted("docker run --privileged -v /:/host myapp", Map.of());
    Map<String, Severity> byRule =
        r.findings().stream()
            .collect(Collectors.toMap(Finding::ruleId, Finding::severity, (a, b) -> a));
    assertThat(byRule)
        .containsEntry("KC-001", Severity.CRITICAL)
        .containsEntry("KC-031", Severity.CRITICAL)
        .containsEntry("KC-003", Severity.MEDIUM);
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("KC-031"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("host path / (-v /:/host)"));
  }

  @Test
  void secretInComposeEnvironmentList_pointsAtItsEntry() {
    String compose =
        "services:\n  db:\n    image: postgres\n    environment:\n      - A=1\n"
            + "      - POSTGRES_PASSWORD=example\n";
    EngineResult r = restricted(compose, Map.of());
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("KC-063"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("environment[1]");
              assertThat(f.location().span().start().line()).isEqualTo(6);
            });
  }
}
