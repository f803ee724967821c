package dev.keycard.format.engineapi;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mangled input must end in diagnostics, never in an exception. */
class EngineApiRobustnessTest {

  private static String fixture() throws IOException {
    try (InputStream in =
        EngineApiRobustnessTest.class.getResourceAsStream("/engineapi/inspect-nginx.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @Timeout(30)
  void engineApi_everyTruncation_neverThrows() throws IOException {
    String text = fixture();
    EngineApiParser parser = new EngineApiParser();
    for (int end = 0; end <= text.length(); end += 7) {
      String cut = text.substring(0, end);
      assertThatCode(() -> parser.parse(Source.of(cut), ParseOptions.defaults()))
          .as("cut at %d", end)
          .doesNotThrowAnyException();
    }
  }

  @Test
  @Timeout(30)
  void engineApi_randomCharFlips_neverThrow() throws IOException {
    String text = fixture();
    String alphabet = "{}[]:,\"\\ 0123456789-.eEtrufalsn\u00e9\uD83D\uDC33\n";
    Random random = new Random(42);
    EngineApiParser parser = new EngineApiParser();
    for (int round = 0; round < 500; round++) {
      StringBuilder sb = new StringBuilder(text);
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        int at = random.nextInt(sb.length());
        sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String mangled = sb.toString();
      assertThatCode(() -> parser.parse(Source.of(mangled), ParseOptions.defaults()))
          .as("round %d", round)
          .doesNotThrowAnyException();
    }
  }
}
