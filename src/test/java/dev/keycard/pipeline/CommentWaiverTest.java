package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.model.Diagnostic;
import dev.keycard.report.Evaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "Waivers come from comments, and only for what they sit on": a {@code #
 * keycard:ignore} waiver is a real YAML comment (never a scalar's text, never JSON), and it waives
 * only the findings of the service in whose mapping it is written, at the node it sits on, in the
 * document the finding points at. Evaluated by the whole pipeline over the shipped policies.
 */
class CommentWaiverTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final PolicyService POLICIES =
      new PolicyService(TestPolicyConfig.of("policies"), PARSER);

  private static Evaluation evaluate(String text) {
    InputRequest r = new InputRequest(text, false, null, Map.of(), Map.of());
    return new EvaluationService(PARSER, POLICIES)
        .evaluate(PARSER.parse(r), r, new EvaluationOptions("restricted", List.of(), List.of(), null));
  }

  /** "KC-001@b" for each finding still standing, of the rules {@code rules}. */
  private static List<String> open(Evaluation e, String... rules) {
    List<String> wanted = List.of(rules);
    return e.findings().stream()
        .filter(f -> wanted.contains(f.ruleId()))
        .map(f -> f.ruleId() + "@" + f.container())
        .sorted()
        .toList();
  }

  private static List<String> waived(Evaluation e) {
    return e.suppressed().stream()
        .map(s -> s.finding().ruleId() + "@" + s.finding().container() + ":" + s.waiver().reason())
        .sorted()
        .toList();
  }

  private static List<String> warningCodes(Evaluation e) {
    return e.warnings().stream()
        .map(Diagnostic::code)
        .filter(c -> c.startsWith("waiver_"))
        .toList();
  }

  @Test
  void json_aLabelValue_waivesNothing() {
    Evaluation e =
        evaluate(
            "{\"services\":{\"a\":{\"image\":\"x\",\"labels\":{\"note\":\"x # keycard:ignore"
                + " KC-001,KC-030 innocent label\"}},\"b\":{\"image\":\"y\",\"privileged\":true,"
                + "\"volumes\":[\"/var/run/docker.sock:/s\"]}}}");
    assertThat(open(e, "KC-001", "KC-030")).containsExactly("KC-001@b", "KC-030@b");
    assertThat(e.suppressed()).isEmpty();
    assertThat(warningCodes(e)).isEmpty();
  }

  @Test
  void yaml_aHashInADoubleQuotedScalar_waivesNothing() {
    Evaluation e =
        evaluate(
            """
            services:
              a:
                image: x
                labels:
                  note: "x # keycard:ignore KC-001,KC-030 innocent label"
                command: 'run # keycard:ignore KC-001 in single quotes'
              b:
                image: y
                privileged: true
                volumes: ["/var/run/docker.sock:/s"]
            """);
    assertThat(open(e, "KC-001", "KC-030")).containsExactly("KC-001@b", "KC-030@b");
    assertThat(e.suppressed()).isEmpty();
  }

  @Test
  void aMarkerInsideABlockScalar_isTextNotAWaiverForTheSettingBelow() {
    Evaluation e =
        evaluate(
            """
            services:
              web:
                image: x
                command: |
                  echo start
                  # keycard:ignore KC-001 a line of the script
                privileged: true
            """);
    assertThat(open(e, "KC-001")).containsExactly("KC-001@web");
    assertThat(e.suppressed()).isEmpty();
  }

  @Test
  void commentOnTheLine_aboveIt_orOnTheServiceKey_waivesWhatItSitsOn() {
    Evaluation e =
        evaluate(
            """
            services:
              a:
                image: x
                privileged: true # keycard:ignore KC-001 on the line
                # keycard:ignore KC-030 above the setting
                volumes:
                  - /var/run/docker.sock:/s
                network_mode: host
              b: # keycard:ignore KC-001,KC-010 on the service key
                image: y
                privileged: true
                network_mode: host
                volumes:
                  - /var/run/docker.sock:/s
            """);
    assertThat(waived(e))
        .containsExactly(
            "KC-001@a:on the line",
            "KC-001@b:on the service key",
            "KC-010@b:on the service key",
            "KC-030@a:above the setting");
    // each waiver only for what it sits on: a's network_mode, b's socket stay
    assertThat(open(e, "KC-001", "KC-010", "KC-030")).containsExactly("KC-010@a", "KC-030@b");
  }

  @Test
  void aTrailingComment_doesNotWaiveTheNextLine_norABlankLineAway() {
    Evaluation e =
        evaluate(
            """
            services:
              web:
                image: x
                network_mode: host # keycard:ignore KC-001 not this line's rule
                privileged: true
                # keycard:ignore KC-030 a blank line below

                volumes:
                  - /var/run/docker.sock:/s
            """);
    assertThat(open(e, "KC-001", "KC-030")).containsExactly("KC-001@web", "KC-030@web");
    assertThat(e.suppressed()).isEmpty();
    assertThat(warningCodes(e)).contains("waiver_unattached");
  }

  @Test
  void extends_aWaiverInTheBase_doesNotWaiveTheExtendingService() {
    Evaluation e =
        evaluate(
            """
            services:
              a:
                image: x
                privileged: true # keycard:ignore KC-001 the base needs it
              b:
                extends: a
            """);
    assertThat(waived(e)).containsExactly("KC-001@a:the base needs it");
    // b's finding points at a's privileged: true, which b inherits; a's comment is not b's
    assertThat(open(e, "KC-001")).containsExactly("KC-001@b");
    assertThat(
            e.findings().stream()
                .filter(f -> f.ruleId().equals("KC-001"))
                .map(f -> f.location().path()))
        .containsExactly("/services/a/privileged");
  }

  @Test
  void extends_aWaiverInTheExtendingService_doesNotWaiveTheBase() {
    Evaluation e =
        evaluate(
            """
            services:
              a:
                image: x
                privileged: true
                network_mode: host
              b: # keycard:ignore KC-001 the extending service needs it
                extends: a
                network_mode: host # keycard:ignore KC-010 b's own setting
            """);
    assertThat(waived(e))
        .containsExactly(
            "KC-001@b:the extending service needs it", "KC-010@b:b's own setting");
    assertThat(open(e, "KC-001", "KC-010")).containsExactly("KC-001@a", "KC-010@a");
  }

  @Test
  void extends_aWaiverOnTheExtendsKey_doesNotReachAnInheritedSetting() {
    Evaluation e =
        evaluate(
            """
            services:
              a:
                image: x
                privileged: true
              b:
                extends: a # keycard:ignore KC-001 sits on extends, not on privileged
            """);
    assertThat(open(e, "KC-001")).containsExactly("KC-001@a", "KC-001@b");
    assertThat(e.suppressed()).isEmpty();
  }

  @Test
  void anAnchoredSetting_isWaivedOnlyInTheServiceThatWritesIt() {
    Evaluation e =
        evaluate(
            """
            services:
              a:
                image: x
                volumes: &vols
                  - /var/run/docker.sock:/s # keycard:ignore KC-030 a's proxy
              b:
                image: y
                volumes: *vols
            """);
    assertThat(waived(e)).containsExactly("KC-030@a:a's proxy");
    assertThat(open(e, "KC-030")).containsExactly("KC-030@b");
  }

  @Test
  void aChatMessage_twoDocuments_aWaiverAppliesOnlyInItsOwn() {
    Evaluation e =
        evaluate(
            """
            This one is fine:

            ```yaml
            services:
              web:
                image: x
                privileged: true # keycard:ignore KC-001 the first file's lab box
            ```

            and this one?

            ```yaml
            services:
              web:
                image: y
                privileged: true
            ```
            """);
    assertThat(e.input().hasParts()).isTrue();
    assertThat(waived(e)).containsExactly("KC-001@web:the first file's lab box");
    assertThat(open(e, "KC-001")).containsExactly("KC-001@web");
    assertThat(
            e.findings().stream()
                .filter(f -> f.ruleId().equals("KC-001"))
                .map(f -> f.location().span().start().line()))
        .containsExactly(16);
  }

  @Test
  void chatProse_aMarkerOutsideTheCodeBlock_waivesNothing() {
    Evaluation e =
        evaluate(
            """
            Ignore it with # keycard:ignore KC-001 like this:

            ```yaml
            services:
              web:
                image: x
                privileged: true
            ```
            """);
    assertThat(open(e, "KC-001")).containsExactly("KC-001@web");
    assertThat(e.suppressed()).isEmpty();
  }

  @Test
  void warnings_unknownRule_noReason_andUnattached_pointAtTheComment() {
    Evaluation e =
        evaluate(
            """
            x-base:
              privileged: true # keycard:ignore KC-001 in no service
            services:
              web:
                image: x
                privileged: true # keycard:ignore KC-01 the old id
                network_mode: host # keycard:ignore KC-010
            """);
    assertThat(warningCodes(e))
        .containsExactly("waiver_unattached", "waiver_unknown_rule", "waiver_without_reason");
    assertThat(e.warnings().stream().filter(w -> w.code().startsWith("waiver_")))
        .extracting(w -> w.span().start().line() + ":" + w.span().start().column())
        .containsExactly("2:20", "6:22", "7:24");
    assertThat(waived(e)).containsExactly("KC-010@web:null");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // a guard against a hang, not a measure
  void hostileComments_giveABoundedListOfWarnings() {
    StringBuilder yaml = new StringBuilder("services:\n  web:\n    image: x\n");
    for (int i = 0; i < 20_000; i++) {
      yaml.append("    # keycard:ignore KC-001\n");
    }
    yaml.append("    privileged: true # keycard:ignore ");
    for (int i = 0; i < 100_000; i++) {
      yaml.append("X-").append(i).append(',');
    }
    yaml.append("KC-001 reason\n");
    Evaluation e = evaluate(yaml.toString());
    assertThat(e.warnings().stream().filter(w -> w.code().startsWith("waiver_")))
        .hasSize(WaiverWarnings.MAX_COMMENT_WARNINGS);
    assertThat(waived(e)).containsExactly("KC-001@web:null");
  }
}
