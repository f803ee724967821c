package dev.keycard.input.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionCommentsTest {
  static final String TEXT =
      """
      services:
        web: # keycard:ignore KC-040 sized by the orchestrator
          image: nginx
          privileged: true # keycard:ignore KC-001, KC-020 needs raw devices
          # keycard:ignore KC-030 the proxy reads events
          volumes:
            - /var/run/docker.sock:/var/run/docker.sock
          user: root #keycard:ignore KC-002
          command: "echo # keycard:ignore is text here"
      """;

  @Test
  void scan_findsEveryMarker_withIdsReasonAndLine() {
    List<SuppressionComments.Comment> cs = SuppressionComments.scan(TEXT).comments();
    assertThat(cs)
        .containsExactly(
            new SuppressionComments.Comment(
                List.of("KC-040"), 2, "sized by the orchestrator", false),
            new SuppressionComments.Comment(
                List.of("KC-001", "KC-020"), 4, "needs raw devices", false),
            new SuppressionComments.Comment(List.of("KC-030"), 5, "the proxy reads events", true),
            new SuppressionComments.Comment(List.of("KC-002"), 8, null, false),
            new SuppressionComments.Comment(List.of("is"), 9, "text here\"", false));
  }

  @ParameterizedTest(name = "{0} at line {1} (service line {2}) waived: {3}")
  @CsvSource({
    "KC-001, 4, 2, true", // same line
    "KC-020, 4, 2, true", // second id of the same comment
    "KC-030, 6, 2, true", // comment alone on the line above
    "KC-030, 7, 2, false", // two lines below: not covered
    "KC-001, 5, 2, false", // a trailing comment does not cover the next line
    "KC-040, 9, 2, true", // on the service key line: the whole service
    "KC-040, 9, 0, false", // unknown service line: only line matches count
    "KC-002, 8, 2, true",
    "KC-003, 4, 2, false", // rule not named
  })
  void covering_matchesLineLineAboveOrServiceKey(
      String rule, int line, int serviceLine, boolean waived) {
    assertThat(SuppressionComments.scan(TEXT).covering(rule, line, serviceLine).isPresent())
        .isEqualTo(waived);
  }

  @Test
  void scan_withoutMarker_isEmpty() {
    assertThat(SuppressionComments.scan("services:\n  web:\n    image: x # a comment\n").isEmpty())
        .isTrue();
  }
}
