package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.ShippedCatalogue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shape of {@code pss-baseline} and {@code pss-restricted} (docs/pss.md): every rule names a
 * Pod Security Standards control by its official name, every control has a rule, restricted holds
 * all of baseline, no rule decides by the input format, and the same run spec written as a {@code
 * docker run} line, a compose service or an Engine API body gets the same findings.
 */
class PssRuleSetsTest {
  static final Set<String> BASELINE =
      Set.of(
          "HostProcess", "Host Namespaces", "Privileged Containers", "Capabilities",
          "HostPath Volumes", "Host Ports", "Host Probes / Lifecycle Hooks", "AppArmor", "SELinux",
          "/proc Mount Type", "Seccomp", "Sysctls");
  /** The restricted level's own controls; /proc Mount Type has a restricted check since v1.35. */
  static final Set<String> RESTRICTED =
      Set.of(
          "Volume Types", "Privilege Escalation", "Running as Non-root",
          "Running as Non-root user", "Seccomp", "Capabilities", "/proc Mount Type");
  static final String PREFIX = "Pod Security Standards ";

  static ShippedCatalogue catalogue;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
  }

  private static Set<String> pssReferences(CompiledRule r) {
    return r.definition().references().stream()
        .filter(x -> x.startsWith(PREFIX))
        .map(x -> x.substring(PREFIX.length()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> ids(List<CompiledRule> rules) {
    return rules.stream()
        .map(r -> r.definition().id() + "@" + r.definition().revision())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyRule_referencesAnOfficialControlOfItsLevel() {
    Set<String> baselineIds = ids(catalogue.ruleSet("pss-baseline"));
    for (CompiledRule r : catalogue.ruleSet("pss-restricted")) {
      String id = r.definition().id() + "@" + r.definition().revision();
      Set<String> refs = pssReferences(r);
      assertThat(refs).as(id + " names a Pod Security Standards control").isNotEmpty();
      for (String ref : refs) {
        String level = ref.substring(0, ref.indexOf(": "));
        String control = ref.substring(ref.indexOf(": ") + 2);
        assertThat(level).as(id + ": " + ref).isIn("baseline", "restricted");
        assertThat(level.equals("baseline") ? BASELINE : RESTRICTED)
            .as(id + ": '" + control + "' is an official " + level + " control")
            .contains(control);
      }
      String own = baselineIds.contains(id) ? "baseline: " : "restricted: ";
      assertThat(refs).as(id + " names a control of its own level first").anyMatch(x -> x.startsWith(own));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pss-baseline", "pss-restricted"})
  void everyControlOfTheLevel_hasARule(String set) {
    Set<String> named =
        catalogue.ruleSet(set).stream()
            .flatMap(r -> pssReferences(r).stream())
            .collect(Collectors.toSet());
    for (String c : BASELINE) {
      assertThat(named).contains("baseline: " + c);
    }
    if (set.equals("pss-restricted")) {
      for (String c : RESTRICTED) {
        assertThat(named).contains("restricted: " + c);
      }
    }
  }

  @Test
  void restricted_holdsEveryRuleOfBaseline() {
    assertThat(ids(catalogue.ruleSet("pss-restricted")))
        .containsAll(ids(catalogue.ruleSet("pss-baseline")));
  }

  @Test
  void noRule_decidesByTheInputFormat() {
    for (CompiledRule r : catalogue.ruleSet("pss-restricted")) {
      RuleDefinition d = r.definition();
      assertThat(d.when().text()).as(d.id() + " when").doesNotContain("format");
      d.escalations()
          .forEach(e -> assertThat(e.when().text()).as(d.id() + " escalate").doesNotContain("format"));
    }
  }

  private static Set<String> findings(String set, String input) {
    ParsedInput p = catalogue.parse(input, Map.of());
    assertThat(p.errors()).as(input).isEmpty();
    EngineResult r = ShippedCatalogue.evaluate(catalogue.ruleSet(set), p);
    assertThat(r.undecided()).as(input).isEmpty();
    return r.findings().stream()
        .map(Finding::ruleId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** One run spec in three formats: the same findings, under both levels. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          privileged, host net and pid, NET_RAW | docker run --privileged --net host --pid host --cap-add NET_RAW nginx | {"services": {"app": {"image": "nginx", "privileged": true, "network_mode": "host", "pid": "host", "cap_add": ["NET_RAW"]}}} | {"Image": "nginx", "HostConfig": {"Privileged": true, "NetworkMode": "host", "PidMode": "host", "CapAdd": ["NET_RAW"]}}
          hardened non-root | docker run -u 1000:1000 --cap-drop ALL --cap-add NET_BIND_SERVICE --security-opt no-new-privileges nginx | {"services": {"app": {"image": "nginx", "user": "1000:1000", "cap_drop": ["ALL"], "cap_add": ["NET_BIND_SERVICE"], "security_opt": ["no-new-privileges:true"]}}} | {"Image": "nginx", "User": "1000:1000", "HostConfig": {"CapDrop": ["ALL"], "CapAdd": ["NET_BIND_SERVICE"], "SecurityOpt": ["no-new-privileges:true"]}}
          root, bind mount, host port, unconfined | docker run -u 0 -v /srv:/srv -p 8080:80 --security-opt seccomp=unconfined --security-opt apparmor=unconfined --security-opt label=type:spc_t --sysctl kernel.msgmax=1 nginx | {"services": {"app": {"image": "nginx", "user": "0", "volumes": ["/srv:/srv"], "ports": ["8080:80"], "security_opt": ["seccomp=unconfined", "apparmor=unconfined", "label=type:spc_t"], "sysctls": {"kernel.msgmax": "1"}}}} | {"Image": "nginx", "User": "0", "HostConfig": {"Binds": ["/srv:/srv"], "PortBindings": {"80/tcp": [{"HostPort": "8080"}]}, "SecurityOpt": ["seccomp=unconfined", "apparmor=unconfined", "label=type:spc_t"], "Sysctls": {"kernel.msgmax": "1"}}}
          """)
  void sameRunSpec_sameFindingsInEveryDockerFormat(
      String name, String dockerRun, String compose, String engineApi) {
    for (String set : List.of("pss-baseline", "pss-restricted")) {
      Set<String> expected = findings(set, dockerRun);
      assertThat(findings(set, compose)).as(set + " compose: " + name).isEqualTo(expected);
      assertThat(findings(set, engineApi)).as(set + " engine-api: " + name).isEqualTo(expected);
    }
  }

  /**
   * A Pod and the docker run line that asks for the same: the same baseline findings (restricted
   * differs by design: the kubelet applies no seccomp profile and enforces no non-root user unless
   * told to).
   */
  @Test
  void podAndDockerRun_askingTheSame_getTheSameBaselineFindings() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          hostNetwork: true
          hostPID: true
          securityContext:
            sysctls:
              - name: kernel.msgmax
                value: "1"
          containers:
            - name: app
              image: nginx
              ports:
                - containerPort: 80
                  hostPort: 8080
              securityContext:
                privileged: true
                capabilities:
                  add: [NET_RAW]
                seccompProfile:
                  type: Unconfined
                appArmorProfile:
                  type: Unconfined
                seLinuxOptions:
                  type: spc_t
                procMount: Unmasked
        """;
    String run =
        "docker run --privileged --net host --pid host --cap-add NET_RAW -p 8080:80"
            + " --security-opt seccomp=unconfined --security-opt apparmor=unconfined"
            + " --security-opt label=type:spc_t --security-opt systempaths=unconfined"
            + " --sysctl kernel.msgmax=1 nginx";
    Set<String> expected =
        Set.of(
            "KC-001", "KC-010", "KC-011", "KC-201", "KC-204", "KC-206", "KC-207", "KC-208",
            "KC-209", "KC-210");
    assertThat(findings("pss-baseline", pod)).isEqualTo(expected);
    assertThat(findings("pss-baseline", run)).isEqualTo(expected);
  }

  @Test
  void oneSetting_givesOneFinding() {
    // NET_RAW breaks baseline Capabilities (KC-201) and, with it, restricted Capabilities: one
    // finding naming both, not a second one from KC-226
    assertThat(findings("pss-restricted", "docker run -u 1000 --cap-drop ALL --cap-add NET_RAW --security-opt no-new-privileges nginx"))
        .containsExactly("KC-201");
    // a bind mount is a hostPath: KC-203 names HostPath Volumes and Volume Types
    assertThat(findings("pss-restricted", "docker run -u 1000 --cap-drop ALL --security-opt no-new-privileges -v /srv:/srv nginx"))
        .containsExactly("KC-203");
    // docker -u 0 is an explicit root user (KC-223), not also "not known to be non-root" (KC-222)
    assertThat(findings("pss-restricted", "docker run -u 0 --cap-drop ALL --security-opt no-new-privileges nginx"))
        .containsExactly("KC-223");
    // an explicit unconfined seccomp is KC-209 (baseline and restricted Seccomp); KC-224 is for none set
    assertThat(findings("pss-restricted", "docker run -u 1000 --cap-drop ALL --security-opt no-new-privileges --security-opt seccomp=unconfined nginx"))
        .containsExactly("KC-209");
  }

  @Test
  void dockerDefaults_passBaselineButNotRestricted() {
    assertThat(findings("pss-baseline", "docker run nginx")).isEmpty();
    assertThat(findings("pss-restricted", "docker run nginx"))
        .containsExactly("KC-221", "KC-222", "KC-225");
  }
}
