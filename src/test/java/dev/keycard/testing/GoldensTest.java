package dev.keycard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldensTest {
  @TempDir Path dir;

  @Test
  void missingGolden_fails_andIsNotCreated() {
    Path golden = dir.resolve("missing.json");
    assertThatThrownBy(() -> Goldens.assertMatches(golden, "{}", false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("-Dgolden.update=true");
    assertThat(golden).doesNotExist();
  }

  @Test
  void differentGolden_fails() throws IOException {
    Path golden = dir.resolve("old.json");
    Files.writeString(golden, "old");
    assertThatThrownBy(() -> Goldens.assertMatches(golden, "new", false)).isInstanceOf(AssertionError.class);
  }

  @Test
  void equalGolden_passes() throws IOException {
    Path golden = dir.resolve("same.json");
    Files.writeString(golden, "same");
    Goldens.assertMatches(golden, "same", false);
  }

  @Test
  void update_writesTheGolden() {
    Path golden = dir.resolve("new.json");
    Goldens.assertMatches(golden, "new", true);
    assertThat(golden).hasContent("new");
  }
}
