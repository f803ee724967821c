package dev.keycard.input.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keycard.model.Span;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileUserTest {

  static Stream<Arguments> dockerfiles() {
    return Stream.of(
        arguments("single stage", "FROM alpine\nUSER app\nCMD [\"sh\"]\n", "app"),
        arguments("no USER: base image decides", "FROM alpine\nRUN true\n", null),
        arguments("numeric user and group", "FROM alpine\nUSER 1000:1000\n", "1000:1000"),
        arguments("lower-case instruction", "from alpine\nuser app\n", "app"),
        arguments("last USER wins: root after app", "FROM alpine\nUSER app\nUSER root\n", "root"),
        arguments(
            "USER in builder only",
            "FROM golang AS builder\nUSER build\n" + "FROM alpine\nCOPY --from=builder /x /x\n",
            null),
        arguments(
            "final FROM builder inherits",
            "FROM alpine AS base\nUSER app\n" + "FROM base\nRUN true\n",
            "app"),
        arguments(
            "stage names are case-insensitive",
            "FROM alpine AS Base\nUSER app\n" + "FROM BASE\n",
            "app"),
        arguments(
            "inherited, then overridden",
            "FROM alpine AS base\nUSER app\n" + "FROM base\nUSER 0\n",
            "0"),
        arguments(
            "ARG default substituted", "FROM alpine\nARG APP_USER=svc\nUSER $APP_USER\n", "svc"),
        arguments(
            "ENV substituted with braces",
            "FROM alpine\nENV UID=1001 GID=1001\n" + "USER ${UID}:${GID}\n",
            "1001:1001"),
        arguments(
            "legacy ENV form", "FROM alpine\nENV NAME app user\nUSER \"$NAME\"\n", "app user"),
        arguments("ENV wins over ARG", "FROM alpine\nARG U=a\nENV U=b\nUSER $U\n", "b"),
        arguments("ARG without default is unknown", "FROM alpine\nARG U\nUSER $U\n", null),
        arguments("undeclared variable is unknown", "FROM alpine\nUSER $NOPE\n", null),
        arguments(
            "default of an undeclared variable", "FROM alpine\nUSER ${NOPE:-nobody}\n", "nobody"),
        arguments(
            "global ARG reaches a stage only when re-declared",
            "ARG U=glob\nFROM alpine\nUSER $U\n",
            null),
        arguments(
            "global ARG re-declared in the stage",
            "ARG U=glob\nFROM alpine\nARG U\n" + "USER $U\n",
            "glob"),
        arguments(
            "ENV inherited from a parent stage",
            "FROM alpine AS base\nENV U=app\n" + "FROM base\nUSER $U\n",
            "app"),
        arguments(
            "ARG not inherited from a parent stage",
            "FROM alpine AS base\nARG U=app\n" + "FROM base\nUSER $U\n",
            null),
        arguments("continuation line", "FROM alpine\nUSER \\\n    app\n", "app"),
        arguments(
            "comment lines, also inside a continuation",
            "# USER evil\nFROM alpine\nRUN echo a \\\n# USER evil\n  && echo b\nUSER app\n",
            "app"),
        arguments("escape directive", "# escape=`\nFROM alpine\nUSER `\n  app\n", "app"),
        arguments("heredoc body is not read", "FROM alpine\nRUN <<EOF\nUSER evil\nEOF\n", null),
        arguments(
            "heredoc with dash and quotes",
            "FROM alpine\nUSER app\nCOPY <<-'END' /x\n" + "\tUSER evil\n\tEND\n",
            "app"),
        arguments(
            "FROM with --platform and stage variable",
            "ARG BASE=build\nFROM alpine AS build\nUSER app\nFROM --platform=linux/amd64 $BASE\n",
            "app"),
        arguments("scratch has no user: root", "FROM scratch\nCOPY app /app\n", "root"),
        arguments("CRLF line endings", "FROM alpine\r\nUSER app\r\n", "app"),
        arguments("no FROM at all", "USER app\n", null),
        arguments("empty text", "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dockerfiles")
  void dockerfile_finalStageUser(String name, String dockerfile, String want) {
    Optional<DockerfileUser> user = DockerfileUser.of(dockerfile);
    assertThat(user.map(DockerfileUser::user).orElse(null)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} root={1}")
  @CsvSource({
    "root, true",
    "0, true",
    "0:0, true",
    "root:app, true",
    "00, true",
    "app, false",
    "1000, false",
    "1000:0, false",
    "rootless, false",
    "'', false"
  })
  void dockerfile_isRoot(String user, boolean root) {
    assertThat(DockerfileUser.isRoot(user)).isEqualTo(root);
  }

  /**
   * A directive line with 200,000 blanks inside its value: java.util.regex's {@code (.*?)\s*$}
   * took O(n^2) steps on it (12 s at 50,000 over HTTP, an hour at the 1 MB a body may hold).
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 120) // a hang guard, not a timing: quadratic work takes hours
  void dockerfile_hugeDirectiveLine_isLinear() {
    String text =
        "# syntax=x" + " ".repeat(200_000) + "x\n# escape=`\nFROM alpine\nUSER `\n  app\n";
    assertThat(DockerfileUser.of(text).orElseThrow().user()).isEqualTo("app");
  }

  @Test
  void dockerfile_heredocQuotes_mustPair() {
    // <<"EOF without its closing quote opens no heredoc: the next line is an instruction
    assertThat(DockerfileUser.of("FROM alpine\nRUN <<\"EOF cat\nUSER app\n").orElseThrow().user())
        .isEqualTo("app");
    assertThat(DockerfileUser.of("FROM alpine\nUSER app\nRUN <<\"EOF\"\nUSER evil\nEOF\n").orElseThrow().user())
        .isEqualTo("app");
  }

  @Test
  void dockerfile_userSpan_pointsAtTheValue() {
    String text = "FROM alpine\n\nUSER   app:grp\n";
    DockerfileUser user = DockerfileUser.of(text).orElseThrow();
    Span span = user.span();

    assertThat(span.start().line()).isEqualTo(3);
    assertThat(span.start().column()).isEqualTo(8);
    assertThat(text.substring(span.start().offset(), span.end().offset())).isEqualTo("app:grp");
    assertThat(user.isRoot()).isFalse();
  }

  @Test
  void dockerfile_inheritedUser_pointsAtTheEarlierStage() {
    String text = "FROM alpine AS base\nUSER root\nFROM base\n";
    DockerfileUser user = DockerfileUser.of(text).orElseThrow();

    assertThat(user.span().start().line()).isEqualTo(2);
    assertThat(user.isRoot()).isTrue();
  }

  @Test
  void dockerfile_continuedUser_spanCoversTheValueOnItsLine() {
    String text = "FROM alpine\nUSER \\\n  app\n";
    Span span = DockerfileUser.of(text).orElseThrow().span();

    assertThat(span.start().line()).isEqualTo(3);
    assertThat(span.start().column()).isEqualTo(3);
    assertThat(span.end().column()).isEqualTo(6);
  }

  @Test
  void dockerfile_oddInputs_neverThrow() {
    for (String s :
        new String[] {
          "USER",
          "FROM",
          "FROM a AS",
          "FROM a\nUSER ${",
          "FROM a\nUSER ${X:-",
          "FROM a\nUSER $",
          "FROM a\nUSER \\",
          "# escape=`\n",
          "FROM a\nRUN <<EOF",
          "FROM a\nENV",
          "FROM a\nARG =",
          "\r\r\n\n",
          "FROM a\nUSER \"unterminated",
          "FROM a\nENV A=${A}\nUSER $A"
        }) {
      assertThatCode(() -> DockerfileUser.of(s)).as(s).doesNotThrowAnyException();
    }
  }
}
