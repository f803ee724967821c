package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrozenModelTest {
  static Stream<Path> corpus() throws IOException {
    Path root = Path.of(System.getProperty("keycard.shared", "../shared"), "corpus", "real-world");
    return Stream.concat(Files.list(root.resolve("compose")), Files.list(root.resolve("docker-run"))).sorted();
  }

  /** Rules must see exactly the names and values /v1/parse shows (Jackson's snake_case view). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void freeze_equalsJacksonsSnakeCaseView(Path file) throws IOException {
    var parsed = Formats.reader().read(Files.readString(file), false, null, ParseOptions.defaults());
    for (Container c : parsed.containers()) {
      assertThat(FrozenModel.freeze(c)).isEqualTo(FrozenModel.viaJackson(c));
    }
  }
}
