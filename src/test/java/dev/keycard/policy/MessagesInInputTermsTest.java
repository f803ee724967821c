package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.ShippedCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule sets 1.1.0 speak the input's own terms: a docker run finding says {@code --net=host}, a
 * compose finding {@code network_mode: host}, an Engine API finding {@code HostConfig.NetworkMode};
 * 1.0.0's messages stay as they were, and no rule decides anything by the format.
 */
class MessagesInInputTermsTest {
  private static ShippedCatalogue catalogue;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
  }

  @ParameterizedTest(name = "{1} on {0} says {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run --privileged nginx                                      | KC-001 | (--privileged)",
        "docker run --net=host nginx                                        | KC-010 | (--net=host)",
        "docker run --network host nginx                                    | KC-010 | (--net=host)",
        "docker run --pid host nginx                                        | KC-011 | (--pid=host)",
        "docker run --ipc=host nginx                                        | KC-012 | (--ipc=host)",
        "docker run --uts=host nginx                                        | KC-013 | (--uts=host)",
        "docker run --userns=host nginx                                     | KC-014 | (--userns=host)",
        "docker run --cgroupns=host nginx                                   | KC-015 | (--cgroupns=host)",
        "docker run --cap-add sys_admin nginx                               | KC-007 | (--cap-add SYS_ADMIN)",
        "docker run --cap-add ALL nginx                                     | KC-006 | (--cap-add ALL)",
        "docker run --cap-drop ALL --cap-add CHOWN nginx                    | KC-008 | (--cap-add CHOWN)",
        "docker run --cap-drop NET_RAW nginx                                | KC-005 | (--cap-drop ALL is missing; it drops only NET_RAW)",
        "docker run nginx                                                   | KC-004 | (--security-opt no-new-privileges:true is missing)",
        "docker run --security-opt no-new-privileges=false nginx            | KC-004 | (it is set to false; its security options: no-new-privileges=false)",
        "docker run -v /var/run/docker.sock:/var/run/docker.sock portainer  | KC-030 | (-v /var/run/docker.sock:/var/run/docker.sock)",
        "docker run --mount type=bind,src=/etc,dst=/host/etc,readonly agent | KC-031 | (-v /etc:/host/etc:ro)",
        "docker run --device /dev/sda:/dev/xvdc nginx                       | KC-033 | (--device /dev/sda) at /dev/xvdc",
        "docker run --net=host --sysctl net.core.somaxconn=1 nginx          | KC-053 | (--sysctl net.core.somaxconn=1)",
      })
  void dockerRunFindings_nameFlags(String input, String rule, String expected) {
    assertThat(message(input, rule)).contains(expected).doesNotContain(": host)");
  }

  @ParameterizedTest(name = "{1} says {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'services: {app: {image: x, privileged: true}}'                       | KC-001 | (privileged: true)",
        "'services: {app: {image: x, network_mode: host}}'                     | KC-010 | (network_mode: host)",
        "'services: {app: {image: x, userns_mode: host}}'                      | KC-014 | (userns_mode: host)",
        "'services: {app: {image: x, cgroup: host}}'                           | KC-015 | (cgroup: host)",
        "'services: {app: {image: x, cap_add: [SYS_ADMIN]}}'                   | KC-007 | (cap_add: [SYS_ADMIN])",
        "'services: {app: {image: x, volumes: [/var/run/docker.sock:/d.sock:ro]}}' | KC-030 | (volumes: [/var/run/docker.sock:/d.sock:ro])",
        "'services: {app: {image: x, devices: [/dev/mem]}}'                    | KC-033 | (devices: [/dev/mem])",
      })
  void composeFindings_nameServiceKeys(String input, String rule, String expected) {
    assertThat(message(input, rule)).contains(expected);
  }

  @ParameterizedTest(name = "{1} says {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"Image\": \"x\", \"HostConfig\": {\"Privileged\": true}}'          | KC-001 | (HostConfig.Privileged: true)",
        "'{\"Image\": \"x\", \"HostConfig\": {\"NetworkMode\": \"host\"}}'     | KC-010 | (HostConfig.NetworkMode: \"host\")",
        "'{\"Image\": \"x\", \"HostConfig\": {\"CapAdd\": [\"BPF\"]}}'         | KC-007 | (HostConfig.CapAdd: [\"BPF\"])",
        "'{\"Image\": \"x\", \"HostConfig\": {\"Binds\": [\"/:/host\"]}}'      | KC-031 | (HostConfig.Binds: [\"/:/host\"])",
        "'{\"Image\": \"x\", \"HostConfig\": {\"Devices\": [{\"PathOnHost\": \"/dev/kmem\", \"PathInContainer\": \"/dev/kmem\", \"CgroupPermissions\": \"r\"}]}}' | KC-033 | (HostConfig.Devices: [{\"PathOnHost\": \"/dev/kmem\"}])",
        "'{\"Image\": \"x\", \"HostConfig\": {\"Sysctls\": {\"vm.swappiness\": \"0\"}}}' | KC-053 | (HostConfig.Sysctls: {\"vm.swappiness\": \"0\"})",
      })
  void engineApiFindings_nameApiFields(String input, String rule, String expected) {
    assertThat(message(input, rule)).contains(expected);
  }

  @Test
  void releasedMessages_ofRuleSets100_areUnchanged() {
    assertThat(message("docker run --privileged nginx", "KC-001", "baseline@1.0.0"))
        .isEqualTo(
            "Container 'nginx' runs privileged (privileged: true): every capability, every host"
                + " device, no seccomp or AppArmor.");
    assertThat(message("docker run --net=host nginx", "KC-010", "baseline@1.0.0"))
        .isEqualTo("Container 'nginx' shares the host's network namespace (network_mode: host).");
  }

  @Test
  void noShippedRule_decidesByTheInputFormat() {
    for (RuleSet set : catalogue.catalog().all()) {
      for (CompiledRule r : catalogue.ruleSetVersion(set.key())) {
        assertThat(r.when().referencedFields()).as(r.id() + " when").doesNotContain("format");
        for (CompiledRule.Escalation e : r.escalations()) {
          assertThat(e.when().referencedFields()).as(r.id() + " escalate").doesNotContain("format");
        }
      }
    }
  }

  @Test
  void everyContainer_knowsTheFormatItWasReadFrom() {
    assertThat(catalogue.parse("docker run nginx", Map.of()).containers())
        .singleElement()
        .satisfies(c -> assertThat(c.format()).isEqualTo("docker-run"));
    assertThat(catalogue.parse("services: {app: {image: x}}", Map.of()).containers())
        .singleElement()
        .satisfies(c -> assertThat(c.format()).isEqualTo("compose"));
    assertThat(catalogue.parse("{\"Image\": \"x\"}", Map.of()).containers())
        .singleElement()
        .satisfies(c -> assertThat(c.format()).isEqualTo("engine-api"));
  }

  private static String message(String input, String rule) {
    return message(input, rule, "restricted@1.1.0");
  }

  private static String message(String input, String rule, String ruleSet) {
    ParsedInput parsed = catalogue.parse(input, Map.of());
    assertThat(parsed.errors()).as("parse errors of " + input).isEmpty();
    List<Finding> f =
        ShippedCatalogue.evaluate(catalogue.ruleSetVersion(ruleSet), parsed).findings().stream()
            .filter(x -> x.ruleId().equals(rule))
            .toList();
    assertThat(f).as(rule + " on " + input).hasSize(1);
    return f.get(0).message();
  }
}
