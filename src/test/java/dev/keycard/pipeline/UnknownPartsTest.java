package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.report.Evaluation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unknown values are tracked per part of a list element: a rule is undecided only for an element
 * one of whose parts it reads is unknown (an unresolved {@code $VAR} or {@code ${VAR}}, a {@code
 * <placeholder>}, {@code -e NAME} from the client's environment), and decides the other parts and
 * elements. Every list kind a rule reads, in each format where its values can be unknown; the
 * Engine API has no variables, so only {@code Env} entries without a value are unknown there.
 */
class UnknownPartsTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final EvaluationService EVALUATIONS =
      new EvaluationService(PARSER, new PolicyService(TestPolicyConfig.of("policies"), PARSER));

  /** One input and what one rule of a rule set makes of it: findings and undecided elements. */
  private static Arguments row(
      String name, String ruleSet, String input, String rule, int findings, int undecided) {
    return Arguments.of(name, ruleSet, input, rule, findings, undecided);
  }

  private static String compose(String service) {
    return "services:\n  app:\n    image: nginx\n" + service.indent(4);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // mounts: source, target, read_only, propagation, type
        row(
            "run -v $ENVVAR source: propagation decided",
            "baseline",
            "docker run -v $ENVVAR/data:/data:rshared nginx",
            "KC-035",
            1,
            0),
        row(
            "run -v $ENVVAR source: the path rule undecided",
            "baseline",
            "docker run -v $ENVVAR/data:/data:rshared nginx",
            "KC-031",
            0,
            1),
        row(
            "run -v <placeholder> source: propagation decided",
            "baseline",
            "docker run -v <data-dir>:/data:rshared nginx",
            "KC-035",
            1,
            0),
        row(
            "run -v $T target: the path rule decided",
            "baseline",
            "docker run -v /etc:$T nginx",
            "KC-031",
            1,
            0),
        row(
            "run -v $MODE: propagation undecided",
            "baseline",
            "docker run -v /data:/data:$MODE nginx",
            "KC-035",
            0,
            1),
        row(
            "run --mount bind-propagation=$P: undecided",
            "baseline",
            "docker run --mount type=bind,source=/etc,target=/x,bind-propagation=$P nginx",
            "KC-035",
            0,
            1),
        row(
            "run --mount bind-propagation=$P: the path rule decided",
            "baseline",
            "docker run --mount type=bind,source=/etc,target=/x,bind-propagation=$P nginx",
            "KC-031",
            1,
            0),
        row(
            "run --mount readonly=$RO: the path rule reads read_only",
            "baseline",
            "docker run --mount type=bind,source=/etc,target=/x,readonly=$RO nginx",
            "KC-031",
            0,
            1),
        row(
            "run --mount type=$T: the path rule reads the type",
            "baseline",
            "docker run --mount type=$T,source=/etc,target=/x nginx",
            "KC-031",
            0,
            1),
        row(
            "compose ${VAR} source: propagation decided",
            "baseline",
            compose("volumes:\n  - $ENVVAR/data:/data:rshared"),
            "KC-035",
            1,
            0),
        row(
            "compose ${VAR} source: the path rule undecided",
            "baseline",
            compose("volumes:\n  - $ENVVAR/data:/data:rshared"),
            "KC-031",
            0,
            1),
        row(
            "compose ${MODE}: propagation undecided",
            "baseline",
            compose("volumes:\n  - /etc:/data:${MODE}"),
            "KC-035",
            0,
            1),
        row(
            "compose long bind.propagation ${P}: undecided",
            "baseline",
            compose(
                "volumes:\n  - type: bind\n    source: /etc\n    target: /x\n"
                    + "    bind:\n      propagation: ${P}"),
            "KC-035",
            0,
            1),
        row(
            "compose long bind.propagation ${P}: the path rule decided",
            "baseline",
            compose(
                "volumes:\n  - type: bind\n    source: /etc\n    target: /x\n"
                    + "    bind:\n      propagation: ${P}"),
            "KC-031",
            1,
            0),
        row(
            "engine-api: $ENVVAR in a bind is literal",
            "baseline",
            "{\"Image\": \"nginx\", \"HostConfig\": {\"Binds\": [\"$ENVVAR/data:/data:rshared\"]}}",
            "KC-031",
            0,
            0),
        // ports: host_ip, host_port, container_port, protocol
        row(
            "run -p $IP: the host port decided",
            "cis-docker",
            "docker run -p $IP:80:80 nginx",
            "KC-050",
            1,
            0),
        row(
            "run -p $IP: the interface undecided",
            "cis-docker",
            "docker run -p $IP:80:80 nginx",
            "KC-051",
            0,
            1),
        row(
            "run -p $PORT: the host port undecided",
            "cis-docker",
            "docker run -p $PORT:80 nginx",
            "KC-050",
            0,
            1),
        row(
            "run -p $PORT: no host IP is every interface",
            "cis-docker",
            "docker run -p $PORT:80 nginx",
            "KC-051",
            1,
            0),
        row(
            "run -p 127.0.0.1:$PORT: the interface decided",
            "cis-docker",
            "docker run -p 127.0.0.1:$PORT:80 nginx",
            "KC-051",
            0,
            0),
        row(
            "run -p ${IP:-127.0.0.1}: a colon in the expansion does not split",
            "cis-docker",
            "docker run -p ${IP:-127.0.0.1}:80:80 nginx",
            "KC-050",
            1,
            0),
        row(
            "run -p 80:$CP: the host port decided",
            "cis-docker",
            "docker run -p 80:$CP nginx",
            "KC-050",
            1,
            0),
        row(
            "run -p .../$PROTO: the host port decided",
            "cis-docker",
            "docker run -p 127.0.0.1:80:80/$PROTO nginx",
            "KC-050",
            1,
            0),
        row(
            "run -p published=$P (long syntax): host port undecided",
            "cis-docker",
            "docker run -p published=$P,target=80 nginx",
            "KC-050",
            0,
            1),
        row(
            "run -p $PORTS: nothing known",
            "cis-docker",
            "docker run -p $PORTS nginx",
            "KC-051",
            0,
            1),
        row(
            "compose ${IP}: the host port decided, the other port too",
            "cis-docker",
            compose("ports:\n  - \"${IP}:80:80\"\n  - \"127.0.0.1:443:443\""),
            "KC-050",
            2,
            0),
        row(
            "compose ${IP}: the interface undecided for that port only",
            "cis-docker",
            compose("ports:\n  - \"${IP}:80:80\"\n  - \"8080:80\""),
            "KC-051",
            1,
            1),
        row(
            "compose ${HP}: the host port undecided",
            "cis-docker",
            compose("ports:\n  - \"${HP}:80\""),
            "KC-050",
            0,
            1),
        row(
            "compose long published ${HP}: the host port undecided",
            "cis-docker",
            compose("ports:\n  - target: 80\n    published: ${HP}\n    host_ip: 127.0.0.1"),
            "KC-050",
            0,
            1),
        row(
            "compose long published ${HP}: the interface decided",
            "cis-docker",
            compose("ports:\n  - target: 80\n    published: ${HP}\n    host_ip: 127.0.0.1"),
            "KC-051",
            0,
            0),
        row(
            "compose ${P}: nothing known",
            "cis-docker",
            compose("ports:\n  - ${P}"),
            "KC-050",
            0,
            1),
        // devices: a device is passed whatever its paths
        row(
            "run --device /dev/sda:$T",
            "cis-docker",
            "docker run --device /dev/sda:$T nginx",
            "KC-033",
            1,
            0),
        row("run --device $D", "cis-docker", "docker run --device $D nginx", "KC-033", 1, 0),
        row(
            "run --device ...:$P (mode)",
            "cis-docker",
            "docker run --device /dev/sda:/dev/x:$P nginx",
            "KC-033",
            1,
            0),
        row(
            "compose devices ${T}",
            "cis-docker",
            compose("devices:\n  - /dev/sda:${T}"),
            "KC-033",
            1,
            0),
        // environment: name and value
        row(
            "run -e NAME from the client's environment",
            "restricted",
            "docker run -e DB_PASSWORD -e API_KEY=abc nginx",
            "KC-063",
            1,
            1),
        row(
            "run -e NAME=$VALUE",
            "restricted",
            "docker run -e DB_PASSWORD=$PW nginx",
            "KC-063",
            0,
            1),
        row(
            "run -e $NAME=value",
            "restricted",
            "docker run -e $NAME=hunter2 nginx",
            "KC-063",
            0,
            1),
        row(
            "compose ${NAME}=value",
            "restricted",
            compose("environment:\n  - ${N}=hunter2\n  - API_KEY=abc"),
            "KC-063",
            1,
            1),
        row(
            "compose NAME: ${VALUE}",
            "restricted",
            compose("environment:\n  DB_PASSWORD: ${PW}"),
            "KC-063",
            0,
            1),
        row(
            "engine-api Env NAME without a value",
            "restricted",
            "{\"Image\": \"nginx\", \"Env\": [\"DB_PASSWORD\", \"API_KEY=abc\"]}",
            "KC-063",
            1,
            1),
        // cap_add: each element on its own
        row(
            "run --cap-add $CAP",
            "cis-docker",
            "docker run --cap-add $CAP --cap-add SYS_ADMIN nginx",
            "KC-007",
            1,
            1),
        row(
            "compose cap_add ${CAP}",
            "cis-docker",
            compose("cap_add: [\"${CAP}\", SYS_ADMIN]"),
            "KC-007",
            1,
            1),
        // sysctls: Docker judges a sysctl by its name
        row(
            "run --sysctl name=$V: decided by the name",
            "baseline",
            "docker run --sysctl net.core.somaxconn=$V --network host nginx",
            "KC-053",
            1,
            0),
        row(
            "run --sysctl namespaced=$V: decided by the name",
            "baseline",
            "docker run --sysctl kernel.msgmax=$V nginx",
            "KC-053",
            0,
            0),
        row(
            "run --sysctl $N=1: undecided",
            "baseline",
            "docker run --sysctl $N=1 nginx",
            "KC-053",
            0,
            1),
        row(
            "compose sysctls name: ${V}",
            "baseline",
            compose("network_mode: host\nsysctls:\n  net.core.somaxconn: ${V}"),
            "KC-053",
            1,
            0),
        row(
            "compose sysctls ${N}=1",
            "baseline",
            compose("sysctls:\n  - ${N}=1\n  - kernel.msgmax=${V}"),
            "KC-053",
            0,
            1),
        // security_opt: each element on its own
        row(
            "run --security-opt seccomp=$P",
            "baseline",
            "docker run --security-opt seccomp=$P --security-opt label=disable nginx",
            "KC-022",
            1,
            1),
        row(
            "compose security_opt ${P}",
            "baseline",
            compose("security_opt:\n  - ${P}\n  - label=disable"),
            "KC-022",
            1,
            1));
  }

  @ParameterizedTest(name = "{0}: {3} {4} found, {5} undecided")
  @MethodSource("rows")
  void rule_isUndecidedOnlyForTheUnknownPartsItReads(
      String name, String ruleSet, String input, String rule, int findings, int undecided) {
    InputRequest request = new InputRequest(input, false, null, Map.of(), Map.of());
    EvaluationOptions options = new EvaluationOptions(ruleSet, List.of(), List.of(), null);
    Evaluation e = EVALUATIONS.evaluate(PARSER.parse(request), request, options);
    assertThat(e.findings().stream().filter(f -> f.ruleId().equals(rule)))
        .as("findings of %s", rule)
        .hasSize(findings);
    assertThat(e.undecided().stream().filter(u -> u.ruleId().equals(rule)))
        .as("undecided %s", rule)
        .hasSize(undecided);
  }
}
