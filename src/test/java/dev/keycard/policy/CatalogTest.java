package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.engine.Limits;
import dev.keycard.engine.RuleCompiler;
import dev.keycard.engine.RuleEngine;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.ExampleRunner;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped catalogue in {@code policies/}: every rule passes the shipped gate, every example
 * does what it says in every input format, and every rule sits in the rule sets, with the severity,
 * that RULES.md's catalogue table gives it.
 */
class CatalogTest {
  private static final Path BUNDLED = Path.of("policies");
  private static final String CIS = "CIS Docker Benchmark v1.6.0 ";

  /** RULES.md's catalogue: id, title, severity, sets (B, R, C + control number). */
  private static final List<Row> TABLE =
      List.of(
          row("KC-001", "Container runs privileged", "critical", "B R C5.5"),
          row("KC-002", "Container runs as root", "high", "R C4.1"),
          row("KC-003", "No non-root user set", "medium", "R C4.1"),
          row("KC-004", "Privilege escalation not blocked", "medium", "R C5.26"),
          row("KC-005", "Capabilities not dropped", "medium", "R C5.4"),
          row("KC-006", "All capabilities added", "critical", "B R"),
          row("KC-007", "Capability added beyond Docker's defaults", "high", "B R C5.4"),
          row("KC-008", "Capability added other than NET_BIND_SERVICE", "medium", "R"),
          row("KC-010", "Host network namespace shared", "high", "B R C5.10"),
          row("KC-011", "Host PID namespace shared", "high", "B R C5.16"),
          row("KC-012", "Host IPC namespace shared", "high", "B R C5.17"),
          row("KC-013", "Host UTS namespace shared", "medium", "B R C5.21"),
          row("KC-014", "Host user namespace shared", "medium", "B R C5.31"),
          row("KC-015", "Host cgroup namespace shared", "medium", "B R"),
          row("KC-016", "Custom cgroup parent", "low", "C5.25"),
          row("KC-020", "Seccomp disabled", "high", "B R C5.22"),
          row("KC-021", "AppArmor disabled", "high", "B R C5.2"),
          row("KC-022", "SELinux separation disabled", "high", "B R C5.3"),
          row("KC-023", "System paths unmasked", "high", "B R"),
          row("KC-024", "Invalid security option", "low", "B R"),
          row("KC-030", "Container runtime socket mounted", "critical", "B R C5.32"),
          row("KC-031", "Sensitive host path mounted", "high", "B R C5.6"),
          row("KC-032", "Root filesystem writable", "medium", "R C5.13"),
          row("KC-033", "Host device exposed", "medium", "B R C5.18"),
          row("KC-034", "Permissive device cgroup rule", "high", "B R"),
          row("KC-035", "Shared mount propagation", "medium", "B R C5.20"),
          row("KC-040", "Memory not limited", "medium", "R C5.11"),
          row("KC-041", "CPU not limited", "low", "R C5.12"),
          row("KC-042", "PIDs not limited", "medium", "R C5.29"),
          row("KC-043", "OOM killer disabled", "medium", "R"),
          row("KC-050", "Privileged host port published", "low", "C5.8"),
          row("KC-051", "Port published on every interface", "low", "C5.14"),
          row("KC-052", "Default bridge network", "info", "C5.30"),
          row("KC-053", "Unsafe sysctl", "medium", "B R"),
          row("KC-060", "Restart policy not bounded", "low", "C5.15"),
          row("KC-061", "No healthcheck", "low", "C5.27"),
          row("KC-063", "Secret in environment", "medium", "R"));

  private static PolicyCatalog catalog;
  private static ParseService parser;
  private static Map<String, CompiledRule> compiled;
  private static List<PolicyProblem> compileProblems;

  record Row(String id, String title, Severity severity, Set<String> sets, String cis) {
    @Override
    public String toString() {
      return id + " " + title;
    }
  }

  private static Row row(String id, String title, String severity, String sets) {
    Set<String> names = new TreeSet<>();
    String cis = null;
    for (String s : sets.split(" ")) {
      switch (s.charAt(0)) {
        case 'B' -> names.add("baseline");
        case 'R' -> names.add("restricted");
        case 'C' -> {
          names.add("cis-docker");
          cis = s.substring(1);
        }
        default -> throw new IllegalArgumentException(s);
      }
    }
    return new Row(id, title, Severity.byName(severity).orElseThrow(), names, cis);
  }

