package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What moved out of the README stays reachable: every relative link in the README and the guides
 * it sends readers to names a file that exists and, with {@code #anchor}, a heading in it (GitHub's
 * anchors: lower case, punctuation dropped, spaces as hyphens).
 */
class ReadmeLinksTest {
  static final List<Path> PAGES =
      List.of(
          Path.of("README.md"),
          Path.of("docs/writing-rules.md"),
          Path.of("docs/contributing.md"),
          Path.of("docs/fixes.md"));

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  static Set<String> anchors(Path markdown) throws IOException {
    Set<String> out = new HashSet<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }

  @Test
  void everyRelativeLink_reachesAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : PAGES) {
      Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(page + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theReadme_linksTheMovedMaterial() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme)
        .contains("](docs/writing-rules.md)", "](docs/contributing.md)", "](docs/fixes.md)");
  }
}
