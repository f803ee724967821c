package dev.keycard.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.keycard.format.Format;
import dev.keycard.format.Formats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A format is one package under {@code dev.keycard.format} and one line in {@link Formats}: format
 * packages do not import each other, nothing outside them names their classes except the
 * registry, and every package there is registered.
 */
class FormatPluginTest {
  private static final String ROOT = "dev.keycard.format";
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keycard");
  }

  /** The format packages: every package directly under dev.keycard.format that holds classes. */
  static Set<String> formatPackages() {
    Set<String> out = new TreeSet<>();
    for (JavaClass c : classes) {
      String p = c.getPackageName();
      if (p.startsWith(ROOT + ".")) {
        out.add(ROOT + "." + p.substring(ROOT.length() + 1).split("\\.")[0]);
      }
    }
    return out;
  }

  @Test
  void thereAreFormatPackages() {
    assertThat(formatPackages()).contains(ROOT + ".compose", ROOT + ".dockerrun", ROOT + ".engineapi");
  }

  @Test
  void formatPackages_doNotImportEachOther() {
    for (String p : formatPackages()) {
      List<String> others = new ArrayList<>();
      for (String q : formatPackages()) {
        if (!q.equals(p)) {
          others.add(q + "..");
        }
      }
      noClasses()
          .that().resideInAPackage(p + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
          .because("a format is one package: another format's parser or renderer is not its to use")
          .check(classes);
    }
  }

  @Test
  void outsideTheFormatPackages_onlyTheRegistryNamesAFormatsClasses() {
    String[] formatPackages = formatPackages().stream().map(p -> p + "..").toArray(String[]::new);
    noClasses()
        .that().resideOutsideOfPackages(formatPackages)
        .and().doNotHaveFullyQualifiedName(Formats.class.getName())
        .should().dependOnClassesThat().resideInAnyPackage(formatPackages)
        .because("the rest of the service sees formats through the Format and InputFormat interfaces")
        .check(classes);
  }

  @Test
  void everyFormatPackage_isRegisteredOnce_withItsParserAndRenderer() {
    Set<String> registered = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Format f : Formats.all()) {
      String p = f.getClass().getPackageName();
      assertThat(registered.add(p)).as("one format per package: " + p).isTrue();
      assertThat(names.add(f.apiName())).as("unique API name " + f.apiName()).isTrue();
      assertThat(f.parser().format()).as(f.apiName() + "'s parser").isSameAs(f);
      if (f.renderer() != null) {
        assertThat(f.renderer().format()).as(f.apiName() + "'s renderer").isSameAs(f);
        assertThat(f.renderer().getClass().getPackageName()).isEqualTo(p);
      }
      assertThat(f.parser().getClass().getPackageName()).isEqualTo(p);
      assertThat(f.apiName()).matches("[a-z][a-z0-9-]*");
    }
    assertThat(registered).isEqualTo(formatPackages());
  }
}
