package dev.keycard.format.compose;

import static dev.keycard.format.compose.Compose.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.budget.LimitExceeded;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML errors are positioned diagnostics; every limit stops runaway input. */
class ComposeLimitsAndErrorsTest {

  static Stream<Arguments> brokenYaml() {
    return Stream.of(
        Arguments.of("bad indentation", "services:\n  app:\n    image: x\n   user: y\n", 4),
        // issue 18: the quote that was opened, not the end of the stream
        Arguments.of("unclosed quote", "services:\n  app:\n    image: \"nginx\n", 3),
        Arguments.of("unclosed flow", "services:\n  app: {image: x\n", 3),
        Arguments.of("tab indentation", "services:\n\tapp:\n\t\timage: x\n", 2),
        Arguments.of("two documents", "services: {a: {image: x}}\n---\nservices: {}\n", 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenYaml")
  void brokenYaml_isOneParseErrorWithLine(String name, String yaml, int line) {
    ParsedInput in = parse(yaml);
    assertThat(in.containers()).isEmpty();
    assertThat(in.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_parse_error");
              assertThat(d.span().start().line()).isEqualTo(line);
              assertThat(d.span().start().column()).isPositive();
            });
  }

  /** Issue 18: an unclosed quote points at the quote that was opened (5:9), not at the end. */
  @Test
  void unclosedQuote_pointsAtTheOpeningQuote() {
    String yaml =
        "services:\n  app:\n    image: nginx\n    environment:\n      - 'A=1\n      - B=2\n"
            + "    user: root\n";
    ParsedInput in = parse(yaml);
    Diagnostic d = in.errors().get(0);
    assertThat(d.span().start().line()).isEqualTo(5);
    assertThat(d.span().start().column()).isEqualTo(9);
    assertThat(d.message()).contains("quote opened here is never closed");
    ParsedInput dq = parse("services:\n  app:\n    image: \"nginx\n    user: root\n");
    assertThat(dq.errors().get(0).span().start().line()).isEqualTo(3);
    assertThat(dq.errors().get(0).span().start().column()).isEqualTo(12);
  }

  @Test
  void brokenYaml_columnIsReported() {
    ParsedInput in = parse("services:\n  app:\n    image: [x\n");
    Diagnostic d = in.errors().get(0);
    assertThat(d.span().start().line()).isGreaterThanOrEqualTo(3);
    assertThat(d.message()).startsWith("invalid YAML");
  }

  @Test
  void duplicateKey_isAnErrorAtTheSecondKey() {
    ParsedInput in = parse("services:\n  app:\n    image: x\n    image: y\n");
    assertThat(in.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("duplicate key 'image'");
              assertThat(d.span().start().line()).isEqualTo(4);
              assertThat(d.span().start().column()).isEqualTo(5);
            });
  }

  @Test
  @Timeout(10)
  void billionLaughs_isRefusedAtTheYamlNodeLimit() {
    StringBuilder y = new StringBuilder("x-a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      y.append("x-").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    y.append("services:\n  app:\n    image: x\n    command: *i\n");
    // issue 16: a cap on nodes after alias expansion is a refusal naming the limit (413), no
    // longer a parse error
    assertThatThrownBy(() -> parse(y.toString()))
        .isInstanceOfSatisfying(
            LimitExceeded.class,
            e -> {
              assertThat(e.limit()).isEqualTo("max-yaml-nodes");
              assertThat(e.tooLarge()).isTrue();
            });
  }

  @Test
  void aLongKeyAboveManyNodes_isRefused_beforeItsPathsFillTheHeap() {
    // an attack of this round: a 500 KB explicit key above 2,000 list items (504 KB) wrote the
    // key into the path of every item (1 G characters), and the JVM of a 256 MiB heap died of it
    StringBuilder y = new StringBuilder("services:\n  web:\n    image: x\n    labels:\n      ? \"");
    y.append("k".repeat(500_000)).append("\"\n      : [");
    for (int i = 0; i < 2_000; i++) {
      y.append(i == 0 ? "" : ",").append("1");
    }
    y.append("]\n");
    assertThatThrownBy(() -> parse(y.toString()))
        .isInstanceOfSatisfying(
            LimitExceeded.class,
            e -> {
              assertThat(e.limit()).isEqualTo("max-yaml-path-characters");
              assertThat(e.tooLarge()).isTrue();
            });
  }

  @Test
  void longKeys_underThePathBound_areRead() {
    // 200 services whose labels have 500-character keys: 100 KB of paths, far under the bound
    StringBuilder y = new StringBuilder("services:\n");
    for (int i = 0; i < 200; i++) {
      y.append("  s").append(i).append(":\n    image: x\n    labels:\n      ")
          .append("l".repeat(500)).append(": v\n");
    }
    ParsedInput p = parse(y.toString());
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).hasSize(200);
  }

  @Test
  void aliasCount_aboveLimit_isAnError() {
    StringBuilder y = new StringBuilder("x: &x [a]\nservices:\n  app:\n    image: x\n    l:\n");
    for (int i = 0; i < 5; i++) {
      y.append("      - *x\n");
    }
    ParsedInput in = parse(y.toString(), new ParseLimits(3, 64, 100, 100, 100));
    assertThat(in.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).containsIgnoringCase("aliases"));
  }

