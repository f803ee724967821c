package dev.keycard.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One regular expression engine in the service, and it runs in linear time: RE2J. {@code
 * java.util.regex} backtracks, and caller text reached it: a waiver comment's rule id of 80,000
 * digits held a request thread for 34 s ({@code [\d\W_]+$}), a Dockerfile directive line with
 * 50,000 blanks for 12 s ({@code (.*?)\s*$}), a long dotted value in an evaluation error overflowed
 * the stack. No blocked pattern: the backtracking engine is not reachable at all, through its
 * package or through {@link String}'s methods that compile a pattern.
 */
class LinearRegexTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keycard");
  }

  @Test
  void noClassUsesTheBacktrackingEngine() {
    noClasses()
        .should().dependOnClassesThat().resideInAPackage("java.util.regex..")
        .orShould().callMethod(String.class, "matches", String.class)
        .orShould().callMethod(String.class, "replaceAll", String.class, String.class)
        .orShould().callMethod(String.class, "replaceFirst", String.class, String.class)
        .check(classes);
  }

  /**
   * {@link String#split} compiles its argument unless it is one plain character (or an escaped
   * one): the JDK's fast path. Read from the sources, since a call's argument is not in the class.
   */
  @Test
  void stringSplitOnlyTakesTheFastPath() throws IOException {
    // receiver, then the argument up to the first ',' or ')' outside a string literal
    Pattern call = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\(\\))?\\.split\\((\"(?:[^\"\\\\]|\\\\.)*\"|[^,)]*)");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = call.matcher(lines.get(i));
          while (m.find()) {
            String receiver = m.group(1);
            boolean re2jPattern = receiver.equals(receiver.toUpperCase(java.util.Locale.ROOT));
            boolean ours =
                receiver.equals("words")
                    || receiver.equals("ShellWords")
                    || receiver.equals("PartlyKnown"); // Keycard's own splitters, no regex
            if (!re2jPattern && !ours && !fastPath(m.group(2))) {
              offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  /** A literal that is one character but no regex metacharacter, or a backslash and a symbol. */
  private static boolean fastPath(String literal) {
    if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
      return false;
    }
    String r = unescape(literal.substring(1, literal.length() - 1));
    if (r.length() == 1) {
      return ".$|()[{^?*+\\".indexOf(r.charAt(0)) < 0;
    }
    return r.length() == 2 && r.charAt(0) == '\\' && !Character.isLetterOrDigit(r.charAt(1));
  }

  private static String unescape(String javaLiteral) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < javaLiteral.length(); i++) {
      char ch = javaLiteral.charAt(i);
      if (ch == '\\' && i + 1 < javaLiteral.length()) {
        char e = javaLiteral.charAt(++i);
        sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
