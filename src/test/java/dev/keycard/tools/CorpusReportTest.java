package dev.keycard.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.pipeline.ShippedCatalogue;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world corpus input evaluates under every shipped rule set; and the report writer. */
class CorpusReportTest {
  static CorpusReport report;

  @BeforeAll
  static void load() throws Exception {
    report = new CorpusReport(ShippedCatalogue.load());
  }

  static List<String> inputs() throws IOException {
    return CorpusReport.inputs();
  }

  @Test
  void corpus_has300Inputs() throws IOException {
    assertThat(inputs()).hasSize(300);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void realWorldInput_evaluatesUnderEveryRuleSet_withoutError(String input) throws IOException {
    for (String set : ShippedCatalogue.RULE_SETS) {
      CorpusReport.Run r = report.run(input, set);
      if (CorpusReport.KNOWN_BAD.contains(input)) {
        assertThat(r.parsed().errors()).as("known-bad %s", input).isNotEmpty();
        continue;
      }
      assertThat(r.parsed().errors()).as("parse errors of %s", input).isEmpty();
      assertThat(r.parsed().containers()).as("containers of %s", input).isNotEmpty();
      assertThat(CorpusReport.evaluationErrors(r)).as("%s under %s", input, set).isEmpty();
    }
  }

  /** Writes docs/corpus-report.md; only with {@code -Dcorpus.report=true}. */
  @Test
  @EnabledIfSystemProperty(named = "corpus.report", matches = "true")
  void writeReport() throws Exception {
    CorpusReport.main(new String[0]);
  }
}
