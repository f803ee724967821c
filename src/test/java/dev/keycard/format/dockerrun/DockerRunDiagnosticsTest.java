package dev.keycard.format.dockerrun;

import static dev.keycard.format.dockerrun.Runs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input ends in a positioned diagnostic, never an exception. */
class DockerRunDiagnosticsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "unclosedDoubleQuote_pointsAtOpeningQuote",
            "docker run -e \"A=1 nginx",
            "unterminated double quote",
            "1:15-1:16"),
        Arguments.of(
            "unclosedSingleQuote_onLaterLine_pointsAtOpeningQuote",
            "docker run \\\n  -e 'A=1 nginx",
            "unterminated single quote",
            "2:6-2:7"),
        Arguments.of(
            "unclosedCommandSubstitution_pointsAtDollar",
            "docker run -u $(id -u nginx",
            "unterminated command substitution",
            "1:15-1:16"),
        Arguments.of(
            "unclosedBacktick_pointsAtBacktick",
            "docker run -e A=`x nginx",
            "unterminated backtick",
            "1:17-1:18"),
        Arguments.of(
            "notDocker_isRejected",
            "kubectl run nginx --image=nginx",
            "not a docker run command",
            "1:1-1:18"),
        Arguments.of("dockerPs_isRejected", "docker ps -a", "not a docker run command", "1:1-1:13"),
        Arguments.of("emptyInput_isRejected", "   \n", "not a docker run command", "1:1-2:1"),
        Arguments.of("noImage_isAnError", "docker run --privileged", "no image", "1:1-1:24"),
        Arguments.of(
            "valueFlagAtEnd_needsArgument", "docker run nginx-not-image-yet --memory", null, null),
        Arguments.of(
            "memoryAtEnd_needsArgument",
            "docker run --memory",
            "flag needs an argument: --memory",
            "1:12-1:20"),
        Arguments.of(
            "shorthandAtEnd_needsArgument",
            "docker run -itp",
            "flag needs an argument: 'p' in -itp",
            "1:12-1:16"),
        Arguments.of(
            "redirectionWithoutTarget_isSyntaxError",
            "docker run nginx >",
            "has no target",
            "1:18-1:19"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void dockerRun_badInput_isAPositionedError(
      String name, String input, String message, String where) {
    ParsedInput p = parse(input);
    if (message == null) {
      assertThat(p.errors()).isEmpty(); // words after the image are never flags
      return;
    }
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              // a text of commands none of which creates a container is no container spec, and
              // says what it looks like (issue 17); it was an input_parse_error
              boolean notASpec = message.equals("not a docker run command") && !input.isBlank();
              assertThat(d.code())
                  .isEqualTo(notASpec ? "input_not_a_container_spec" : "input_parse_error");
              assertThat(d.message()).contains(message);
              assertThat(d.span()).hasToString(where);
            });
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of(
            "unknownLongFlag_isWarnedAndSkipped",
            "docker run --frobnicate -d nginx",
            "unknown flag: --frobnicate",
            "1:12-1:24"),
        Arguments.of(
            "unknownShorthand_isWarned",
            "docker run -x nginx",
            "unknown shorthand flag: 'x'",
            "1:12-1:14"),
        Arguments.of(
            "detachOnCreate_isUnknown",
            "docker create -d nginx",
            "unknown shorthand flag: 'd'",
            "1:15-1:17"),
        Arguments.of(
            "memoryAbc_isInvalid",
            "docker run --memory abc nginx",
            "invalid argument \"abc\" for \"--memory\"",
            "1:12-1:24"),
        Arguments.of(
            "stopTimeoutWithUnit_isInvalid",
            "docker run --stop-timeout 90s nginx",
            "strconv.ParseInt: parsing \"90s\"",
            "1:12-1:30"),
        Arguments.of(
            "rmYes_isInvalidBool", "docker run --rm=yes nginx", "strconv.ParseBool", "1:12-1:20"),
        Arguments.of(
            "healthIntervalWithoutUnit_isInvalid",
            "docker run --health-interval 30 nginx",
            "time: invalid duration",
            "1:12-1:32"),
        Arguments.of(
            "envFile_isNotRead",
            "docker run --env-file ./app.env nginx",
            "env file ./app.env was not read",
            "1:12-1:32"),
        Arguments.of(
            "invalidImage_isWarned", "docker run Nginx", "invalid reference format", "1:12-1:17"),
        Arguments.of(
            "trailingSpaceAfterBackslash_isReadAsContinuation",
            "docker run \\  \n nginx",
            "whitespace after a line-continuation",
            "1:12-1:15"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void dockerRun_questionableInput_isAPositionedWarning(
      String name, String input, String message, String where) {
    ParsedInput p = parse(input);
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).hasSize(1);
    Diagnostic d =
        p.warnings().stream()
            .filter(w -> w.message().contains(message))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no warning '" + message + "' in " + p.warnings()));
    assertThat(d.span()).hasToString(where);
  }

  @Test
  void invalidMemory_leavesMemoryUnset_andKeepsOtherSettings() {
    var c = parse("docker run --memory abc --privileged nginx").containers().get(0);
    assertThat(c.memory()).isNull();
    assertThat(c.privileged()).isTrue();
  }

  @Test
  void unknownFlagWithEqualsValue_doesNotSwallowTheImage() {
    var c = parse("docker run --frobnicate=x nginx").containers().get(0);
    assertThat(c.image()).isEqualTo("nginx");
  }

  @Test
  void placeholderCommand_isAnUnknownValueWithAWarning_notASyntaxError() {
    // was a syntax error at the redirection ('>' without a target); now a placeholder (issue 17)
    ParsedInput p = parse("docker run --rm composer <command>");
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).singleElement().satisfies(c -> assertThat(c.unknown()).containsExactly("command"));
    assertThat(p.warnings())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("placeholder"));
  }

  @Test
  void severalCommands_eachDockerRunIsAContainer() {
    ParsedInput p =
        parse(
            "docker pull nginx\ndocker run --name a nginx\ndocker run --name b --privileged nginx");
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).extracting(c -> c.name()).containsExactly("a", "b");
  }

  @Test
  void heredoc_bodyIsSkipped() {
    ParsedInput p = parse("cat <<EOF > x\n'unclosed\nEOF\ndocker run nginx");
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).hasSize(1);
  }
}
