package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import dev.keycard.testing.Goldens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every view of the three fixture inputs equals its golden file in
 * src/test/resources/report/golden/ ({@code -Dgolden.update=true} writes them; a missing one
 * fails). Each output is
 * also written to target/report/ for the SARIF validator.
 */
class ReportGoldenTest {
  static final Path DIR = Path.of("src/test/resources/report/golden");
  static final Path OUT = Path.of("target/report");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One view: the golden file's extension and how it renders a fixed evaluation. */
  record View(String name, String extension, Function<FixResult, String> render) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The native JSON answer as the service writes it: snake_case, no null fields. */
  static final ObjectMapper WIRE =
      dev.keycard.api.JsonViews.configure(
          new ObjectMapper()
              .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
              .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
              .enable(SerializationFeature.INDENT_OUTPUT));

  static final List<View> VIEWS =
      List.of(
          new View("json", "json", r -> wire(JsonReport.of(r.evaluation(), r.remedies()))),
          new View(
              "sarif",
              "sarif",
              r -> json(SarifReport.of(r.evaluation(), r.remedies(), ReportFixtures.CONTEXT))),
          new View(
              "junit", "junit.xml", r -> JunitReport.of(r.evaluation(), ReportFixtures.CONTEXT)),
          new View(
              "markdown",
              "md",
              r ->
                  MarkdownReport.of(
                      r.evaluation(), r.fixed(), r.applied(), r.notApplied(), r.remedies())),
          new View(
              "lsp",
              "lsp.json",
              r -> json(LspReport.of(r.evaluation(), r.remedies(), ReportFixtures.CONTEXT))));

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (ReportFixtures.Case c : ReportFixtures.CASES) {
      for (View v : VIEWS) {
        out.add(Arguments.of(c, v));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void view_equalsGoldenFile(ReportFixtures.Case c, View v) throws IOException {
    String actual = v.render().apply(fixed(c));
    Path golden = DIR.resolve(c.name() + "." + v.extension());
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve(golden.getFileName()), actual, StandardCharsets.UTF_8);
    Goldens.assertMatches(golden, actual);
  }

  private static final java.util.Map<String, FixResult> FIXED =
      new java.util.concurrent.ConcurrentHashMap<>();

  static FixResult fixed(ReportFixtures.Case c) {
    return FIXED.computeIfAbsent(c.name(), n -> ReportFixtures.fix(c));
  }

  static Evaluation evaluation(ReportFixtures.Case c) {
    return fixed(c).evaluation();
  }

  static String wire(Object o) {
    try {
      return WIRE.writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
