package dev.keycard.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.keycard.format.Format;
import dev.keycard.format.Formats;
import dev.keycard.input.ParseLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One diagnostic vocabulary: every {@link Diagnostic} is made from a {@link DiagnosticCode}, no
 * source spells a code as a string, each code says truly who emits it, and docs/diagnostics.md is
 * the table generated from the enum ({@code -Ddocs.update=true} rewrites it).
 */
class DiagnosticCodeTest {
  private static final Path DOC = Path.of("docs", "diagnostics.md");
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Path ROOT = MAIN.resolve("dev/keycard");

  /**
   * Files that spell a string equal to a diagnostic code for another vocabulary: the HTTP problem
   * codes ({@code input_parse_error} is also the 400 problem of an unparsable input).
   */
  private static final Set<String> OTHER_VOCABULARIES =
      Set.of("api/ErrorCode.java", "report/MarkdownProblem.java");

  private static final Pattern CONSTANT = Pattern.compile("\\bDiagnosticCode\\.([A-Z][A-Z0-9_]*)");
  private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:_[a-z]+)+)\"");

  @Test
  void docsPage_equalsTheGeneratedTable() throws IOException {
    String generated = DiagnosticCode.markdown(ParseLimits.DEFAULTS.maxDiagnostics());
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/diagnostics.md (run with -Ddocs.update=true to generate)").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/diagnostics.md (run with -Ddocs.update=true to regenerate)")
        .isEqualTo(generated);
  }

  @Test
  void docsPage_listsExactlyTheVocabulary() throws IOException {
    Set<String> listed = new TreeSet<>();
    String page = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(page);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).isEqualTo(codes());
  }

  @Test
  void everyCode_isUniqueSnakeCaseAndDescribedOnOneLine() {
    List<String> all = Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::code).toList();
    assertThat(all).doesNotHaveDuplicates();
    for (DiagnosticCode c : DiagnosticCode.values()) {
      assertThat(c.code()).as(c.name()).matches("[a-z]+(_[a-z]+)+");
      assertThat(c.name()).as("the constant is named after its code").isEqualTo(
          c.code().toUpperCase(java.util.Locale.ROOT));
      assertThat(c.meaning()).as(c.code()).doesNotContain("\n").endsWith(".");
      assertThat(c.example()).as(c.code()).isNotBlank().doesNotContain("\n");
      assertThat(c.emittedBy()).as(c.code()).isNotEmpty();
      if (c.emittedBy().contains(DiagnosticCode.By.EVALUATION)) {
        assertThat(c.code()).as("an evaluation's code").doesNotStartWith("input_");
      } else {
        assertThat(c.code()).as("an input's code").startsWith("input_");
      }
    }
  }

  @Test
  void aDiagnostic_isMadeOnlyFromTheVocabulary() {
    // Diagnostic.of takes a DiagnosticCode: only the record itself may call its constructor
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keycard");
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Diagnostic.class.getName())
        .should()
        .callConstructor(
            Diagnostic.class,
            Diagnostic.Severity.class,
            String.class,
            String.class,
            Span.class,
            String.class)
        .because("a diagnostic's code must come from DiagnosticCode (docs/diagnostics.md)")
        .check(classes);
  }

  @Test
  void noSource_spellsACodeAsAString() throws IOException {
    Map<String, List<String>> spelled = new TreeMap<>();
    for (var e : sources().entrySet()) {
      if (e.getKey().endsWith("model/DiagnosticCode.java")
          || OTHER_VOCABULARIES.stream().anyMatch(e.getKey()::endsWith)) {
        continue;
      }
      Matcher m = LITERAL.matcher(withoutComments(e.getValue()));
      while (m.find()) {
        String literal = m.group(1);
        // a vocabulary code, or what looks like a new input or waiver code
        if (!codes().contains(literal)
            && !literal.startsWith("input_")
            && !literal.startsWith("waiver_")) {
          continue;
        }
        spelled.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(literal);
      }
    }
    assertThat(spelled).as("use DiagnosticCode's constants, not strings").isEmpty();
  }

  @Test
  void everyCode_isEmittedByWhoItSays() throws IOException {
    Map<String, String> formatOfPackage = new HashMap<>();
    for (Format f : Formats.all()) {
      String pkg = f.getClass().getPackageName().replace('.', '/');
      formatOfPackage.put(pkg.substring("dev/keycard/".length()), f.apiName());
    }
    Map<String, Set<String>> found = new TreeMap<>();
    for (var e : sources().entrySet()) {
      String rel = ROOT.relativize(Path.of(e.getKey())).toString().replace('\\', '/');
      String emitter = emitter(rel, formatOfPackage);
      Matcher m = CONSTANT.matcher(withoutComments(e.getValue()));
      while (m.find()) {
        String name = m.group(1);
        assertThat(Arrays.stream(DiagnosticCode.values()).map(Enum::name))
            .as(rel + " names DiagnosticCode." + name)
            .contains(name);
        if (emitter != null) {
          found.computeIfAbsent(name, k -> new TreeSet<>()).add(emitter);
        }
      }
    }
    for (DiagnosticCode c : DiagnosticCode.values()) {
      Set<String> by = found.getOrDefault(c.name(), new TreeSet<>());
      if (by.contains(DiagnosticCode.By.EVERY_FORMAT)) {
        by.removeAll(formatOfPackage.values());
      }
      assertThat(by)
          .as("who emits %s (from the sources that name it)", c.code())
          .isEqualTo(new TreeSet<>(c.emittedBy()));
    }
  }

  /** Who a source under dev/keycard/ speaks for, or null for a reader of codes (api, report). */
  private static String emitter(String rel, Map<String, String> formatOfPackage) {
    for (var f : formatOfPackage.entrySet()) {
      if (rel.startsWith(f.getKey() + "/")) {
        return f.getValue();
      }
    }
    if (rel.startsWith("input/")) {
      return DiagnosticCode.By.EVERY_FORMAT;
    }
    if (rel.startsWith("engine/") || rel.startsWith("pipeline/")) {
      return DiagnosticCode.By.EVALUATION;
    }
    return null;
  }

  private static Set<String> codes() {
    return Arrays.stream(DiagnosticCode.values())
        .map(DiagnosticCode::code)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, String> sources() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        out.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Java text without its comments (a Javadoc may name a code as an example). */
  private static String withoutComments(String s) {
    return s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//[^\"\\n]*$", "");
  }
}