  @Test
  @Timeout(10)
  void deepNesting_endsInAnErrorNotStackOverflow() {
    String deep = "services:\n  app:\n    x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    ParsedInput in = parse(deep);
    assertThat(in.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("nesting deeper than 64"));
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      block.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    assertThat(parse(block.toString()).errors()).isNotEmpty();
  }

  @Test
  void recursiveAlias_endsInAnError() {
    ParsedInput in = parse("services:\n  app: &a\n    image: x\n    self: *a\n");
    assertThat(in.errors()).isNotEmpty();
  }

  @Test
  @Timeout(120) // a hang guard, not a timing: quadratic work takes hours
  void hundredThousandServices_endQuicklyInAnError() {
    StringBuilder y = new StringBuilder(3_000_000).append("services:\n");
    for (int i = 0; i < 100_000; i++) {
      y.append("  s").append(i).append(": {image: x}\n");
    }
    ParsedInput in = parse(y.toString());
    assertThat(in.containers()).isEmpty();
    assertThat(in.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("more than 1000 services"));
  }

  @Test
  void maxContainers_appliesToNamedFragmentsToo() {
    ParsedInput in =
        parse(
            "a: {image: x}\nb: {image: x}\nc: {image: x}\n", new ParseLimits(100, 64, 100, 2, 100));
    assertThat(in.containers()).isEmpty();
    assertThat(in.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("exceed the limit of 2"));
  }

  @Test
  void maxDiagnostics_boundsWarnings() {
    StringBuilder y = new StringBuilder("services:\n  app:\n    image: x\n    environment:\n");
    for (int i = 0; i < 50; i++) {
      y.append("      V").append(i).append(": ${U").append(i).append("}\n");
    }
    ParsedInput in = parse(y.toString(), new ParseLimits(100, 64, 100, 100, 10));
    // nine of the fifty warnings, and the notice that says how many were left out, in their place
    assertThat(in.diagnostics()).hasSize(10);
    assertThat(in.diagnostics().subList(0, 9))
        .allSatisfy(d -> assertThat(d.code()).isEqualTo("input_unresolved_value"));
    assertThat(in.diagnostics().get(9).code()).isEqualTo("input_diagnostics_truncated");
    assertThat(in.diagnostics().get(9).message()).startsWith("41 more diagnostics");
    assertThat(in.containers().get(0).unknown()).hasSize(50);
  }

  @Test
  void nonBmpCharacters_countAsTwoUtf16Columns() {
    String yaml =
        "services:\n  app:\n    labels: {a: \"\uD83D\uDE00\uD83D\uDE00\"}\n"
            + "    image: \"\uD83D\uDE00\"\n    privileged: true\n";
    ParsedInput in = parse(yaml);
    Container c = in.containers().get(0);
    assertThat(c.image()).isEqualTo("\uD83D\uDE00");
    var span = c.locate("image").span();
    assertThat(Compose.text(in, span)).isEqualTo("image: \"\uD83D\uDE00\"");
    assertThat(span.end().column()).isEqualTo(5 + "image: \"\uD83D\uDE00\"".length());
    assertThat(Compose.text(in, c.locate("privileged").span())).isEqualTo("privileged: true");
    String onOneLine = "services: {\uD83D\uDE00: {image: x, privileged: true}}\n";
    ParsedInput one = parse(onOneLine);
    var p = one.containers().get(0).locate("privileged").span();
    assertThat(Compose.text(one, p)).isEqualTo("privileged: true");
    assertThat(p.start().column()).isEqualTo(onOneLine.indexOf("privileged") + 1);
  }

  static Stream<Arguments> noServices() {
    return Stream.of(
        Arguments.of("empty services", "services: {}\n"),
        Arguments.of("only top-level", "version: '3'\nnetworks: {a: {}}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noServices")
  void noServices_isAnErrorAtOneOne(String name, String yaml) {
    ParsedInput in = parse(yaml);
    assertThat(in.containers()).isEmpty();
    assertThat(in.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).isEqualTo("no services found");
              assertThat(d.span().start().toString()).isEqualTo("1:1");
            });
  }

  static Stream<Arguments> notCompose() {
    return Stream.of(
        Arguments.of("empty", "", "empty"),
        Arguments.of("comment only", "# nothing\n", "empty"),
        Arguments.of("scalar", "hello\n", "prose"),
        Arguments.of("list", "- a\n- b\n", "a YAML list"),
        Arguments.of(
            "workflow",
            "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
            "a GitHub Actions workflow"),
        Arguments.of(
            "manifest",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: x}\n",
            "a Kubernetes manifest (kind: Pod)"));
  }

  // was "no services found" (a workflow or a manifest was even read as a service); issue 17
  @ParameterizedTest(name = "{0}")
  @MethodSource("notCompose")
  void notCompose_isNotAContainerSpec_namingWhatItLooksLike(String name, String yaml, String what) {
    ParsedInput in = parse(yaml);
    assertThat(in.containers()).isEmpty();
    assertThat(in.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_not_a_container_spec");
              assertThat(d.message()).contains("looks like " + what);
              assertThat(d.span().start().toString()).isEqualTo("1:1");
            });
  }
}
