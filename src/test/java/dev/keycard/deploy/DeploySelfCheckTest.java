package dev.keycard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.engine.Limits;
import dev.keycard.engine.RuleCompiler;
import dev.keycard.engine.RuleEngine;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.engine.fn.SecretFunctions;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.dockerfile.DockerfileUser;
import dev.keycard.model.Container;
import dev.keycard.model.Port;
import dev.keycard.pipeline.Companions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleSet;
import dev.keycard.policy.RuleSetSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keycard's own {@code deploy/docker-compose.yml}, with {@code deploy/Dockerfile} as its companion,
 * passes Keycard's strictest rule sets through the real pipeline (load, compile, parse, companions,
 * evaluate), and meets every rule of the RULES.md catalogue on the canonical model, including rules
 * whose files are not written yet.
 */
class DeploySelfCheckTest {
  private static final Path COMPOSE = Path.of("deploy/docker-compose.yml");
  private static final Path DOCKERFILE = Path.of("deploy/Dockerfile");

  /**
   * Waivers written down with their reason: none. A rule that must be waived for deploy/ goes here
   * as {@code "KC-xxx" -> "why"}, and the test prints it.
   */
  private static final Map<String, String> WAIVERS = Map.of();

  private static PolicyCatalog catalog;
  private static Container keycard;

