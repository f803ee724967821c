package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.policy.Severity;
import dev.keycard.policy.Waiver;
import dev.keycard.remediation.Apply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Issue 18: every view stays well-formed for any character in any caller value. Each class of code
 * points is put in each place a caller controls (container name, image, the {@code filename} and
 * document URI, a waiver reason, an environment variable's name and value, a label's key and value,
 * a security option, a published port's host IP, a bind mount's source), through the two routes
 * that carry any character to the model (an Engine API body sent as a JSON object, and a compose
 * file whose {@code ${VAR}} takes its value from the request's variables), with every verified fix
 * computed. Every view is then parsed strictly: JUnit by the JDK's XML parser failing on any
 * warning or error, the JSON views (native, SARIF, LSP, the fix answer, the decision log line) as
 * strict UTF-8 by a Jackson parser refusing duplicates and trailing tokens, SARIF also against the
 * SARIF 2.1.0 schema; Markdown must hold no control or reordering character and encode as strict
 * UTF-8.
 */
class ViewCodePointsPropertyTest {
  /** One class of code points and its representatives. */
  enum CodePoints {
    NUL("\u0000"),
    C0("\u0001\u0007\u0008\u000B\u000C\u001B\u001F"),
    TAB_CR_LF("\t\r\n"),
    DEL("\u007F"),
    C1("\u0080\u0085\u009B\u009F"),
    NONCHARACTERS_FFFE_FFFF("\uFFFE\uFFFF"),
    UNPAIRED_HIGH_SURROGATE("a\uD800b"),
    UNPAIRED_LOW_SURROGATE("a\uDC00b"),
    HIGH_SURROGATE_AT_END("a\uDBFF"),
    SUPPLEMENTARY_PAIRS("\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF"),
    BIDI_CONTROLS("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"),
    LINE_PARAGRAPH_SEPARATORS("\u2028\u2029"),
    BOM("\uFEFF"),
    MARKUP("<a href=\"x\">&amp;'</a>]]>`*_[x](y)");

    final String sample;

    CodePoints(String sample) {
      this.sample = sample;
    }
  }

  /** Where the caller's characters go. */
  enum Place {
    NAME,
    IMAGE,
    FILENAME,
    WAIVER_REASON,
    ENV_NAME,
    ENV_VALUE,
    LABEL_KEY,
    LABEL_VALUE,
    SECURITY_OPT,
    HOST_IP,
    BIND_SOURCE
  }

  /** How they reach the model. */
  enum Route {
    ENGINE_API_OBJECT,
    COMPOSE_VARIABLES
  }

  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final JsonSchema SARIF = sarifSchema();

  private static JsonSchema sarifSchema() {
    try (InputStream in =
        ViewCodePointsPropertyTest.class.getResourceAsStream("/report/schema/sarif-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every class in every place through every route: 14 × 11 × 2 cases. */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyView_parses_forEveryClassInEveryPlace(
      @ForAll CodePoints c, @ForAll Place place, @ForAll Route route) throws Exception {
    Map<Place, String> values = new EnumMap<>(Place.class);
    values.put(place, c.sample);
    assertEveryViewParses(route, values);
  }

  /** Mixed strings of every class (and arbitrary chars) in every place at once. */
  @Property(seed = "1818", tries = 40)
  void everyView_parses_forMixedTextEverywhere(
      @ForAll("mixed") List<String> texts, @ForAll Route route) throws Exception {
    Map<Place, String> values = new EnumMap<>(Place.class);
    for (Place p : Place.values()) {
      values.put(p, texts.get(p.ordinal() % texts.size()));
    }
    assertEveryViewParses(route, values);
  }

  @Provide
  Arbitrary<List<String>> mixed() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(CodePoints.values()).map(c -> c.sample),
            Arbitraries.chars().all().map(String::valueOf),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
    return pieces
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(l -> String.join("", l))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  private static void assertEveryViewParses(Route route, Map<Place, String> values)
      throws Exception {
    InputRequest request = route == Route.ENGINE_API_OBJECT ? engineApi(values) : compose(values);
    List<Waiver> waivers =
        List.of(
            new Waiver(
                "KC-031", null, "reason " + values.getOrDefault(Place.WAIVER_REASON, ""), null));
    ReportContext ctx =
        new ReportContext(
            "file" + values.getOrDefault(Place.FILENAME, "") + ".json",
            "file:///w/" + values.getOrDefault(Place.FILENAME, ""),
            ReportContext.DEFAULT_DOCS,
            "t");
    EvaluationOptions options =
        new EvaluationOptions("restricted", List.of(), waivers, Severity.LOW);
    Evaluation e = ReportFixtures.evaluations().evaluate(PARSER.parse(request), request, options);
    assertThat(e.input().containers()).as("a container is read").isNotEmpty();
    assertThat(e.findings()).as("findings to render").isNotEmpty();
    if (route == Route.ENGINE_API_OBJECT && values.containsKey(Place.NAME)) {
      // compose names a container after its service (a key, never interpolated); container_name
      // must match Docker's name pattern
      assertThat(e.input().containers().get(0).name()).contains(values.get(Place.NAME));
    }
    if (values.containsKey(Place.ENV_VALUE)) {
      assertThat(e.input().containers().get(0).environment().get(0).value())
          .contains(values.get(Place.ENV_VALUE));
    }
    FixResult fixed = ReportFixtures.remediation().fixAll(e, request, options, Apply.SAFE);

    xml(JunitReport.of(e, ctx));
    JsonNode sarif =
        json(ReportGoldenTest.WIRE.writeValueAsBytes(SarifReport.of(e, fixed.remedies(), ctx)));
    assertThat(SARIF.validate(sarif)).as("SARIF 2.1.0 schema").isEmpty();
    json(ReportGoldenTest.WIRE.writeValueAsBytes(JsonReport.of(e, fixed.remedies())));
    json(ReportGoldenTest.WIRE.writeValueAsBytes(LspReport.of(e, fixed.remedies(), ctx)));
    json(ReportGoldenTest.WIRE.writeValueAsBytes(FixReport.of(fixed, true)));
    json(DecisionLogLine.of(e, request.text(), true).getBytes(StandardCharsets.UTF_8));
    markdown(
        MarkdownReport.withFixed(
            e, fixed.fixedInput(), fixed.applied(), fixed.notApplied(), fixed.remedies()));
  }

  /** An Engine API create body holding the values, as a JSON object is sent. */
  private static InputRequest engineApi(Map<Place, String> v) throws Exception {
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("Privileged", true);
    host.put("Binds", List.of("/etc" + v.getOrDefault(Place.BIND_SOURCE, "") + ":/x"));
    host.put("SecurityOpt", List.of("label=disable" + v.getOrDefault(Place.SECURITY_OPT, "")));
    host.put(
        "PortBindings",
        Map.of(
            "80/tcp",
            List.of(
                Map.of(
                    "HostIp", "0.0.0.0" + v.getOrDefault(Place.HOST_IP, ""), "HostPort", "80"))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Image", "img" + v.getOrDefault(Place.IMAGE, "") + ":1");
    body.put("Name", "/c" + v.getOrDefault(Place.NAME, ""));
    body.put(
        "Env",
        List.of(
            "DB_PASSWORD"
                + v.getOrDefault(Place.ENV_NAME, "")
                + "=x"
                + v.getOrDefault(Place.ENV_VALUE, "")));
    body.put(
        "Labels",
        Map.of(
            "k" + v.getOrDefault(Place.LABEL_KEY, ""),
            "v" + v.getOrDefault(Place.LABEL_VALUE, "")));
    body.put("ExposedPorts", Map.of("80/tcp", Map.of()));
    body.put("HostConfig", host);
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
    return new InputRequest(text, true, "engine-api", Map.of(), Map.of());
  }

  /** A compose file whose {@code ${Vn}} take the values from the request's variables. */
  private static InputRequest compose(Map<Place, String> v) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (Place p : Place.values()) {
      vars.put("V" + p.ordinal(), v.getOrDefault(p, ""));
    }
    String text =
        "services:\n"
            + "  app:\n"
            + "    image: img${V1}:1\n"
            + "    container_name: c${V0}\n"
            + "    privileged: true\n"
            + "    environment:\n"
            + "      - DB_PASSWORD${V4}=x${V5}\n"
            + "    labels:\n"
            + "      - k${V6}=v${V7}\n"
            + "    security_opt:\n"
            + "      - label=disable${V8}\n"
            + "    ports:\n"
            + "      - \"0.0.0.0${V9}:80:80\"\n"
            + "    volumes:\n"
            + "      - /etc${V10}:/x\n";
    return new InputRequest(text, false, "compose", Map.of(), vars);
  }

  /** Parses XML 1.0 and fails on any warning, error or fatal error. */
  private static void xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    DocumentBuilder b = f.newDocumentBuilder();
    List<String> problems = new ArrayList<>();
    b.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            problems.add("warning: " + e.getMessage());
          }

          @Override
          public void error(SAXParseException e) {
            problems.add("error: " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
          }
        });
    b.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(problems).as("XML parser problems").isEmpty();
  }

  /** Strict UTF-8, then strict JSON. */
  private static JsonNode json(byte[] bytes) throws Exception {
    String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    return STRICT.readTree(text);
  }

  /** No control (but line feed and tab) or reordering character, and strict UTF-8. */
  private static void markdown(String md) throws Exception {
    StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(md));
    for (int i = 0; i < md.length(); i++) {
      char c = md.charAt(i);
      boolean control =
          (c < 0x20 && c != '\n' && c != '\t')
              || (c >= 0x7F && c <= 0x9F)
              || (c >= '\u202A' && c <= '\u202E')
              || (c >= '\u2066' && c <= '\u2069')
              || c == '\u200E'
              || c == '\u200F'
              || c == '\u061C';
      assertThat(control).as("U+%04X at %d in:%n%s", (int) c, i, md).isFalse();
    }
  }
}
