package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.remediation.Impacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules/ cannot go stale: every committed help page equals what {@link RuleDocs} renders from
 * policies/, and there is no page without a rule. Regenerate with {@code -Ddocs.update=true}.
 */
class RuleDocsTest {
  private static final Path DOCS = Path.of("docs", "rules");

  @Test
  void committedPages_equalGeneratedPages() throws Exception {
    Map<String, String> generated =
        new RuleDocs(Formats.detector()).render(
            PolicyLoader.load(List.of(Path.of("policies"))), Impacts.standard()::describe);
    if (Boolean.getBoolean("docs.update")) {
      write(generated);
    }
    assertThat(new TreeSet<>(committed()))
        .as("pages in docs/rules (run with -Ddocs.update=true to regenerate)")
        .isEqualTo(new TreeSet<>(generated.keySet()));
    for (var page : generated.entrySet()) {
      assertThat(Files.readString(DOCS.resolve(page.getKey()), StandardCharsets.UTF_8))
          .as(page.getKey() + " (run with -Ddocs.update=true to regenerate)")
          .isEqualTo(page.getValue());
    }
  }

  @Test
  void page_showsSeveritySetsWhenFixAndAnExamplePerFormat() throws Exception {
    PolicyCatalog catalog = PolicyLoader.load(List.of(Path.of("policies")));
    RuleDefinition d = catalog.rule("KC-001").orElseThrow();
    String page = new RuleDocs(Formats.detector()).page(d, List.of("baseline@1.0.0"));
    assertThat(page)
        .startsWith("# KC-001: Container runs privileged\n")
        .contains("| Severity | critical |", "`baseline@1.0.0`", "```\nc.privileged\n```")
        .contains("- remove `privileged`")
        .contains("### docker run", "### Docker Compose", "### Docker Engine API")
        .contains("Fires on:", "Does not fire on:");
  }

  @Test
  void page_saysWhatEachFixOperationCosts() throws Exception {
    PolicyCatalog catalog = PolicyLoader.load(List.of(Path.of("policies")));
    String privileged =
        new RuleDocs(Formats.detector()).page(
            catalog.rule("KC-001").orElseThrow(), List.of(), List.of(), Impacts.standard()::describe);
    assertThat(privileged)
        .contains("- remove `privileged` — impact `review`: The container loses every capability")
        .contains("apply=all", "../fixes.md");
    String nnp =
        new RuleDocs(Formats.detector()).page(
            catalog.rule("KC-004").orElseThrow(), List.of(), List.of(), Impacts.standard()::describe);
    assertThat(nnp).contains("(unless it is there) — impact `safe`");
    String capDrop =
        new RuleDocs(Formats.detector()).page(
            catalog.rule("KC-005").orElseThrow(), List.of(), List.of(), Impacts.standard()::describe);
    assertThat(capDrop)
        .contains("impact `review` (`safe` when the container runs as a user other than root)");
  }

  @Test
  void index_linksEveryRule() throws Exception {
    Map<String, String> pages = new RuleDocs(Formats.detector()).render(PolicyLoader.load(List.of(Path.of("policies"))));
    for (String name : pages.keySet()) {
      if (!name.equals("README.md")) {
        assertThat(pages.get("README.md")).contains("](" + name + ")");
      }
    }
  }

  private static List<String> committed() throws IOException {
    if (!Files.isDirectory(DOCS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(DOCS)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).toList();
    }
  }

  private static void write(Map<String, String> pages) throws IOException {
    Files.createDirectories(DOCS);
    for (String stale : committed()) {
      if (!pages.containsKey(stale)) {
        Files.delete(DOCS.resolve(stale));
      }
    }
    for (var page : pages.entrySet()) {
      Files.writeString(DOCS.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }
}
