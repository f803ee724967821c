package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import dev.keycard.report.MarkdownReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixing a chat message: every snippet is fixed in place, the prose around it is untouched, and
 * evaluating the fixed message again leaves no finding that has a fix, also when the message is
 * read in parts (a compose block and a docker run line) or from a blockquote.
 */
class ChatFixTest {
  static final Path DIR = Path.of("src/test/resources/chat");

  static Stream<String> messages() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("prose"))
          .sorted()
          .toList()
          .stream();
    }
  }

  static String message(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void chatMessage_fixesEverySnippetInPlace_andKeepsTheProse(String name) throws IOException {
    String text = message(name);
    Harness h = Harness.of("policies");
    FixResult r = h.fix(text, "restricted");
    assertThat(r.applied()).isPositive();
    assertThat(r.after().findings())
        .as("findings with a fix left after fixing")
        .allSatisfy(f -> assertThat(f.fix()).as(f.ruleId()).isEmpty());
    String t = text.strip();
    assertThat(r.fixed().strip())
        .as("the prose around the snippets")
        .startsWith(t.substring(0, 12))
        .endsWith(t.substring(t.length() - 12));
    ParsedInput again = h.parser().parse(Harness.request(r.fixed()));
    assertThat(again.errors()).isEmpty();
    assertThat(again.containers()).hasSameSizeAs(r.evaluation().input().containers());
  }

  @Test
  void blockquotedCompose_everyLineOfTheFixedBlockKeepsItsMarker() throws IOException {
    FixResult r = Harness.of("policies").fix(message("homeassistant-quoted.md"), "restricted");
    List<String> block =
        r.fixed().lines().dropWhile(l -> !l.startsWith("> ```")).skip(1)
            .takeWhile(l -> !l.equals("> ```")).toList();
    assertThat(block).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith(">"));
    assertThat(block).noneMatch(l -> l.contains("privileged"));
    assertThat(block).anyMatch(l -> l.equals(">     read_only: true"));
  }

  @Test
  void messageInParts_offersTextEditsAndNoJsonPatch() throws IOException {
    Harness h = Harness.of("policies");
    InputRequest request = Harness.request(message("jenkins-mixed.md"));
    Answer answer = h.answer(request, "restricted");
    Evaluation e = answer.evaluation();
    assertThat(e.input().hasParts()).isTrue();
    Remedies remedies = answer.remedies();
    assertThat(remedies.size()).isPositive();
    for (Finding f : e.findings()) {
      Remedy x = remedies.of(f);
      if (x != null) {
        assertThat(x.patch()).as("the message has no one document").isEmpty();
        assertThat(x.edits()).isNotEmpty();
      }
    }
    // the docker socket of the inline command and the privileged dind service are both found
    assertThat(e.findings())
        .extracting(Finding::ruleId, Finding::container)
        .contains(
            org.assertj.core.groups.Tuple.tuple("KC-030", "jenkins"),
            org.assertj.core.groups.Tuple.tuple("KC-001", "dind"));
  }

  @Test
  void messageInParts_markdownShowsEachFixedSnippetInItsOwnLanguage() throws IOException {
    Harness h = Harness.of("policies");
    FixResult r = h.fix(message("jenkins-mixed.md"), "restricted");
    String md = MarkdownReport.withFixed(
            r.evaluation(), r.fixedInput(), r.applied(), r.notApplied(), r.remedies());
    assertThat(md).contains("```sh\ndocker run -d -p 8080:8080").contains("```yaml\nservices:\n");
    assertThat(md).doesNotContain("Anything obviously wrong");
  }
}
