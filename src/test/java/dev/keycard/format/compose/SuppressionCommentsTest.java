package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.CommentWaiver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Waiver comments are read from SnakeYAML's comment tokens and attached to the one node they sit
 * on: a {@code #} inside a scalar is text, a comment is a waiver only where YAML has a comment.
 */
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
          command: "echo # keycard:ignore KC-003 is text here"
          entrypoint: |
            sh -c 'run'
            # keycard:ignore KC-004 inside a block scalar
          labels:
            note: x # keycard:ignore KC-005 in a plain scalar?
          working_dir: /a#keycard:ignore KC-006 glued to a plain scalar
      """;

  private static List<CommentWaiver> waivers(String yaml) {
    return Compose.parse(yaml).waivers();
  }

  @Test
  void scan_takesOnlyRealComments_withIdsReasonAndPlace() {
    assertThat(waivers(TEXT))
        .extracting(CommentWaiver::ruleIds, CommentWaiver::reason, w -> w.span().start().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                List.of("KC-040"), "sized by the orchestrator", 2),
            org.assertj.core.groups.Tuple.tuple(
                List.of("KC-001", "KC-020"), "needs raw devices", 4),
            org.assertj.core.groups.Tuple.tuple(List.of("KC-030"), "the proxy reads events", 5),
            org.assertj.core.groups.Tuple.tuple(List.of("KC-002"), null, 8),
            org.assertj.core.groups.Tuple.tuple(List.of("KC-005"), "in a plain scalar?", 14));
  }

  @ParameterizedTest(name = "line {0} sits on {1} (whole service: {2})")
  @CsvSource({
    "2, /services/web, true", // on the service key: the whole service
    "4, /services/web/privileged, false", // after the setting on its line
    "5, /services/web/volumes, false", // alone on the line above the setting
    "8, /services/web/user, false",
    "14, /services/web/labels/note, false",
  })
  void attach_sitsOnTheNodeOfItsLine_orTheOneBelow(int line, String node, boolean whole) {
    CommentWaiver w =
        waivers(TEXT).stream().filter(x -> x.span().start().line() == line).findFirst().get();
    assertThat(w.node()).isEqualTo(node);
    assertThat(w.container()).isZero();
    assertThat(w.wholeContainer()).isEqualTo(whole);
    assertThat(w.span().start().column())
        .as("the span starts at the #")
        .isEqualTo(TEXT.lines().toList().get(line - 1).indexOf('#') + 1);
  }

  @Test
  void scan_withoutMarker_isEmpty() {
    assertThat(waivers("services:\n  web:\n    image: x # a comment\n")).isEmpty();
  }

  @Test
  void json_hasNoComments_soALabelValueWaivesNothing() {
    String json =
        "{\"services\":{\"a\":{\"image\":\"x\",\"labels\":{\"note\":\"x # keycard:ignore"
            + " KC-001,KC-030 innocent label\"}}},\"b\":{\"image\":\"y\"}}";
    assertThat(waivers(json)).isEmpty();
  }

  @Test
  void blockOfComments_sitsOnTheNodeRightBelowIt_notAcrossABlankLine() {
    String yaml =
        """
        services:
          web:
            image: x
            # keycard:ignore KC-001 first of the block
            # why: the lab box needs it
            # keycard:ignore KC-011 last of the block
            privileged: true
            # keycard:ignore KC-030 a blank line below

            volumes:
              - /var/run/docker.sock:/s
            user: root
              # keycard:ignore KC-002 deeper than the node below
            read_only: false
        """;
    assertThat(waivers(yaml))
        .extracting(CommentWaiver::node)
        .containsExactly(
            "/services/web/privileged", "/services/web/privileged", null, null);
    assertThat(waivers(yaml)).extracting(CommentWaiver::attached).containsExactly(
        true, true, false, false);
  }

  @Test
  void sequenceItem_trailingComment_sitsOnTheItem() {
    String yaml =
        """
        services:
          web:
            image: x
            volumes:
              - ./data:/data
              - /var/run/docker.sock:/s # keycard:ignore KC-030 reads events
              - type: bind # keycard:ignore KC-031 long syntax
                source: /etc
                target: /host-etc
        """;
    assertThat(waivers(yaml))
        .extracting(CommentWaiver::node)
        .containsExactly("/services/web/volumes/1", "/services/web/volumes/2");
  }

  @Test
  void commentOutsideAService_sitsOnNoService() {
    String yaml =
        """
        x-base: &base
          privileged: true # keycard:ignore KC-001 in an extension field
        services:
          web:
            <<: *base
            image: x
        # keycard:ignore KC-040 at the end of the file
        """;
    assertThat(waivers(yaml))
        .extracting(CommentWaiver::container, CommentWaiver::attached)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(-1, false),
            org.assertj.core.groups.Tuple.tuple(-1, false));
  }

  @Test
  void eachServiceGetsItsOwnIndex() {
    String yaml =
        """
        services:
          a:
            image: x
          b: # keycard:ignore KC-040 reason
            image: y
            privileged: true # keycard:ignore KC-001 reason
        """;
    assertThat(waivers(yaml))
        .extracting(CommentWaiver::container, CommentWaiver::node, CommentWaiver::wholeContainer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "/services/b", true),
            org.assertj.core.groups.Tuple.tuple(1, "/services/b/privileged", false));
  }

  @Test
  void bareService_commentsBelongToIt() {
    assertThat(waivers("image: x\nprivileged: true # keycard:ignore KC-001 a chat paste\n"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.container()).isZero();
              assertThat(w.node()).isEqualTo("/privileged");
              assertThat(w.wholeContainer()).isFalse();
            });
  }
}
