package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Format;
import dev.keycard.format.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An alternative's snippets in fix-impact.yaml and well-known-images.yaml are keyed by format (the
 * API name with {@code _} for {@code -}): every key must name a registered format, or a typo such as
 * {@code dockerrun} would silently drop the snippet.
 */
class ImpactSnippetFormatsTest {
  @Test
  void everySnippetKey_namesARegisteredFormat() {
    Set<String> formats = Formats.all().stream().map(Format::apiName).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    List<ImpactData.Template> templates = new ArrayList<>();
    ImpactData.table().entries().forEach(e -> templates.addAll(e.alternatives()));
    ImpactData.images().forEach(i -> i.needs().forEach(e -> templates.addAll(e.alternatives())));
    for (ImpactData.Template t : templates) {
      for (String key : t.snippets().keySet()) {
        if (!formats.contains(key)) {
          unknown.add(key + " in \"" + t.description() + "\"");
        }
      }
    }
    assertThat(templates).as("alternatives with snippets to check").isNotEmpty();
    assertThat(templates.stream().mapToInt(t -> t.snippets().size()).sum()).isPositive();
    assertThat(unknown).isEmpty();
  }
}