  @BeforeAll
  static void load() throws PolicyException {
    catalog = PolicyLoader.load(List.of(BUNDLED));
    parser = new ParseService(Formats.reader());
    RuleSetCompiler compiler = new RuleSetCompiler(new RuleCompiler(Limits.SHIPPED));
    compileProblems = new ArrayList<>();
    compiled = new LinkedHashMap<>();
    for (RuleDefinition d : catalog.rules()) {
      CompiledRule c = compiler.compile(d, compileProblems);
      if (c != null) {
        compiled.put(d.key(), c);
      }
    }
  }

  @Test
  void everyRuleOfEverySet_passesTheShippedGate() {
    assertThat(compileProblems.stream().map(PolicyProblem::format)).isEmpty();
    for (RuleSet s : catalog.all()) {
      assertThat(s.rules()).allSatisfy(r -> assertThat(compiled).containsKey(r.key()));
    }
  }

  @Test
  void everyExampleOfEveryRule_failsOrPassesAsItSays() {
    ExampleRunner runner = new ExampleRunner(parser);
    List<String> problems = new ArrayList<>();
    for (CompiledRule r : compiled.values()) {
      runner.run(r).forEach(p -> problems.add(p.format()));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The newest revision of every rule has a passing example in every input format, and a failing
   * one in every format but those its companion example file declares not expressible: there the
   * passing example shows that the rule stays silent. Older revisions are frozen with their
   * released rule sets; the example runner still runs whatever examples they have.
   */
  @Test
  void everyRule_hasAFailingAndAPassingExampleInEveryInputFormat() {
    List<String> problems = new ArrayList<>();
    for (String id : catalog.ruleIds()) {
      RuleDefinition d = catalog.rule(id).orElseThrow();
      Set<InputFormat> fail = formats(d.failExamples());
      Set<InputFormat> pass = formats(d.passExamples());
      for (InputFormat f : Formats.all()) {
        boolean expressible = d.notExpressibleIn(f.apiName()).isEmpty();
        if (expressible && !fail.contains(f)) {
          problems.add(d.at() + ": " + d.key() + " has no failing " + f.apiName() + " example");
        }
        if (!expressible && fail.contains(f)) {
          problems.add(d.at() + ": " + d.key() + " has a failing " + f.apiName()
              + " example but declares the format not expressible");
        }
        if (!pass.contains(f)) {
          problems.add(d.at() + ": " + d.key() + " has no passing " + f.apiName() + " example"
              + (expressible ? "" : " (not expressible there: one must show the rule stays silent)"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void notExpressible_namesARegisteredFormatAndSaysWhy() {
    Set<String> names = new HashSet<>(Formats.names());
    List<String> problems = new ArrayList<>();
    for (RuleDefinition d : catalog.rules()) {
      for (NotExpressible n : d.notExpressible()) {
        if (!names.contains(n.format())) {
          problems.add(n.at() + ": " + d.key() + " declares unknown format " + n.format());
        }
        if (n.reason().length() < 40) {
          problems.add(n.at() + ": " + d.key() + " says too little about why: " + n.reason());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRule_explainsItselfAndNamesTheContainer() {
    List<String> problems = new ArrayList<>();
    for (RuleDefinition d : catalog.rules()) {
      if (d.rationale() == null || d.rationale().isBlank()) {
        problems.add(d.at() + ": " + d.id() + " has no rationale");
      }
      if (d.remediation() == null || d.remediation().isBlank()) {
        problems.add(d.at() + ": " + d.id() + " has no remediation");
      }
      if (!d.message().text().contains("@{c.name}")) {
        problems.add(d.at() + ": " + d.id() + " message does not name the container");
      }
    }
    assertThat(problems).isEmpty();
  }

  static Stream<Row> table() {
    return TABLE.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void existingRule_matchesRulesMdTitleSeverityReferenceAndSets(Row row) {
    // The table is the released 1.0.0 catalogue: its rules are the first revisions (later ones
    // belong to later rule-set versions, see SeverityRecalibrationTest).
    Optional<RuleDefinition> rule =
        catalog.rules().stream()
            .filter(r -> r.id().equals(row.id()) && r.revision() == 1)
            .findFirst();
    assertThat(rule)
        .as(row.id() + " is in RULES.md, so it must exist (a deleted rule fails here)")
        .isPresent();
    RuleDefinition d = rule.get();
    assertThat(d.title()).isEqualTo(row.title());
    assertThat(d.severity()).isEqualTo(row.severity());
    if (row.cis() != null) {
      assertThat(d.references()).contains(CIS + row.cis());
    } else {
      assertThat(d.references()).noneMatch(r -> r.startsWith("CIS "));
    }
    Set<String> sets = new TreeSet<>();
    for (String name : List.of("baseline", "restricted", "cis-docker")) {
      RuleSet s = version100(name);
      Optional<RuleDefinition> member =
          s.rules().stream().filter(r -> r.id().equals(row.id())).findFirst();
      member.ifPresent(
          m -> {
            sets.add(name);
            assertThat(m.severity()).as(name + " severity").isEqualTo(row.severity());
          });
    }
    assertThat(sets).as("rule sets containing " + row.id()).isEqualTo(row.sets());
  }

  @ParameterizedTest(name = "{0}@1.0.0 lists only catalogue rules")
  @CsvSource({"baseline", "restricted", "cis-docker"})
  void ruleSet_containsOnlyRulesOfTheTableThatNameIt(String name) {
    Map<String, Row> byId = new LinkedHashMap<>();
    TABLE.forEach(r -> byId.put(r.id(), r));
    assertThat(version100(name).rules())
        .allSatisfy(
            r -> {
              assertThat(byId).containsKey(r.id());
              assertThat(byId.get(r.id()).sets()).contains(name);
            });
  }

  /** A capability is judged by exactly one of KC-006/007/008, and NET_BIND_SERVICE by none. */
  @ParameterizedTest(name = "cap_add {0} -> {1}")
  @CsvSource({
    "ALL, KC-006",
    "all, KC-006",
    "SYS_ADMIN, KC-007",
    "cap_net_admin, KC-007",
    "BPF, KC-007",
    "CHOWN, KC-008",
    "CAP_NET_RAW, KC-008",
    "setuid, KC-008",
    "NET_BIND_SERVICE, ''",
    "cap_net_bind_service, ''"
  })
  void capabilityRules_neverFireTwiceForOneCapability(String cap, String expected) {
    EngineResult r =
        evaluate(
            "docker run --cap-drop ALL --cap-add " + cap + " nginx", "KC-006", "KC-007", "KC-008");
    assertThat(r.findings().stream().map(Finding::ruleId).toList())
        .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
  }

  @Test
  void noNewPrivileges_inAnUnresolvedVariable_isUndecidedInsteadOfFiring() {
    EngineResult r = evaluate("docker run --security-opt \"$OPTS\" nginx", "KC-004");
    assertThat(r.findings()).isEmpty();
    assertThat(r.undecided()).anySatisfy(u -> assertThat(u.ruleId()).isEqualTo("KC-004"));
  }

  @Test
  void noNewPrivilegesFalse_isLocatedAtTheOptionNotAtTheContainerName() {
    EngineResult r = evaluate("docker run --security-opt no-new-privileges=false nginx", "KC-004");
    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("no_new_privileges"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "KC-020, seccomp=unconfined",
    "KC-021, apparmor:unconfined",
    "KC-022, label=disable",
    "KC-023, systempaths=unconfined",
    "KC-024, seccomp=default"
  })
  void securityOptionRules_fixByRemovingTheOffendingOption(String id, String opt) {
    EngineResult r =
        evaluate(
            "docker run --security-opt no-new-privileges --security-opt " + opt + " nginx", id);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("security_opt[1]");
              assertThat(f.message()).contains(opt);
              assertThat(f.fix())
                  .extracting(FixOperation::op)
                  .containsExactly(FixOperation.Op.REMOVE_ITEM);
            });
  }

  private static EngineResult evaluate(String input, String... ids) {
    ParsedInput parsed = parser.parse(new InputRequest(input, false, null, Map.of(), Map.of()));
    assertThat(parsed.hasErrors()).as("parses: " + input).isFalse();
    List<CompiledRule> rules = new ArrayList<>();
    for (String id : ids) {
      rules.add(compiled.get(catalog.rule(id).orElseThrow().key()));
    }
    return RuleEngine.evaluateNow(rules, parsed.containers());
  }

  private static RuleSet version100(String name) {
    return catalog.versions(name).stream()
        .filter(s -> s.version().toString().equals("1.0.0"))
        .findFirst()
        .orElseThrow();
  }

  private static Set<InputFormat> formats(List<RuleExample> examples) {
    Set<InputFormat> out = new HashSet<>();
    for (RuleExample e : examples) {
      ParsedInput p =
          parser.parse(new InputRequest(e.input(), false, e.format(), e.files(), e.variables()));
      out.add(p.format());
    }
    return out;
  }
}
