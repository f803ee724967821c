package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Container;
import dev.keycard.model.Mount;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleFileReader;
import dev.keycard.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditional severity: a rule file's {@code escalate} list, compiled and applied per finding. */
class EscalationTest {
  static final String RULE =
      """
      id: T-1
      title: Host path mounted
      severity: medium
      escalate:
        - severity: critical
          when: item.source == '/'
        - severity: high
          when: "!item.read_only"
      for_each: mounts
      when: item.type == 'bind'
      message: "mount @{item.source}"
      """;

  static RuleDefinition read(String text) {
    RuleFileReader reader = new RuleFileReader();
    List<RuleDefinition> rules = reader.readRules(text, "t.yaml");
    assertThat(reader.problems()).extracting(PolicyProblem::format).isEmpty();
    return rules.get(0);
  }

  static CompiledRule compile(RuleDefinition d) {
    List<PolicyProblem> problems = new ArrayList<>();
    CompiledRule r = new RuleSetCompiler(new RuleCompiler(Limits.SHIPPED)).compile(d, problems);
    assertThat(problems).extracting(PolicyProblem::format).isEmpty();
    return r;
  }

  static Container mounting(Mount m) {
    Container.Builder b = Container.builder();
    b.name = "app";
    b.mounts.add(m);
    return b.build();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "root, read-only: first entry",
            new Mount("bind", "/", "/h", true, null),
            Severity.CRITICAL),
        Arguments.of(
            "root, writable: first entry wins",
            new Mount("bind", "/", "/h", false, null),
            Severity.CRITICAL),
        Arguments.of(
            "writable: second entry", new Mount("bind", "/srv", "/h", false, null), Severity.HIGH),
        Arguments.of(
            "no entry holds: rule's own",
            new Mount("bind", "/srv", "/h", true, null),
            Severity.MEDIUM));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void finding_takesFirstMatchingEscalation(String name, Mount mount, Severity expected) {
    CompiledRule r = compile(read(RULE));
    EngineResult result = RuleEngine.evaluateNow(List.of(r), List.of(mounting(mount)));
    assertThat(result.findings()).singleElement().extracting(Finding::severity).isEqualTo(expected);
  }

  @Test
  void overriddenSeverity_isNeverLoweredByAnEscalation() {
    CompiledRule r = compile(read(RULE)).withDefinition(read(RULE).withSeverity(Severity.CRITICAL));
    Container writable = mounting(new Mount("bind", "/srv", "/h", false, null));
    assertThat(RuleEngine.evaluateNow(List.of(r), List.of(writable)).findings())
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void overriddenSeverity_keepsItsEscalations() {
    CompiledRule r = compile(read(RULE)).withDefinition(read(RULE).withSeverity(Severity.LOW));
    Container root = mounting(new Mount("bind", "/", "/h", true, null));
    assertThat(RuleEngine.evaluateNow(List.of(r), List.of(root)).findings())
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void escalationOnAValueOnlyTheClientKnows_isNotApplied() {
    String text = RULE.replace("item.source == '/'", "c.user == 'root'");
    Container.Builder b = Container.builder();
    b.name = "app";
    b.user = "root";
    b.mounts.add(new Mount("bind", "/srv", "/h", true, null));
    b.unknown("user");
    assertThat(RuleEngine.evaluateNow(List.of(compile(read(text))), List.of(b.build())).findings())
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void escalationThatCannotBeEvaluated_keepsTheFindingAndWarns() {
    String text = RULE.replace("item.source == '/'", "c.healthcheck.disabled");
    EngineResult result =
        RuleEngine.evaluateNow(
            List.of(compile(read(text))),
            List.of(mounting(new Mount("bind", "/srv", "/h", true, null))));
    assertThat(result.findings())
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.MEDIUM);
    assertThat(result.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("escalation"));
  }

  @Test
  void escalationCompileError_isReportedAtItsPlaceInTheFile() {
    RuleDefinition d = read(RULE.replace("item.source == '/'", "item.source.class == '/'"));
    List<PolicyProblem> problems = new ArrayList<>();
    CompiledRule r = new RuleSetCompiler(new RuleCompiler(Limits.SHIPPED)).compile(d, problems);
    assertThat(r).isNull();
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("type_mismatch");
              assertThat(p.message()).startsWith("escalate[0].when: ");
              assertThat(p.at().toString()).isEqualTo("t.yaml:6:23");
            });
  }

  static Stream<Arguments> badEscalations() {
    return Stream.of(
        Arguments.of("not a list", "escalate: high\n", "escalate must be a list"),
        Arguments.of(
            "unknown severity", "escalate: [{severity: urgent, when: 'true'}]\n", "urgent"),
        Arguments.of("no condition", "escalate: [{severity: high}]\n", "'when' is required"),
        Arguments.of(
            "unknown key",
            "escalate: [{severity: high, when: 'true', if: x}]\n",
            "unknown key 'if'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEscalations")
  void badEscalation_isARuleFileProblem(String name, String yaml, String expected) {
    String text = "id: T-2\ntitle: t\nseverity: low\nwhen: 'true'\nmessage: m\n" + yaml;
    RuleFileReader reader = new RuleFileReader();
    assertThat(reader.readRules(text, "t.yaml")).isEmpty();
    assertThat(reader.problems()).anySatisfy(p -> assertThat(p.message()).contains(expected));
  }

  @Test
  void digest_coversTheEscalations() {
    assertThat(read(RULE).digest())
        .isNotEqualTo(read(RULE.replace("severity: high", "severity: low")).digest());
  }
}
