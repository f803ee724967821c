package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.policy.Severity;
import dev.keycard.policy.Waiver;
import dev.keycard.remediation.Remedies;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Issue 18: every view stays well-formed whatever characters a container name, an image, the
 * {@code filename}, the document {@code uri} or a waiver reason hold. Each code point class goes
 * through every view, and each result is parsed: JUnit as XML 1.0, the native JSON and LSP as JSON
 * (written as UTF-8 bytes, as the service sends them), SARIF as JSON validated against the SARIF
 * 2.1.0 schema. The request edge refuses C0 controls and unpaired surrogates (RequestTextTest); the
 * views must hold even so, since values reach them through JSON objects, variables and waivers too.
 */
class ViewCharactersTest {
  /** One class of code points, with representatives (as Java strings). */
  record CodePoints(String name, String sample) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<CodePoints> CLASSES =
      List.of(
          new CodePoints("ASCII markup", "<a href=\"x\">&amp;'</a>]]>"),
          new CodePoints("C0 controls", "\u0000\u0001\u0008\u000B\u000C\u001B\u001F"),
          new CodePoints("tab CR LF", "\t\r\n"),
          new CodePoints("DEL and C1 controls", "\u007F\u0080\u0085\u009F"),
          new CodePoints("Latin-1 and BMP letters", "\u00E9\u00DF\u0416\u4E2D\u0627"),
          new CodePoints("line and paragraph separators", "\u2028\u2029"),
          new CodePoints("BOM and zero-width", "\uFEFF\u200B\u200D"),
          new CodePoints("private use", "\uE000\uF8FF"),
          new CodePoints("noncharacters U+FDD0..U+FDEF", "\uFDD0\uFDEF"),
          new CodePoints("U+FFFD", "\uFFFD"),
          new CodePoints("U+FFFE and U+FFFF", "\uFFFE\uFFFF"),
          new CodePoints("supplementary (paired surrogates)", "\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF"),
          new CodePoints("unpaired high surrogate", "a\uD800b"),
          new CodePoints("unpaired low surrogate", "a\uDC00b"),
          new CodePoints("high surrogate at the end", "a\uDBFF"),
          new CodePoints("reversed pair", "\uDC00\uD800"),
          new CodePoints("supplementary noncharacters", "\uD83F\uDFFE\uDBFF\uDFFF"));

  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SARIF = sarifSchema();

  private static JsonSchema sarifSchema() {
    try (InputStream in =
        ViewCharactersTest.class.getResourceAsStream("/report/schema/sarif-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CLASSES")
  void everyView_parses_forEachCodePointClass(CodePoints c) throws Exception {
    assertEveryViewParses(c.sample());
  }

  @Property(seed = "1818", tries = 60)
  void everyView_parses_forMixedCodePoints(@ForAll("mixed") String s) throws Exception {
    assertEveryViewParses(s);
  }

  @Provide
  Arbitrary<String> mixed() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(CLASSES.stream().map(CodePoints::sample).toList()),
            Arbitraries.chars().all().map(String::valueOf),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
    return pieces.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  private static void assertEveryViewParses(String s) throws Exception {
    // the name and image go through the docker run parser as the JSON-object path would carry
    // them: as engine-api values, so that no shell rule can change the characters
    Map<String, Object> body =
        Map.of(
            "Image", "img" + s + ":1",
            "Name", "/c" + s,
            "HostConfig", Map.of("Privileged", true, "Binds", List.of("/etc:/x" + s)));
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
    InputRequest request = new InputRequest(text, true, "engine-api", Map.of(), Map.of());
    List<Waiver> waivers = List.of(new Waiver("KC-031", null, "reason " + s, null));
    for (Severity failOn : List.of(Severity.LOW, Severity.CRITICAL)) {
      EvaluationOptions options = new EvaluationOptions("restricted", List.of(), waivers, failOn);
      Evaluation e = ReportFixtures.evaluations().evaluate(PARSER.parse(request), request, options);
      assertThat(e.input().containers()).isNotEmpty();
      ReportContext ctx =
          new ReportContext("file" + s + ".json", "file:///w/" + s, ReportContext.DEFAULT_DOCS, "t");

      String xml = JunitReport.of(e, ctx);
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

      byte[] sarif = ReportGoldenTest.WIRE.writeValueAsBytes(SarifReport.of(e, Remedies.none(), ctx));
      JsonNode sarifTree = JSON.readTree(strictUtf8(sarif));
      Set<ValidationMessage> problems = SARIF.validate(sarifTree);
      assertThat(problems).as("SARIF schema").isEmpty();

      JSON.readTree(strictUtf8(ReportGoldenTest.WIRE.writeValueAsBytes(JsonReport.of(e))));
      JSON.readTree(
          strictUtf8(ReportGoldenTest.WIRE.writeValueAsBytes(LspReport.of(e, Remedies.none(), ctx))));
      assertThat(MarkdownReport.of(e, null, 0)).isNotBlank();
    }
  }

  /** The bytes as strict UTF-8: a view that wrote a broken surrogate fails here. */
  private static String strictUtf8(byte[] bytes) throws Exception {
    return StandardCharsets.UTF_8
        .newDecoder()
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }
}
