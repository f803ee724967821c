package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.ShippedCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keycard's {@code pss-baseline} and {@code pss-restricted} against Kubernetes' own Pod Security
 * Admission fixtures ({@code corpus/k8s-psa}, v1.37, read from the shared folder, never copied):
 * every Pod under {@code <level>/fail} is denied by the same-level rule set with a finding whose
 * reference names the control the fixture's file name exercises, and every Pod under {@code
 * <level>/pass} is allowed (no finding, no undecided warning). There is no list of exceptions.
 */
class PssConformanceTest {
  /** The corpus README's file-name prefixes and the official name of the control each exercises. */
  static final Map<String, String> CONTROLS =
      Map.ofEntries(
          Map.entry("windowshostprocess", "baseline: HostProcess"),
          Map.entry("hostnamespaces", "baseline: Host Namespaces"),
          Map.entry("privileged", "baseline: Privileged Containers"),
          Map.entry("capabilities_baseline", "baseline: Capabilities"),
          Map.entry("hostpathvolumes", "baseline: HostPath Volumes"),
          Map.entry("hostports", "baseline: Host Ports"),
          Map.entry("hostprobesandhostlifecycle", "baseline: Host Probes / Lifecycle Hooks"),
          Map.entry("apparmorprofile", "baseline: AppArmor"),
          Map.entry("selinuxoptions", "baseline: SELinux"),
          Map.entry("procmount", "baseline: /proc Mount Type"),
          Map.entry("seccompprofile_baseline", "baseline: Seccomp"),
          Map.entry("sysctls", "baseline: Sysctls"),
          Map.entry("restrictedvolumes", "restricted: Volume Types"),
          Map.entry("allowprivilegeescalation", "restricted: Privilege Escalation"),
          Map.entry("runasnonroot", "restricted: Running as Non-root"),
          Map.entry("runasuser", "restricted: Running as Non-root user"),
          Map.entry("seccompprofile_restricted", "restricted: Seccomp"),
          Map.entry("capabilities_restricted", "restricted: Capabilities"),
          Map.entry("procmount_restricted", "restricted: /proc Mount Type"));

  static final String REFERENCE = "Pod Security Standards ";

  /** One fixture: its level, whether PSA admits it, and its file. */
  record Fixture(String level, boolean pass, Path file) {
    String name() {
      return file.getFileName().toString();
    }

    /** The file name without {@code .yaml} and the trailing index: the control's prefix. */
    String prefix() {
      return name().replaceFirst("\\.yaml$", "").replaceFirst("[0-9]+$", "");
    }

    @Override
    public String toString() {
      return level + "/" + (pass ? "pass" : "fail") + "/" + name();
    }
  }

  static ShippedCatalogue catalogue;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
  }

  static Path corpus() {
    return ShippedCatalogue.shared().resolve("corpus/k8s-psa");
  }

  static List<Fixture> fixtures() throws IOException {
    List<Fixture> out = new ArrayList<>();
    for (String level : List.of("baseline", "restricted")) {
      for (boolean pass : List.of(false, true)) {
        Path dir = corpus().resolve(level).resolve(pass ? "pass" : "fail");
        try (Stream<Path> files = Files.list(dir)) {
          files
              .filter(f -> f.getFileName().toString().endsWith(".yaml"))
              .sorted()
              .forEach(f -> out.add(new Fixture(level, pass, f)));
        }
      }
    }
    return out;
  }

  @Test
  void corpus_holdsThe148PodsOfTheReadme() throws IOException {
    List<Fixture> all = fixtures();
    assertThat(all).hasSize(148);
    assertThat(all.stream().filter(f -> f.level().equals("baseline") && !f.pass())).hasSize(34);
    assertThat(all.stream().filter(f -> f.level().equals("baseline") && f.pass())).hasSize(15);
    assertThat(all.stream().filter(f -> f.level().equals("restricted") && !f.pass())).hasSize(76);
    assertThat(all.stream().filter(f -> f.level().equals("restricted") && f.pass())).hasSize(23);
    // every failing fixture names a control this test knows: none is judged without one
    assertThat(all.stream().filter(f -> !f.pass()).map(Fixture::prefix).distinct())
        .allSatisfy(p -> assertThat(CONTROLS).containsKey(p));
  }

  @Test
  void everyControl_isCoveredByARuleOfItsLevelsRuleSet() {
    for (Map.Entry<String, String> e : CONTROLS.entrySet()) {
      String level = e.getValue().substring(0, e.getValue().indexOf(':'));
      String reference = REFERENCE + e.getValue();
      assertThat(catalogue.ruleSet("pss-" + level))
          .as("pss-" + level + " has a rule referencing " + reference)
          .anySatisfy(r -> assertThat(r.definition().references()).contains(reference));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixture_isJudgedAsPodSecurityAdmissionJudgesIt(Fixture f) throws IOException {
    ParsedInput parsed = catalogue.parse(Files.readString(f.file()), Map.of());
    assertThat(parsed.errors()).as(f + " parses").isEmpty();
    assertThat(parsed.format() == null ? null : parsed.format().apiName())
        .as(f + " is read as Kubernetes")
        .isEqualTo("kubernetes");
    assertThat(parsed.containers()).as(f + " has its containers").isNotEmpty();

    EngineResult r = ShippedCatalogue.evaluate(catalogue.ruleSet("pss-" + f.level()), parsed);
    assertThat(r.undecided()).as(f + ": nothing is left undecided").isEmpty();
    assertThat(r.warnings()).as(f + ": no rule fails to evaluate").isEmpty();
    if (f.pass()) {
      assertThat(r.findings())
          .as(f + " is admitted by Pod Security Admission, so pss-" + f.level() + " allows it")
          .extracting(x -> x.ruleId() + " " + x.container() + ": " + x.message())
          .isEmpty();
    } else {
      String reference = REFERENCE + CONTROLS.get(f.prefix());
      assertThat(r.findings())
          .as(f + " is denied with a finding referencing '" + reference + "'; findings: "
              + r.findings().stream().map(x -> x.ruleId() + " " + x.references()).toList())
          .map(Finding::references)
          .anySatisfy(refs -> assertThat(refs).contains(reference));
    }
  }
}
