package dev.keycard.input.corpus;

import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus, read in place (never copied into the project). */
final class Corpus {
  static final Path ROOT = Path.of(System.getProperty("keycard.shared", "../shared")).resolve("corpus");
  static final InputReader READER = Formats.reader();

  private Corpus() {}

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedInput parse(String text, InputFormat format) {
    return READER.read(text, false, format, ParseOptions.defaults());
  }
}
