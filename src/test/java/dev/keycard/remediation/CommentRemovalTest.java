package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A comment that documents a removed line goes with it (the comment block directly above it at its
 * own indentation, or a comment inside the removed node), so that no stale comment is left; every
 * other comment stays: a parent's, one separated by a blank line, commented-out YAML, the file's
 * header.
 */
class CommentRemovalTest {
  private final Harness h = Harness.of(Harness.TEST_POLICIES);

  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "the comment line directly above a removed entry goes with it",
            "KC-001",
            "services:\n  web:\n    image: nginx\n    # needs the GPU\n    privileged: true\n",
            "services:\n  web:\n    image: nginx\n"),
        row(
            "a comment block of several lines goes with it",
            "KC-001",
            "services:\n  web:\n    image: nginx\n    # the old agent\n    # needed this\n"
                + "    privileged: true\n",
            "services:\n  web:\n    image: nginx\n"),
        row(
            "a comment above a removed list item goes with it, the item's siblings stay",
            "KC-030",
            "services:\n  web:\n    image: nginx\n    volumes:\n      - ./a:/a\n"
                + "      # watch the daemon\n      - /var/run/docker.sock:/var/run/docker.sock\n",
            "services:\n  web:\n    image: nginx\n    volumes:\n      - ./a:/a\n"),
        row(
            "a comment separated by a blank line stays",
            "KC-001",
            "services:\n  web:\n    image: nginx\n    # about what follows\n\n"
                + "    privileged: true\n",
            "services:\n  web:\n    image: nginx\n    # about what follows\n\n"),
        row(
            "a less indented comment documents the parent and stays",
            "KC-001",
            "services:\n  # the web tier\n  web:\n    privileged: true\n    image: nginx\n",
            "services:\n  # the web tier\n  web:\n    image: nginx\n"),
        row(
            "commented-out YAML directly above stays",
            "KC-030",
            "services:\n  web:\n    image: nginx\n    volumes:\n      - ./a:/a\n"
                + "      #- ./old:/old\n      - /var/run/docker.sock:/var/run/docker.sock\n",
            "services:\n  web:\n    image: nginx\n    volumes:\n      - ./a:/a\n"
                + "      #- ./old:/old\n"),
        row(
            "a commented-out key directly above stays",
            "KC-001",
            "services:\n  web:\n    image: nginx\n    # restart: always\n    privileged: true\n",
            "services:\n  web:\n    image: nginx\n    # restart: always\n"),
        row(
            "a waiver comment for the removed line goes with it (it would waive the next line)",
            "KC-001",
            "services:\n  web:\n    image: nginx\n    # keycard:ignore KC-031 reads logs\n"
                + "    privileged: true\n    volumes: [/var/log:/var/log]\n",
            "services:\n  web:\n    image: nginx\n    volumes: [/var/log:/var/log]\n"),
        row(
            "a comment inside a removed key goes with it",
            "KC-030",
            "services:\n  web:\n    image: nginx\n    volumes:\n      # the socket\n"
                + "      - /var/run/docker.sock:/var/run/docker.sock\n",
            "services:\n  web:\n    image: nginx\n"),
        row(
            "the comment above a key removed with its last item goes too",
            "KC-030",
            "services:\n  web:\n    image: nginx\n    # talk to the daemon\n    volumes:\n"
                + "      - /var/run/docker.sock:/var/run/docker.sock\n",
            "services:\n  web:\n    image: nginx\n"),
        row(
            "the file's header comment is not the first entry's",
            "KC-001",
            "# my service\nprivileged: true\nimage: nginx\n",
            "# my service\nimage: nginx\n"),
        row(
            "CRLF line breaks",
            "KC-001",
            "services:\r\n  web:\r\n    image: nginx\r\n    # why\r\n    privileged: true\r\n",
            "services:\r\n  web:\r\n    image: nginx\r\n"));
  }

  private static Arguments row(String name, String rule, String input, String expected) {
    return Arguments.of(name, rule, input, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void removal_takesOnlyTheCommentsThatDocumentIt(
      String name, String rule, String input, String expected) {
    InputRequest r = Harness.request(input);
    Answer answer = h.answer(r, "fixtest");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
    Remedy remedy = answer.remedies().of(f);
    assertThat(remedy).as("a verified fix").isNotNull();
    assertThat(TextEdit.apply(input, remedy.edits())).isEqualTo(expected);
  }

  /** awesome-compose's traefik-golang: the socket's comment no longer outlives the socket. */
  @Test
  void traefikGolang_socketCommentGoesWithTheSocket() throws IOException {
    String input = corpus("compose/awesome-compose-traefik-golang.yaml");
    FixResult r = Harness.of("policies").fix(input, "restricted");
    assertThat(input).contains("# So that Traefik can listen to the Docker events");
    assertThat(r.fixed())
        .doesNotContain("/var/run/docker.sock")
        .doesNotContain("# So that Traefik can listen to the Docker events")
        .contains("# The HTTP port");
  }

  /**
   * awesome-compose's pihole-cloudflared-DoH: both host volumes go, and their key with them, but
   * the commented-out dns: block right above the key is not about the volumes, and stays.
   */
  @Test
  // rule sets 1.0.0 still flag /etc/pihole (1.1.0 reads it as the app's own folder): the test is
  // about the comments around a removed key, so it pins the version that removes one
  void piholeDoH_commentedOutBlockAboveARemovedKeyStays() throws IOException {
    String input = corpus("compose/awesome-compose-pihole-cloudflared-DoH.yaml");
    FixResult r = Harness.of("policies").fix(input, "restricted@1.0.0");
    assertThat(r.fixed())
        .doesNotContain("/etc/pihole/")
        .contains("    #dns:\n", "      #- 127.0.0.1 #", "      #- 1.1.1.1 # Backup server\n");
  }

  private static String corpus(String file) throws IOException {
    return Files.readString(CorpusFixTest.CORPUS.resolve(file), StandardCharsets.UTF_8);
  }
}
