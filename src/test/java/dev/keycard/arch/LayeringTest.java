package dev.keycard.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packages are the pipeline, and dependencies point one way along it. */
class LayeringTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keycard");
  }

  @Test
  void model_importsNothingOfOursAndNoFramework() {
    noClasses()
        .that().resideInAPackage("dev.keycard.model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.keycard.input..", "dev.keycard.policy..", "dev.keycard.engine..",
            "dev.keycard.remediation..", "dev.keycard.format..", "dev.keycard.report..",
            "dev.keycard.pipeline..",
            "dev.keycard.api..", "com.fasterxml..", "io.quarkus..", "jakarta..", "org.mvel2..")
        .check(classes);
  }

  @Test
  void budget_importsNothingOfOursAndNoFramework() {
    noClasses()
        .that().resideInAPackage("dev.keycard.budget..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.keycard.model..", "dev.keycard.input..", "dev.keycard.policy..",
            "dev.keycard.engine..", "dev.keycard.remediation..", "dev.keycard.format..",
            "dev.keycard.report..",
            "dev.keycard.pipeline..", "dev.keycard.api..", "com.fasterxml..", "io.quarkus..",
            "jakarta..", "org.mvel2..")
        .check(classes);
  }

  /** A format package reads its own format: the others' packages are not its helpers. */
  @Test
  void kubernetesFormat_importsNoOtherFormat() {
    noClasses()
        .that().resideInAPackage("dev.keycard.format.kubernetes..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.keycard.input.compose..", "dev.keycard.input.dockerrun..",
            "dev.keycard.input.engineapi..", "dev.keycard.input.dockerfile..")
        .check(classes);
  }

  @Test
  void stages_dependOnlyOnEarlierStages() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.keycard..")
        .withOptionalLayers(true)
        .layer("api").definedBy("dev.keycard.api..")
        .layer("pipeline").definedBy("dev.keycard.pipeline..")
        .layer("report").definedBy("dev.keycard.report..")
        .layer("format").definedBy("dev.keycard.format..")
        .layer("remediation").definedBy("dev.keycard.remediation..")
        .layer("engine").definedBy("dev.keycard.engine..")
        .layer("policy").definedBy("dev.keycard.policy..")
        .layer("input").definedBy("dev.keycard.input..", "dev.keycard.format..")
        .layer("model").definedBy("dev.keycard.model..")
        .whereLayer("api").mayNotBeAccessedByAnyLayer()
        .whereLayer("pipeline").mayOnlyBeAccessedByLayers("api")
        .whereLayer("report").mayOnlyBeAccessedByLayers("pipeline", "api")
        .whereLayer("format").mayOnlyBeAccessedByLayers("report", "pipeline", "api")
        .whereLayer("remediation").mayOnlyBeAccessedByLayers("format", "report", "pipeline", "api")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("remediation", "format", "report", "pipeline", "api")
        .whereLayer("policy").mayOnlyBeAccessedByLayers("engine", "remediation", "format", "report", "pipeline", "api")
        .whereLayer("input").mayOnlyBeAccessedByLayers("policy", "engine", "remediation", "format", "report", "pipeline", "api")
        .check(classes);
  }
}
