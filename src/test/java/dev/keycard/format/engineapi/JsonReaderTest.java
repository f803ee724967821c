package dev.keycard.format.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Diagnostic;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

  private static ParsedInput parse(String json) {
    return new EngineApiParser().parse(Source.of(json), ParseOptions.defaults());
  }

  @Test
  void json_document_isPlainJsonShapedTree() {
    ParsedInput in =
        parse("{\"a\": [1, 2.5, \"s\", true, null, {}], \"b\": 99999999999999999999999}");
    assertThat(in.document())
        .isEqualTo(
            Map.of(
                "a",
                java.util.Arrays.asList(1L, 2.5, "s", true, null, Map.of()),
                "b",
                new BigInteger("99999999999999999999999")));
  }

  @ParameterizedTest(name = "{0} -> {1}:{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Image\": tru}|1|11",
        "{\"Image\": \"a\",}|1|15",
        "{\"Image\": \"a\"|1|14",
        "{\\n  \"Image\": \"a\"\\n  \"User\": \"b\"\\n}|3|3",
        "{} {}|1|4",
        "''|1|1",
      })
  void json_broken_errorHasLineAndColumn(String json, int line, int column) {
    ParsedInput in = parse(json.replace("\\n", "\n"));

    assertThat(in.containers()).isEmpty();
    Diagnostic d = in.errors().get(0);
    assertThat(d.code()).isEqualTo("input_parse_error");
    assertThat(d.span().start().line()).isEqualTo(line);
    assertThat(d.span().start().column()).isEqualTo(column);
  }

  @Test
  @Timeout(10)
  void json_tenThousandDeep_isALimitErrorNotAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    ParsedInput in = parse(deep);

    assertThat(in.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_limit_exceeded");
              assertThat(d.span().start().column()).isEqualTo(ParseLimits.DEFAULTS.maxDepth() + 1);
            });
  }

  @Test
  @Timeout(10)
  void json_deepWithinAGenerousLimit_stillParsesWithoutRecursion() {
    ParseOptions opts =
        new ParseOptions(null, null, new ParseLimits(100, 200_000, 1_000_000, 10, 10));
    String deep = "{\"Image\": \"a\", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    ParsedInput in = new EngineApiParser().parse(Source.of(deep), opts);

    assertThat(in.errors()).isEmpty();
    assertThat(in.containers()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void json_hugeArray_stopsAtTheValueBound() {
    String huge = "[" + "0,".repeat(200_000) + "0]";
    ParsedInput in = parse(huge);

    assertThat(in.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("input_limit_exceeded"));
    assertThat(in.containers()).isEmpty();
  }

  @Test
  void json_duplicateKey_lastWinsWithWarning() {
    ParsedInput in =
        parse("{\"Image\": \"a\", \"HostConfig\": {\"Privileged\": true, \"Privileged\": false}}");

    assertThat(in.containers().get(0).privileged()).isFalse();
    assertThat(in.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("input_duplicate_key");
              assertThat(w.path()).isEqualTo("/HostConfig/Privileged");
              assertThat(w.span().start().column()).isEqualTo(51);
            });
    assertThat(((Map<?, ?>) ((Map<?, ?>) in.document()).get("HostConfig")).get("Privileged"))
        .isEqualTo(false);
  }

  @Test
  void json_duplicateObject_mergesLikeGosDecoder() {
    ParsedInput in =
        parse(
            "{\"Image\": \"a\", \"HostConfig\": {\"Privileged\": true, \"CapAdd\": [\"X\"],"
                + " \"RestartPolicy\": {\"Name\": \"always\"}}, \"HostConfig\": {\"CapAdd\":"
                + " [\"Y\"], \"RestartPolicy\": {\"MaximumRetryCount\": 2}}}");

    var c = in.containers().get(0);
    assertThat(c.privileged()).isTrue();
    assertThat(c.capAdd()).containsExactly("Y");
    assertThat(c.restartPolicy()).isEqualTo("always");
    assertThat(c.restartMaxRetries()).isEqualTo(2);
    assertThat(c.locate("privileged").path()).isEqualTo("/HostConfig/Privileged");
    assertThat(in.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.code()).isEqualTo("input_duplicate_key"));
  }

  @Test
  void json_byteOrderMark_isSkippedKeepingOffsets() {
    ParsedInput in = parse("\uFEFF{\"Image\": \"a\", \"HostConfig\": {\"Privileged\": true}}");

    assertThat(in.errors()).isEmpty();
    // the mark is one UTF-16 unit of the caller's text, so it still counts as a column
    assertThat(in.containers().get(0).locate("privileged").span().start().column()).isEqualTo(32);
  }

  @Test
  void json_pointerEscapes_slashAndTilde() {
    ParsedInput in = parse("{\"Image\": \"a\", \"HostConfig\": {\"Tmpfs\": {\"/run/a~b\": \"\"}}}");
    String pointer = in.containers().get(0).locate("tmpfs[0]").path();

    assertThat(pointer).isEqualTo("/HostConfig/Tmpfs/~1run~1a~0b");
    assertThat(JsonPointers.resolve(in.document(), pointer)).isEqualTo("");
  }

  @Test
  void json_tooManyDiagnostics_areBounded() {
    ParseOptions opts = new ParseOptions(null, null, new ParseLimits(100, 64, 20_000, 10, 5));
    String body = "{\"Image\": \"a\", \"Env\": [" + "1,".repeat(50) + "2]}";
    ParsedInput in = new EngineApiParser().parse(Source.of(body), opts);
    assertThat(in.diagnostics()).hasSize(5);
    assertThat(in.diagnostics().get(4).code()).isEqualTo("input_diagnostics_truncated");
    assertThat(in.diagnostics().get(4).message()).startsWith("47 more diagnostics");
    assertThat(in.containers().get(0).environment()).isEqualTo(List.of());
  }
}
