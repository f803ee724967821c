package dev.keycard.format.compose;

import static dev.keycard.format.compose.Compose.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Interpolation from the caller's variables only. */
class ComposeInterpolationTest {
  private static final Map<String, String> VARS = Map.of("SET", "val", "EMPTY", "", "INNER", "in");

  static Stream<Arguments> operators() {
    return Stream.of(
        Arguments.of("${SET}", "val"),
        Arguments.of("$SET", "val"),
        Arguments.of("a-$SET-b", "a-val-b"),
        Arguments.of("${UNSET:-def}", "def"),
        Arguments.of("${EMPTY:-def}", "def"),
        Arguments.of("${EMPTY-def}", ""),
        Arguments.of("${UNSET-def}", "def"),
        Arguments.of("${SET:-def}", "val"),
        Arguments.of("${SET:?boom}", "val"),
        Arguments.of("${EMPTY?boom}", ""),
        Arguments.of("${SET:+rep}", "rep"),
        Arguments.of("${EMPTY:+rep}", ""),
        Arguments.of("${EMPTY+rep}", "rep"),
        Arguments.of("${UNSET+rep}", ""),
        Arguments.of("${UNSET:-${INNER}}", "in"),
        Arguments.of("${UNSET:-${ALSO_UNSET:-deep}}", "deep"),
        Arguments.of("$$SET", "$SET"),
        Arguments.of("$${SET}", "${SET}"),
        Arguments.of("cost $5", "cost $5"),
        Arguments.of("no vars", "no vars"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("operators")
  void interpolation_operator(String raw, String want) {
    Interpolator.Result r = new Interpolator(VARS).apply(raw);
    assertThat(r.unknown()).isFalse();
    assertThat(r.value()).isEqualTo(want);
  }

  static Stream<Arguments> unresolved() {
    return Stream.of(
        Arguments.of("${UNSET}", "UNSET"),
        Arguments.of("$UNSET", "UNSET"),
        Arguments.of("${UNSET:?need it}", "UNSET"),
        Arguments.of("${EMPTY:?need it}", "EMPTY"),
        Arguments.of("${UNSET?need it}", "UNSET"),
        Arguments.of("${SET:+${UNSET}}", "UNSET"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unresolved")
  void interpolation_unresolved_keepsRawTextAndNamesVariable(String raw, String name) {
    Interpolator.Result r = new Interpolator(VARS).apply(raw);
    assertThat(r.unknown()).isTrue();
    assertThat(r.value()).isEqualTo(raw);
    assertThat(r.missing()).containsExactly(name);
  }

  @Test
  void unresolvedUser_isUnknownWithOneWarningAtItsPosition() {
    ParsedInput in = parse("services:\n  app:\n    image: x\n    user: ${APP_USER}\n");
    Container c = in.containers().get(0);
    assertThat(c.user()).isEqualTo("${APP_USER}");
    assertThat(c.uid()).isNull();
    assertThat(c.unknown()).containsExactly("user");
    assertThat(in.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("APP_USER");
              assertThat(d.span().start().line()).isEqualTo(4);
              assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            });
  }

  @Test
  void requiredVariableMissing_isOneWarningNotAnError() {
    ParsedInput in = parse("services:\n  app:\n    image: ${TAG:?set TAG}\n");
    assertThat(in.errors()).isEmpty();
    assertThat(in.containers()).hasSize(1);
    assertThat(in.warnings())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .isEqualTo("variable TAG is not set (set TAG); image is unknown"));
  }

  @Test
  void unresolvedShortPort_marksItsHostPortUnknownAndKeepsTheRest() {
    ParsedInput in = parse("services:\n  app:\n    ports: ['${P}:80', '443:443']\n");
    Container c = in.containers().get(0);
    assertThat(c.ports()).extracting(p -> p.hostPort()).containsExactly(null, 443);
    assertThat(c.ports()).extracting(p -> p.containerPort()).containsExactly(80, 443);
    assertThat(c.unknown()).containsExactly("ports[0].host_port", "ports[0].host_port_end");
  }

  @Test
  void wholyUnresolvedShortPort_marksThePortListUnknownAndKeepsOtherPorts() {
    ParsedInput in = parse("services:\n  app:\n    ports: ['${P}', '443:443']\n");
    Container c = in.containers().get(0);
    assertThat(c.ports()).singleElement().satisfies(p -> assertThat(p.hostPort()).isEqualTo(443));
    assertThat(c.unknown()).containsExactly("ports");
  }

  @Test
  void typedFieldsWithUnresolvedVariables_stayNullAndUnknown() {
    ParsedInput in =
        parse(
            "services:\n  app:\n    privileged: ${PRIV}\n    mem_limit: ${MEM}\n"
                + "    cpus: ${CPUS}\n    environment:\n      FOO: ${FOO}\n"
                + "    volumes: ['${DATA}:/data']\n");
    Container c = in.containers().get(0);
    assertThat(c.privileged()).isFalse();
    assertThat(c.memory()).isNull();
    assertThat(c.cpus()).isNull();
    assertThat(c.environment()).singleElement().satisfies(e -> assertThat(e.value()).isNull());
    assertThat(c.mounts())
        .singleElement()
        .satisfies(m -> assertThat(m.source()).isEqualTo("${DATA}"));
    assertThat(c.unknown())
        .containsExactlyInAnyOrder(
            "privileged", "memory", "cpus", "environment.FOO", "mounts[0].source");
    assertThat(in.warnings()).hasSize(5);
  }

  @Test
  void variablesFromCaller_areApplied() {
    ParsedInput in =
        parse(
            "services:\n  app:\n    privileged: ${PRIV}\n    mem_limit: ${MEM}\n",
            Map.of("PRIV", "true", "MEM", "1g"));
    Container c = in.containers().get(0);
    assertThat(c.privileged()).isTrue();
    assertThat(c.memory()).isEqualTo(1L << 30);
    assertThat(in.diagnostics()).isEmpty();
  }

  @Test
  void serverEnvironment_isNeverUsed() {
    assertThat(System.getenv("PATH")).isNotNull();
    ParsedInput in =
        parse(
            "services:\n  app:\n    user: ${HOME}\n    working_dir: x\n"
                + "    environment: ['P=${PATH}']\n    image: ${USER:-nobody}\n");
    Container c = in.containers().get(0);
    assertThat(c.user()).isEqualTo("${HOME}");
    assertThat(c.image()).isEqualTo("nobody");
    assertThat(c.environment()).singleElement().satisfies(e -> assertThat(e.value()).isNull());
    assertThat(c.unknown()).contains("user", "environment.P");
  }

  @Test
  void keys_areNotInterpolated() {
    ParsedInput in =
        parse("services:\n  app:\n    environment:\n      ${K}: v\n", Map.of("K", "X"));
    assertThat(in.containers().get(0).environment())
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("${K}"));
  }
}
