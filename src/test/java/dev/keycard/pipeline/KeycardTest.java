package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.format.Formats;
import dev.keycard.remediation.Apply;
import dev.keycard.remediation.Remedies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facade: a request decided again is answered from the cache from its third time with the
 * fixes proven once for every asker; an answer proves its fixes at most once; refusals are the
 * pipeline's own exceptions.
 */
class KeycardTest {
  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final PolicyService POLICIES =
      new PolicyService(TestPolicyConfig.of("policies"), PARSER);

  private static Keycard cached() {
    EvaluationService ev = new EvaluationService(PARSER, POLICIES);
    return new Keycard(
        PARSER,
        ev,
        new RemediationService(PARSER, ev),
        new RuleCheckService(POLICIES, PARSER),
        POLICIES,
        new AnswerCache(AnswerCacheFill.config(32L << 20), new SimpleMeterRegistry()));
  }

  private static Keycard.Request request(String text) {
    return new Keycard.Request(
        new InputRequest(text, false, null, Map.of(), Map.of()),
        new EvaluationOptions("restricted", List.of(), List.of(), null),
        new Keycard.Sent("restricted", null, null, null, null));
  }

  private static final String PRIVILEGED =
      "services:\n  web:\n    image: nginx\n    privileged: true\n";

  @Test
  void anAnswer_provesItsFixesOnce() {
    Answer a = Keycard.uncached(PARSER, POLICIES).decide(request(PRIVILEGED));
    Remedies first = a.remedies();
    assertThat(first.size()).isPositive();
    assertThat(a.remedies()).isSameAs(first);
    assertThat(a.fixed(Apply.ALL).remedies()).isSameAs(first);
  }

  @Test
  void aCachedAnswer_isANewDecision_withTheFixesProvenOnceForEveryAsker() {
    Keycard keycard = cached();
    Answer first = keycard.decide(request(PRIVILEGED));
    Answer second = keycard.decide(request(PRIVILEGED)); // seen twice: now kept
    Remedies proven = second.remedies();
    Answer third = keycard.decide(request(PRIVILEGED));

    assertThat(first.remedies()).as("the first answer was not kept").isNotSameAs(proven);
    assertThat(third.remedies()).as("the kept answer's fixes").isSameAs(proven);
    assertThat(third.evaluation().decisionId()).isNotEqualTo(second.evaluation().decisionId());
    assertThat(third.evaluation().findings()).isSameAs(second.evaluation().findings());
  }

  @Test
  void anUncachedRequest_isNeverAnsweredFromTheCache() {
    Keycard keycard = cached();
    Keycard.Request r = request(PRIVILEGED);
    Keycard.Request uncached = Keycard.Request.uncached(r.input(), r.options());
    keycard.decide(r);
    keycard.decide(r);
    assertThat(keycard.decide(uncached).evaluation().findings())
        .isNotSameAs(keycard.decide(r).evaluation().findings());
  }

  @Test
  void refusals_areThePipelinesOwnExceptions() {
    Keycard keycard = Keycard.uncached(PARSER, POLICIES);
    assertThatThrownBy(() -> keycard.decide(request("services: [\n")))
        .isInstanceOf(Keycard.Unparsed.class)
        .satisfies(e -> assertThat(((Keycard.Unparsed) e).parsed().hasErrors()).isTrue());
    Keycard.Request r = request(PRIVILEGED);
    assertThatThrownBy(
            () ->
                keycard.decide(
                    Keycard.Request.uncached(
                        new InputRequest(PRIVILEGED, false, "yaml-ish", null, null), r.options())))
        .isInstanceOf(Keycard.UnknownFormat.class)
        .hasMessageContaining("unknown format 'yaml-ish'");
    assertThatThrownBy(
            () ->
                keycard.decide(
                    Keycard.Request.uncached(
                        r.input(), new EvaluationOptions("no-such-set", null, null, null))))
        .isInstanceOf(EvaluationService.UnknownRuleSet.class);
  }
}
