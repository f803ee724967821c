package dev.keycard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Compares an output with its golden file. A missing golden file fails the test: golden files are
 * written only when the run says so ({@code -Dgolden.update=true}), so that a deleted or misnamed
 * golden can never turn a comparison into a pass.
 */
public final class Goldens {
  /** The system property that rewrites golden files. */
  public static final String UPDATE = "golden.update";

  private Goldens() {}

  /** Asserts that {@code actual} equals the content of {@code golden} (written first on update). */
  public static void assertMatches(Path golden, String actual) {
    assertMatches(golden, actual, Boolean.getBoolean(UPDATE));
  }

  /** As {@link #assertMatches(Path, String)}, writing the golden file first when {@code update}. */
  static void assertMatches(Path golden, String actual, boolean update) {
    try {
      if (update) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      if (!Files.exists(golden)) {
        throw new AssertionFailedError(
            "golden file "
                + golden
                + " is missing; review the output and create it with -D"
                + UPDATE
                + "=true");
      }
      assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
