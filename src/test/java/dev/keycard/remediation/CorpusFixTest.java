package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.keycard.input.ParsedInput;
import dev.keycard.report.FixResult;
import dev.keycard.pipeline.InputRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world corpus input through the fix pipeline: the fixed text parses, evaluating it
 * again leaves no finding that has a fix, the patch gives the same document as the fixed text, and
 * no comment line of the input is gone unless the line it documents went with it. Run
 * under the shipped {@code restricted} set and under the tests' own fuller {@code fixtest} set.
 */
class CorpusFixTest {
  static final Path CORPUS =
      Path.of(System.getProperty("keycard.shared", "../shared"), "corpus", "real-world");

  static Stream<Arguments> inputs() throws IOException {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String kind : new String[] {"compose", "docker-run"}) {
      try (Stream<Path> files = Files.list(CORPUS.resolve(kind))) {
        for (Path p : files.sorted().toList()) {
          out.add(Arguments.of(kind + "/" + p.getFileName(), "policies", "restricted"));
          out.add(Arguments.of(kind + "/" + p.getFileName(), Harness.TEST_POLICIES, "fixtest"));
        }
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} under {2}")
  @MethodSource("inputs")
  void corpusInput_fixesToParseableTextWithNoFixableFindingAndNoStrayCommentRemoved(
      String file, String policies, String ruleset) throws IOException {
    String input = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
    Harness h = Harness.of(policies);
    InputRequest request = Harness.request(input);
    ParsedInput parsed = h.parser().parse(request);
    assumeFalse(parsed.hasErrors(), "the input itself does not parse");
    FixResult r = h.fix(input, ruleset);
    ParsedInput fixed =
        h.parser()
            .parse(
                new InputRequest(r.fixed(), false, parsed.format().apiName(), Map.of(), Map.of()));
    assertThat(fixed.errors()).as("the fixed text parses").isEmpty();
    assertThat(r.after().findings())
        .as("findings with a fix left after fixing")
        .allSatisfy(f -> assertThat(f.fix()).as(f.ruleId() + " " + f.path()).isEmpty());
    if (parsed.document() != null) {
      assertThat(JsonPatch.same(JsonPatch.apply(parsed.document(), r.patch()), fixed.document()))
          .as("the patch, applied to the input's document, gives the fixed text's")
          .isTrue();
    }
    assertThat(commentsRemovedAlone(input, r.fixed()))
        .as("comment lines removed without the line they document")
        .isEmpty();
  }

  /**
   * The comment lines of {@code before} that are gone from {@code after} although no line they
   * could document went with them: a comment may go only in a run of removed lines that goes on to
   * remove a line that is not a comment (the line it documents, or the node it sits in).
   */
  static List<String> commentsRemovedAlone(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    boolean[] removed = new boolean[a.size()];
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      if (d.getType() == DeltaType.DELETE || d.getType() == DeltaType.CHANGE) {
        for (int i = 0; i < d.getSource().size(); i++) {
          removed[d.getSource().getPosition() + i] = true;
        }
      }
    }
    List<String> alone = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!removed[i] || !a.get(i).strip().startsWith("#")) {
        continue;
      }
      int j = i;
      while (j < a.size() && removed[j] && a.get(j).strip().startsWith("#")) {
        j++;
      }
      if (j == a.size() || !removed[j] || a.get(j).isBlank()) {
        alone.add((i + 1) + ": " + a.get(i));
      }
    }
    return alone;
  }
}
