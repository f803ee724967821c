package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.yaml.YamlOffsets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * The waiver comments {@link SuppressionComments} reads between the scanner's tokens are exactly
 * the comments SnakeYAML's own scanner reports as comment tokens (the oracle), on every corpus
 * compose file and on hand-made edge cases, with a marker written after every {@code #} of the
 * text, in comments and scalars alike.
 */
class CommentTokensAgreementTest {
  private static final String MARK = " keycard:ignore KC-001 why";

  static Stream<String> texts() throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : ComposeCorpusTest.corpus().toList()) {
      out.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    out.addAll(
        List.of(
            "services:\n  web:\n    image: \"x # not\" # yes\n",
            "services:\n  web:\n    image: 'x # not' # yes\n",
            "services:\n  web:\n    image: x#not # yes\n",
            "services:\n  web:\n    command: | # header\n      echo # not\n    # less indented\n"
                + "    user: root\n",
            "services:\n  web:\n    command: >-2 # header\n        echo # not\n\n  # after\n",
            "services:\n  web:\n    command: |\n      # not\n      echo\n# col 0\n",
            "# top\nservices: # a\n  # b\n  web: {image: x, # c\n    user: root} # d\n",
            "services:\n  web:\n    image: x\n    labels: [a, # e\n      \"b # not\"]\n",
            "services:\n  web:\n    image: plain\n      continued # f\n",
            "services:\n  web: &w # g\n    image: x\n  b:\n    <<: *w # h\n",
            "services:\n  web:\n    image: !!str x # i\n    ? user # j\n    : root\n",
            "\ufeff# bom\nservices:\n  web:\n    image: x\n",
            "services:\r\n  web:\r\n    image: x # crlf\r\n    # alone\r\n    user: r\r\n",
            "%YAML 1.2\n---\nservices:\n  web:\n    image: x # k\n...\n"));
    return out.stream();
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("texts")
  void betweenTokens_isWhereSnakeYamlHasComments(String original) {
    String text = original.replace("#", "#" + MARK);
    List<Integer> oracle = commentTokens(text);
    List<Integer> read =
        SuppressionComments.scan(text, new YamlOffsets(text), new LineIndex(text)).comments().stream()
            .map(SuppressionComments.Comment::start)
            .toList();
    assertThat(read).isEqualTo(oracle);
  }

  /** Where SnakeYAML's comment tokens holding the marker start (UTF-16 offsets). */
  private static List<Integer> commentTokens(String text) {
    LoadSettings s =
        LoadSettings.builder().setParseComments(true).setCodePointLimit(10_000_000).build();
    ScannerImpl scanner = new ScannerImpl(s, new StreamReader(s, text));
    YamlOffsets offsets = new YamlOffsets(text);
    List<Integer> out = new ArrayList<>();
    while (scanner.hasNext()) {
      Token t = scanner.next();
      if (t instanceof CommentToken c
          && c.getCommentType() != CommentType.BLANK_LINE
          && c.getValue().contains("keycard:ignore")) {
        out.add(offsets.of(c.getStartMark()));
      }
    }
    return out;
  }
}