  @BeforeAll
  static void load() throws Exception {
    catalog = PolicyLoader.load(List.of(Path.of("policies")));
    ParsedInput parsed = parse();
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.containers()).hasSize(1);
    keycard =
        Companions.apply(parsed, Map.of("Dockerfile", Files.readString(DOCKERFILE)))
            .containers()
            .get(0);
  }

  private static ParsedInput parse() throws IOException {
    ParseService parser = new ParseService(Formats.reader());
    String dockerfile = Files.readString(DOCKERFILE);
    return parser.parse(
        new InputRequest(
            Files.readString(COMPOSE),
            false,
            "compose",
            Map.of("Dockerfile", dockerfile),
            Map.of()));
  }

  @ParameterizedTest(name = "deploy/docker-compose.yml passes {0}")
  @ValueSource(strings = {"restricted", "cis-docker", "baseline"})
  void compose_withDockerfile_hasNoFindings(String ruleSet) {
    RuleSet rs = catalog.select(RuleSetSelector.parse(ruleSet).orElseThrow()).orElseThrow();
    List<PolicyProblem> problems = new ArrayList<>();
    List<CompiledRule> rules =
        new RuleSetCompiler(new RuleCompiler(Limits.SHIPPED)).compileAll(rs.rules(), problems);
    assertThat(problems).isEmpty();
    assertThat(rules).isNotEmpty();

    EngineResult result = RuleEngine.evaluateNow(rules, List.of(keycard));

    List<Finding> unwaived =
        result.findings().stream().filter(f -> !WAIVERS.containsKey(f.ruleId())).toList();
    assertThat(unwaived)
        .as("findings of %s on deploy/docker-compose.yml", rs.key())
        .extracting(f -> f.ruleId() + ": " + f.message())
        .isEmpty();
    assertThat(result.warnings()).as("nothing left undecided").isEmpty();
  }

  @Test
  void compose_parses_withoutWarnings() throws IOException {
    assertThat(parse().warnings()).extracting(d -> d.message()).isEmpty();
  }

  @Test
  void dockerfile_endsWithNumericNonRootUser() throws IOException {
    var user = DockerfileUser.of(Files.readString(DOCKERFILE)).orElseThrow();
    assertThat(user.user()).isEqualTo("10001:10001");
    assertThat(user.isRoot()).isFalse();
    assertThat(keycard.imageUser()).isEqualTo("10001:10001");
  }

  @Test
  void dockerfile_isMultiStage_withHealthcheckLabelsAndPolicies() throws IOException {
    String text = Files.readString(DOCKERFILE);
    assertThat(text.lines().filter(l -> l.startsWith("FROM "))).hasSize(2);
    assertThat(text)
        .contains("FROM eclipse-temurin:17-jdk AS build")
        .contains("./mvnw -B -q package -DskipTests")
        .contains("target/quarkus-app/quarkus-run.jar")
        .contains("HEALTHCHECK ")
        .contains("/q/health/ready")
        .contains("org.opencontainers.image.title")
        .contains("WORKDIR /app")
        .contains("COPY policies/ policies/");
  }

  /** One RULES.md rule as a condition on the canonical container that passing it requires. */
  static Stream<Arguments> catalogue() {
    Set<String> defaultCaps =
        Set.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "NET_RAW",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");
    List<Object[]> rows =
        List.<Object[]>of(
            row("KC-001 not privileged", c -> !c.privileged()),
            row(
                "KC-002 user is not root",
                c -> c.user() != null && !c.user().matches("(root|0)(:.*)?")),
            row("KC-003 a non-root user is set", c -> c.user() != null || c.imageUser() != null),
            row("KC-004 no-new-privileges is true", c -> Boolean.TRUE.equals(c.noNewPrivileges())),
            row("KC-005 cap_drop contains ALL", c -> c.capDrop().contains("ALL")),
            row("KC-006 cap_add has no ALL", c -> !c.capAdd().contains("ALL")),
            row(
                "KC-007 no capability beyond the defaults",
                c -> defaultCaps.containsAll(c.capAdd())),
            row(
                "KC-008 nothing added but NET_BIND_SERVICE",
                c -> c.capAdd().stream().allMatch("NET_BIND_SERVICE"::equals)),
            row("KC-010 no host network", c -> !"host".equals(c.networkMode())),
            row("KC-011 no host pid", c -> !"host".equals(c.pid())),
            row("KC-012 no host ipc", c -> !"host".equals(c.ipc())),
            row("KC-013 no host uts", c -> !"host".equals(c.uts())),
            row("KC-014 no host userns", c -> !"host".equals(c.userns())),
            row("KC-015 no host cgroupns", c -> !"host".equals(c.cgroupns())),
            row("KC-016 no cgroup parent", c -> c.cgroupParent() == null),
            row("KC-020 seccomp not unconfined", c -> !"unconfined".equals(c.seccomp())),
            row("KC-021 apparmor not unconfined", c -> !"unconfined".equals(c.apparmor())),
            row("KC-022 selinux not disabled", c -> !c.selinux().contains("disable")),
            row("KC-023 system paths masked", c -> !"unconfined".equals(c.systempaths())),
            row(
                "KC-024 only valid security options",
                c ->
                    c.securityOpt().stream()
                        .allMatch(o -> o.matches("no-new-privileges([:=]true)?"))),
            row("KC-030/031/035 no mounts", c -> c.mounts().isEmpty()),
            row(
                "KC-032 read-only root filesystem with tmpfs /tmp",
                c -> c.readOnly() && c.tmpfs().stream().anyMatch(t -> "/tmp".equals(t.target()))),
            row("KC-033 no devices", c -> c.devices().isEmpty()),
            row("KC-034 no device cgroup rules", c -> c.deviceCgroupRules().isEmpty()),
            row("KC-040 memory limited to 512m", c -> Long.valueOf(512L << 20).equals(c.memory())),
            row("KC-041 CPUs limited", c -> c.cpus() != null && c.cpus() > 0),
            row("KC-042 PIDs limited", c -> c.pidsLimit() != null && c.pidsLimit() > 0),
            row("KC-043 OOM killer enabled", c -> !c.oomKillDisable()),
            row(
                "KC-050 no privileged host port",
                c ->
                    c.ports().stream().allMatch(p -> p.hostPort() != null && p.hostPort() >= 1024)),
            row(
                "KC-051 ports bound to 127.0.0.1",
                c ->
                    !c.ports().isEmpty()
                        && c.ports().stream().map(Port::hostIp).allMatch("127.0.0.1"::equals)),
            row(
                "KC-052 not on the default bridge",
                c -> c.networkMode() == null && c.networks().equals(List.of("keycard"))),
            row("KC-053 no sysctls", c -> c.sysctls().isEmpty()),
            row(
                "KC-060 restart on-failure, at most 5 retries",
                c ->
                    "on-failure".equals(c.restartPolicy())
                        && c.restartMaxRetries() != null
                        && c.restartMaxRetries() <= 5),
            row(
                "KC-061 a healthcheck on /q/health/ready",
                c ->
                    c.healthcheck() != null
                        && !c.healthcheck().disabled()
                        && c.healthcheck().test().contains("http://127.0.0.1:8080/q/health/ready")),
            row(
                "KC-063 no literal secret in the environment",
                c ->
                    c.environment().stream()
                        .filter(e -> SecretFunctions.looksSecret(e.name()))
                        .allMatch(e -> e.value() == null || e.value().isEmpty())));
    return rows.stream().map(r -> Arguments.of(r[0], r[1]));
  }

  private static Object[] row(String name, Predicate<Container> holds) {
    return new Object[] {name, holds};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void compose_meetsTheCatalogue_onTheCanonicalModel(String rule, Predicate<Container> holds) {
    assertThat(holds.test(keycard)).as(rule + " for service " + keycard.name()).isTrue();
    assertThat(keycard.unknown()).as("no setting left to the client").isEmpty();
  }
}
