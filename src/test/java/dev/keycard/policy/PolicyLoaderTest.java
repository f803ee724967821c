package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  static final String RULE =
      """
      id: KC-001
      title: Container runs privileged
      severity: critical
      when: c.privileged
      message: "Container '@{c.name}' runs privileged"
      fix:
        - remove: privileged
      examples:
        fail: ["docker run --privileged nginx"]
        pass: ["docker run nginx"]
      """;

  @TempDir Path dir;

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void load_resolvesIncludesOverridesAndNewestVersion() throws Exception {
    write("rules/KC-001.yaml", RULE);
    write("rules/KC-002.yaml", RULE.replace("KC-001", "KC-002").replace("critical", "high"));
    write("rulesets/base-1.0.0.yaml", "name: base\nversion: 1.0.0\nrules: [KC-001]\n");
    write("rulesets/base-1.1.0.yaml", "name: base\nversion: 1.1.0\nrules: [KC-001]\n");
    write(
        "rulesets/strict-1.0.0.yaml",
        "name: strict\nversion: 1.0.0\ninclude: [base@1.0.0]\nrules: [KC-002@1]\noverrides: {KC-001: low}\n");
    PolicyCatalog c = PolicyLoader.load(List.of(dir));
    assertThat(c.names()).containsExactly("base", "strict");
    assertThat(c.select(RuleSetSelector.parse("base").orElseThrow()).orElseThrow().version())
        .hasToString("1.1.0");
    assertThat(c.select(RuleSetSelector.parse("base@1.0").orElseThrow()).orElseThrow().version())
        .hasToString("1.0.0");
    assertThat(c.select(RuleSetSelector.parse("base@2").orElseThrow())).isEmpty();
    RuleSet strict = c.select(RuleSetSelector.parse("strict@1").orElseThrow()).orElseThrow();
    assertThat(strict.rules()).extracting(RuleDefinition::id).containsExactly("KC-001", "KC-002");
    assertThat(strict.rules().get(0).severity()).isEqualTo(Severity.LOW);
    assertThat(strict.digest()).startsWith("sha256:").hasSize(71);
    assertThat(strict.released()).isFalse();
  }

  @Test
  void load_collectsEveryProblemWithFileLineAndColumn() throws Exception {
    write("rules/a.yaml", "id: A\ntitle: t\nseverity: urgent\nwhen: c.x\nmessage: m\nbogus: 1\n");
    write("rules/b.yaml", "id: B\ntitle: [unclosed\n");
    write("rulesets/x.yaml", "name: x\nversion: 1.0\nrules: [A]\n");
    assertThatThrownBy(() -> PolicyLoader.load(List.of(dir)))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e -> {
              List<PolicyProblem> ps = ((PolicyException) e).problems();
              assertThat(ps).extracting(p -> p.at().toString())
                  .contains(dir.getFileName() + "/rules/a.yaml:3:11", dir.getFileName() + "/rules/a.yaml:6:1");
              assertThat(ps).anyMatch(p -> p.at().file().endsWith("b.yaml"));
              assertThat(ps).anyMatch(p -> p.message().contains("MAJOR.MINOR.PATCH"));
            });
  }

  @Test
  void load_releasedVersionWhoseContentChanged_fails() throws Exception {
    write("rules/KC-001.yaml", RULE);
    write("rulesets/base-1.0.0.yaml", "name: base\nversion: 1.0.0\nrules: [KC-001]\n");
    String digest =
        PolicyLoader.load(List.of(dir)).versions("base").get(0).digest();
    write("released.yaml", "base@1.0.0: " + digest + "\n");
    assertThat(PolicyLoader.load(List.of(dir)).versions("base").get(0).released()).isTrue();
    // reformatting and comments do not change the content
    write("rules/KC-001.yaml", "# a comment\n" + RULE.replace("severity: critical", "severity:   critical"));
    assertThat(PolicyLoader.load(List.of(dir)).versions("base").get(0).digest()).isEqualTo(digest);
    write("rules/KC-001.yaml", RULE.replace("c.privileged", "c.privileged == true"));
    assertThatThrownBy(() -> PolicyLoader.load(List.of(dir)))
        .hasMessageContaining("immutable")
        .hasMessageContaining("base@1.0.0");
  }

  @Test
  void load_missingRuleAndIncludeCycle_areReported() throws Exception {
    write("rulesets/a.yaml", "name: a\nversion: 1.0.0\ninclude: [b@1.0.0]\n");
    write("rulesets/b.yaml", "name: b\nversion: 1.0.0\ninclude: [a@1.0.0]\nrules: [NOPE]\n");
    assertThatThrownBy(() -> PolicyLoader.load(List.of(dir)))
        .hasMessageContaining("includes itself")
        .hasMessageContaining("NOPE@1");
  }

  @Test
  void readRules_blockScalarExpression_mapsCharactersToFileLines() {
    RuleFileReader r = new RuleFileReader();
    List<RuleDefinition> rules =
        r.readRules(
            "id: X\ntitle: t\nseverity: low\nmessage: m\nwhen: |\n  c.privileged &&\n    c.user == 'root'\n",
            "x.yaml");
    assertThat(r.problems()).isEmpty();
    Located when = rules.get(0).when();
    int at = when.text().indexOf("c.user");
    assertThat(when.position(at)).isEqualTo(new SourceRef("x.yaml", 7, 5));
    assertThat(when.position(0)).isEqualTo(new SourceRef("x.yaml", 6, 3));
  }

  @Test
  void selector_parsesEveryForm() {
    assertThat(RuleSetSelector.parse("restricted")).get().extracting(RuleSetSelector::major).isNull();
    assertThat(RuleSetSelector.parse("restricted@1.2.3")).get().hasToString("restricted@1.2.3");
    assertThat(RuleSetSelector.parse("Restricted")).isEmpty();
    assertThat(RuleSetSelector.parse("restricted@x")).isEmpty();
  }

  @Test
  void load_configMapLayout_followsLinksAndSkipsHiddenFolders() throws Exception {
    // kubelet mounts a ConfigMap as ..data/<files> plus one symbolic link per key
    write("rulesets/..2026_11_29/team-1.0.0.yaml", "name: team\nversion: 1.0.0\nrules: [KC-001]\n");
    Files.createSymbolicLink(dir.resolve("rulesets/..data"), Path.of("..2026_11_29"));
    Files.createSymbolicLink(dir.resolve("rulesets/team-1.0.0.yaml"), Path.of("..data/team-1.0.0.yaml"));
    write("rules/KC-001.yaml", RULE);
    PolicyCatalog c = PolicyLoader.load(List.of(dir));
    assertThat(c.versions("team")).hasSize(1);
  }

  static final String POD =
      """
        - |
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
              - name: web
                image: nginx
      """;

  @Test
  void companionExamples_joinTheRuleWithoutChangingItsDigest() throws Exception {
    write("rules/KC-001.yaml", RULE);
    write("rules/KC-042.yaml", RULE.replace("KC-001", "KC-042"));
    write("rulesets/base-1.0.0.yaml", "name: base\nversion: 1.0.0\nrules: [KC-001, KC-042]\n");
    PolicyCatalog before = PolicyLoader.load(List.of(dir));
    write("examples/KC-001.yaml", "rule: KC-001\nfail: [\"docker run --privileged=true nginx\"]\npass:\n" + POD);
    write(
        "examples/KC-042.yaml",
        "rule: KC-042@1\nnot_expressible:\n  kubernetes: a pod has no field for it\npass:\n" + POD);
    PolicyCatalog after = PolicyLoader.load(List.of(dir));
    assertThat(after.versions("base").get(0).digest()).isEqualTo(before.versions("base").get(0).digest());
    RuleDefinition r = after.rule("KC-001").orElseThrow();
    assertThat(r.digest()).isEqualTo(before.rule("KC-001").orElseThrow().digest());
    assertThat(r.failExamples()).extracting(RuleExample::input)
        .containsExactly("docker run --privileged nginx", "docker run --privileged=true nginx");
    assertThat(r.passExamples()).hasSize(2);
    assertThat(r.passExamples().get(1).input()).startsWith("apiVersion: v1\n");
    assertThat(r.passExamples().get(1).at().file()).endsWith("/examples/KC-001.yaml");
    assertThat(r.notExpressible()).isEmpty();
    // the rule set carries the rule with its companion examples
    assertThat(after.versions("base").get(0).rules().get(0).failExamples()).hasSize(2);
    RuleDefinition pids = after.rule("KC-042").orElseThrow();
    assertThat(pids.notExpressibleIn("kubernetes")).get()
        .satisfies(n -> {
          assertThat(n.reason()).isEqualTo("a pod has no field for it");
          assertThat(n.at().toString()).endsWith("/examples/KC-042.yaml:3:3");
        });
    assertThat(pids.notExpressibleIn("compose")).isEmpty();
  }

  @Test
  void companionExamples_forAnUnknownRuleOrRevision_areAnError() throws Exception {
    write("rules/KC-001.yaml", RULE);
    write("examples/KC-999.yaml", "# examples\nrule: KC-999\npass: [docker run nginx]\n");
    write("examples/KC-001@2.yaml", "rule: KC-001@2\npass: [docker run nginx]\n");
    assertThatThrownBy(() -> PolicyLoader.load(List.of(dir)))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e -> assertThat(((PolicyException) e).problems())
                .extracting(p -> p.at() + " " + p.message())
                .containsExactlyInAnyOrder(
                    dir.getFileName() + "/examples/KC-999.yaml:2:7 examples for rule KC-999@1, which is not"
                        + " defined (name an existing rule, KC-001 or KC-001@2)",
                    dir.getFileName() + "/examples/KC-001@2.yaml:1:7 examples for rule KC-001@2, which is not"
                        + " defined (name an existing rule, KC-001 or KC-001@2)"));
  }

  @Test
  void companionExamples_strictKeysAndValues_areReportedWithPositions() throws Exception {
    write("rules/KC-001.yaml", RULE);
    write(
        "examples/a.yaml",
        "rule: KC-001\nfails: [docker run nginx]\nnot_expressible:\n  Kubernetes: no\n  compose: ''\n");
    write("examples/b.yaml", "rule: KC 001\npass: [docker run nginx]\n");
    write("examples/c.yaml", "rule: KC-001\n");
    write("examples/d.yaml", "rule: KC-001\npass: {x: 1}\nnot_expressible: [kubernetes]\n");
    write("examples/e.yaml", "- rule: KC-001\n");
    write("examples/f.yaml", "rule: KC-001\npass:\n  - {input: docker run nginx, format: docker-run, file: x}\n");
    assertThatThrownBy(() -> PolicyLoader.load(List.of(dir)))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e -> {
              List<String> ps =
                  ((PolicyException) e).problems().stream()
                      .map(p -> p.at().toString().substring(dir.getFileName().toString().length() + 1)
                          + " " + p.message())
                      .toList();
              assertThat(ps).anyMatch(p -> p.startsWith("examples/a.yaml:2:1 unknown key 'fails'"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/a.yaml:4:3 not_expressible: 'Kubernetes'"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/a.yaml:5:12 not_expressible.compose must say why"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/b.yaml:1:7 rule must be a rule id"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/c.yaml:1:1 a companion example file needs"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/d.yaml:2:7 examples.pass must be a list"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/d.yaml:3:18 not_expressible must be a mapping"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/e.yaml:1:1 a companion example file must be a mapping"));
              assertThat(ps).anyMatch(p -> p.startsWith("examples/f.yaml:3:51 unknown key 'file'"));
            });
  }

  @Test
  void companionExamples_twoFilesForOneRevision_areAnError() throws Exception {
    write("rules/KC-001.yaml", RULE);
    write("examples/KC-001.yaml", "rule: KC-001\npass: [docker run nginx]\n");
    write("examples/KC-001-more.yaml", "rule: KC-001@1\npass: [docker run alpine]\n");
    assertThatThrownBy(() -> PolicyLoader.load(List.of(dir)))
        .hasMessageContaining("KC-001@1 has a second companion example file");
  }
}
