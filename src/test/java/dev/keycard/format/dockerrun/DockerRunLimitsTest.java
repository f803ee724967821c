package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile input stops at the configured limits, quickly. */
class DockerRunLimitsTest {

  private static ParsedInput parse(String text) {
    return Runs.PARSER.parse(Source.of(text), ParseOptions.defaults());
  }

  @Test
  @Timeout(10)
  void hundredThousandFlags_stopAtTheTokenLimit() {
    String line = "docker run " + "--privileged ".repeat(100_000) + "nginx";
    ParsedInput p = parse(line);
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("too many words"));
  }

  @Test
  @Timeout(10)
  void smallTokenLimit_isHonoured() {
    ParseOptions options =
        new ParseOptions(Map.of(), Map.of(), new ParseLimits(100, 64, 5, 1_000, 100));
    ParsedInput p = Runs.PARSER.parse(Source.of("docker run -d -i -t --rm nginx"), options);
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("limit is 5");
              assertThat(d.span().start().column()).isEqualTo(21); // the sixth word, --rm
            });
  }

  @Test
  @Timeout(10)
  void oneMegabyteWord_isParsed() {
    String value = "x".repeat(1 << 20);
    ParsedInput p = parse("docker run -e A=" + value + " nginx");
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers().get(0).environment().get(0).value()).hasSize(1 << 20);
  }

  @Test
  @Timeout(10)
  void oneMegabyteOfNestedSubstitutions_isBoundedError() {
    ParsedInput p = parse("docker run -u " + "$(".repeat(500_000) + " nginx");
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("unterminated"));
  }

  @Test
  @Timeout(10)
  void manyUnknownFlags_diagnosticsAreCapped() {
    String line = "docker run " + "--nope ".repeat(10_000) + "nginx";
    ParsedInput p = parse(line);
    assertThat(p.containers()).hasSize(1);
    assertThat(p.diagnostics()).hasSize(ParseLimits.DEFAULTS.maxDiagnostics());
    // 99 unknown-flag warnings are listed, and one notice says how many of 10,000 were not
    assertThat(p.diagnostics().get(ParseLimits.DEFAULTS.maxDiagnostics() - 1))
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_diagnostics_truncated");
              assertThat(d.message()).startsWith("9901 more diagnostics were left out");
            });
  }

  @Test
  @Timeout(120) // a hang guard, not a timing: quadratic work takes hours
  void megabyteOfSpacesAndNewlines_isFast() {
    ParsedInput p = parse(" \t\n".repeat(350_000) + "docker run nginx");
    assertThat(p.containers()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void containerLimit_isHonoured() {
    ParseOptions options =
        new ParseOptions(Map.of(), Map.of(), new ParseLimits(100, 64, 20_000, 2, 100));
    ParsedInput p =
        Runs.PARSER.parse(Source.of("docker run a\ndocker run b\ndocker run c"), options);
    assertThat(p.containers()).hasSize(2);
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("too many containers"));
  }

  @Test
  @Timeout(30)
  void randomShellNoise_neverThrows_andErrorsArePositioned() {
    String alphabet = "docker run -pPv=e:,'\"\\$(){}`#;|&<>\n\t\r abc123/.";
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder sb = new StringBuilder("docker run ");
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      ParsedInput p = parse(sb.toString());
      assertThat(p.errors()).allSatisfy(d -> assertThat(d.span()).isNotNull());
      assertThat(p.containers())
          .allSatisfy(
              c -> {
                assertThat(c.image()).isNotNull();
                assertThat(c.origin().span()).isNotNull();
              });
    }
  }
}
