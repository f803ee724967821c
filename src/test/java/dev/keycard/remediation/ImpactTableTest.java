package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.policy.FixOperation;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.report.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered fix carries an impact, defined as data (keycard/fix-impact.yaml) per canonical fix
 * operation: every operation of every shipped rule has an entry, so a rule cannot ship without one,
 * and the impacts are the ones issue 17 names.
 */
class ImpactTableTest {
  private final Harness h = Harness.of(Harness.TEST_POLICIES);

  @Test
  void everyFixOperationOfEveryShippedRule_hasAnImpactEntry() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String dir : List.of("policies", Harness.TEST_POLICIES)) {
      for (RuleDefinition d : PolicyLoader.load(List.of(Path.of(dir))).rules()) {
        for (FixOperation op : d.fix()) {
          if (!Impacts.standard().covers(op)) {
            missing.add(d.at() + " " + d.id() + ": " + op.op().key() + " " + op.field());
          }
        }
      }
    }
    assertThat(missing)
        .as("fix operations without an entry in src/main/resources/" + ImpactData.TABLE)
        .isEmpty();
  }

  @Test
  void anOperationTheTableDoesNotKnow_isReviewAndSaysSo() {
    FixOperation op = new FixOperation(FixOperation.Op.SET, "shm_size", "64m", null);
    assertThat(Impacts.standard().covers(op)).isFalse();
    assertThat(Impacts.standard().describe(op)).isEmpty();
  }

  static Stream<Arguments> impacts() {
    return Stream.of(
        row("no-new-privileges", "docker run nginx", "KC-004", Impact.SAFE),
        row("a memory limit", "docker run nginx", "KC-040", Impact.SAFE),
        row("a CPU limit", "docker run nginx", "KC-041", Impact.SAFE),
        row("a PIDs limit", "docker run nginx", "KC-042", Impact.SAFE),
        row(
            "dropping the defaults, for a process that is not root",
            "docker run --user 1000 nginx",
            "KC-005",
            Impact.SAFE),
        row(
            "dropping the defaults, for a process that runs as root",
            "docker run nginx",
            "KC-005",
            Impact.REVIEW),
        row(
            "dropping the defaults, for root by a numeric uid",
            "docker run --user 0:1000 nginx",
            "KC-005",
            Impact.REVIEW),
        row("privileged mode", "docker run --privileged nginx", "KC-001", Impact.REVIEW),
        row("a user change", "docker run --user root nginx", "KC-002", Impact.REVIEW),
        row("a user where none was set", "docker run nginx", "KC-003", Impact.REVIEW),
        row(
            "the Docker socket",
            "docker run -v /var/run/docker.sock:/var/run/docker.sock nginx",
            "KC-030",
            Impact.REVIEW),
        row("a host mount", "docker run -v /etc:/host-etc nginx", "KC-031", Impact.REVIEW),
        row("an added capability", "docker run --cap-add SYS_ADMIN nginx", "KC-007", Impact.REVIEW),
        row("host networking", "docker run --network host nginx", "KC-010", Impact.REVIEW),
        row("a writable root filesystem", "docker run nginx", "KC-032", Impact.REVIEW),
        row("a host device", "docker run --device /dev/snd nginx", "KC-033", Impact.REVIEW),
        row("a port bound to 127.0.0.1", "docker run -p 80:80 nginx", "KC-051", Impact.REVIEW),
        row("a sysctl", "docker run --sysctl kernel.msgmax=1 nginx", "KC-053", Impact.REVIEW),
        row(
            "restart: always made bounded",
            "services:\n  web:\n    image: nginx\n    restart: always\n",
            "KC-060",
            Impact.REVIEW),
        row(
            "on-failure with more retries made 5",
            "docker run --restart on-failure:10 nginx",
            "KC-060",
            Impact.SAFE),
        row(
            "seccomp=unconfined removed",
            "docker run --security-opt seccomp=unconfined nginx",
            "KC-020",
            Impact.REVIEW));
  }

  private static Arguments row(String name, String input, String rule, Impact impact) {
    return Arguments.of(name, input, rule, impact);
  }

  @ParameterizedTest(name = "{0} is {3}")
  @MethodSource("impacts")
  void verifiedFix_carriesTheImpactOfItsOperations(
      String name, String input, String rule, Impact impact) {
    Remedy r = remedy(input, rule);
    assertThat(r.impact().impact()).isEqualTo(impact);
    if (impact == Impact.REVIEW) {
      assertThat(r.impact().breaks()).as("the breaks sentence").isNotBlank().doesNotContain("{");
    } else {
      assertThat(r.impact().breaks()).isNull();
      assertThat(r.impact().alternatives()).isEmpty();
    }
  }

  @Test
  void breaksSentence_namesTheOffendingValue() {
    assertThat(remedy("docker run --cap-add NET_ADMIN nginx", "KC-007").impact().breaks())
        .contains("NET_ADMIN", "configuring interfaces");
    assertThat(remedy("docker run -p 8080:80 nginx", "KC-051").impact().breaks())
        .contains("Port 8080", "other hosts");
    assertThat(
            remedy("services:\n  web:\n    image: nginx\n    restart: unless-stopped\n", "KC-060")
                .impact()
                .breaks())
        .contains("restart: unless-stopped", "reboot");
  }

  @Test
  void alternatives_comeWithASnippetInTheInputsFormat() {
    Remedy run = remedy("docker run -v /etc/app:/etc/app nginx", "KC-031");
    assertThat(run.impact().alternatives())
        .anySatisfy(
            a -> assertThat(a.snippet()).isEqualTo("-v nginx-app:/etc/app")); // named volume
    Remedy compose =
        remedy("services:\n  web:\n    image: nginx\n    network_mode: host\n", "KC-010");
    assertThat(compose.impact().alternatives())
        .anySatisfy(a -> assertThat(a.snippet()).contains("ports:", "8080:8080"));
  }

  private Remedy remedy(String input, String rule) {
    InputRequest r = Harness.request(input);
    Answer answer = h.answer(r, "fixtest");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
    Remedy remedy = answer.remedies().of(f);
    assertThat(remedy).as("a verified fix for " + rule).isNotNull();
    assertThat(remedy.impact()).as("every rendered fix carries an impact").isNotNull();
    return remedy;
  }
}
