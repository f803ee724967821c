package dev.keycard.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Field;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/fields.md is the table generated from the field catalogue and every format's rows ({@code
 * -Ddocs.update=true} rewrites it), and the rule docs link to it.
 */
class FieldDocsTest {
  private static final Path DOC = Path.of("docs", "fields.md");

  @Test
  void docsPage_equalsTheGeneratedTable() throws IOException {
    String generated = FieldDocs.markdown();
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/fields.md (run with -Ddocs.update=true to generate)").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/fields.md (run with -Ddocs.update=true to regenerate)")
        .isEqualTo(generated);
  }

  @Test
  void theTableHasARowPerSettingAndAColumnPerFormat() {
    String page = FieldDocs.markdown();
    for (Field f : Field.settings()) {
      assertThat(page).contains("\n| `" + f.name() + "` | " + f.typeName() + " |");
    }
    String header = page.lines().filter(l -> l.startsWith("| field | type |")).findFirst().orElseThrow();
    for (Format f : Formats.all()) {
      assertThat(header).contains(" " + f.names().title() + " |");
    }
    assertThat(page).contains("`HostConfig.Privileged`; **fix:** `HostConfig.Privileged`");
  }

  @Test
  void theRuleDocsAndTheReadmeLinkToIt() throws IOException {
    assertThat(Files.readString(Path.of("docs", "rule-language.md"))).contains("](fields.md)");
    assertThat(Files.readString(Path.of("README.md"))).contains("](docs/fields.md)");
  }
}
