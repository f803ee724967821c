package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyException;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleDocs;
import dev.keycard.policy.RuleExample;
import dev.keycard.report.Evaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every failing example of every rule with a fix (the shipped catalogue and the tests' own
 * rules): a verified fix is offered; its JSON Patch, applied by an independent RFC 6902 library,
 * gives the same document as applying its text edits and parsing again; and evaluating the fixed
 * input shows the finding closed.
 */
class RuleExampleFixTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> examples() throws PolicyException {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String dir : List.of("policies", Harness.TEST_POLICIES)) {
      PolicyCatalog catalog = PolicyLoader.load(List.of(Path.of(dir)));
      for (RuleDefinition r : catalog.rules()) {
        if (r.fix().isEmpty()) {
          continue;
        }
        // each revision's examples are judged by the rule-set versions that use that revision
        List<String> sets = RuleDocs.setsContaining(catalog, r);
        List<RuleExample> fails = r.failExamples();
        for (int i = 0; i < fails.size(); i++) {
          out.add(
              Arguments.of(
                  dir, r.id() + "@" + r.revision(), i, fails.get(i),
                  sets.isEmpty() ? catalog.names() : sets));
        }
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} {1} fail example {2}")
  @MethodSource("examples")
  void failExample_fixPatchEqualsEditsAndClosesFinding(
      String dir, String rule, int index, RuleExample example, List<String> sets)
      throws Exception {
    String ruleId = rule.substring(0, rule.indexOf('@'));
    Harness h = Harness.of(dir);
    InputRequest request =
        new InputRequest(
            example.input(), false, example.format(), example.files(), example.variables());
    ParsedInput parsed = h.parser().parse(request);
    Evaluation e = null;
    EvaluationOptions options = null;
    for (String set : sets) {
      options = Harness.options(set);
      e = h.evaluations().evaluate(parsed, request, options);
      if (e.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId))) {
        break;
      }
    }
    Finding finding =
        e.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElse(null);
    assertThat(finding).as(rule + " fail example " + index + " fires in a rule set of " + dir).isNotNull();
    Remedies remedies = h.remediation().remedies(e, request, options);
    Remedy remedy = remedies.of(finding);
    if (Formats.named(parsed.format().apiName()).renderer() == null) {
      // a format without a fix renderer (kubernetes, for now) offers no fix; its examples are
      // checked here as soon as it gets one
      assertThat(remedy).as("no fix for " + ruleId + " in " + parsed.format().apiName()).isNull();
      return;
    }
    assertThat(remedy).as("a verified fix for " + ruleId).isNotNull();

    String fixedText = TextEdit.apply(parsed.source().original(), remedy.edits());
    InputRequest fixedRequest =
        new InputRequest(
            fixedText, false, parsed.format().apiName(), example.files(), example.variables());
    ParsedInput fixed = h.parser().parse(fixedRequest);
    assertThat(fixed.errors()).isEmpty();
    if (parsed.format() == Formats.named("docker-run")) {
      assertThat(remedy.command()).isEqualTo(fixed.source().text());
      assertThat(remedy.patch()).isEmpty();
    } else {
      JsonNode patch =
          JSON.readTree(JSON.writeValueAsString(remedy.patch()).replace(",\"value\":null}", "}"));
      JsonNode patched = JsonPatch.apply(patch, tree(parsed.document()));
      assertThat(tree(patched)).isEqualTo(tree(fixed.document()));
    }
    Evaluation again = h.evaluations().evaluate(fixed, fixedRequest, options);
    long before = count(e, finding);
    long after = count(again, finding);
    assertThat(after).as("findings like it after the fix").isLessThan(before);
  }

  private static long count(Evaluation e, Finding f) {
    return e.findings().stream()
        .filter(x -> x.ruleId().equals(f.ruleId()) && x.containerIndex() == f.containerIndex())
        .filter(x -> f.itemIndex() < 0 || x.fingerprint().equals(f.fingerprint()))
        .count();
  }

  private static JsonNode tree(Object value) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(value));
  }
}
