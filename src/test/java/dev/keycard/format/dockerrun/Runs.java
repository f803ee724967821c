package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.params.provider.Arguments;

/** Shared helpers for the docker run parser tests. */
final class Runs {
  static final DockerRunParser PARSER = new DockerRunParser();

  private Runs() {}

  static ParsedInput parse(String text) {
    return PARSER.parse(Source.of(text), ParseOptions.defaults());
  }

  /** The one container of an input that must parse without errors. */
  static Container one(String text) {
    ParsedInput p = parse(text);
    assertThat(p.errors()).as("errors of %s", text).isEmpty();
    assertThat(p.containers()).as("containers of %s", text).hasSize(1);
    return p.containers().get(0);
  }

  /** The shared folder surefire points {@code keycard.shared} at. */
  static Path shared() {
    return Path.of(System.getProperty("keycard.shared", "../shared"));
  }

  static Path corpus() {
    return shared().resolve("corpus/real-world/docker-run");
  }

  /** A table row: test name, command line, what to read from the container, what it must be. */
  static Arguments row(String name, String command, Function<Container, Object> read, Object want) {
    return Arguments.of(name, command, read, want);
  }
}
