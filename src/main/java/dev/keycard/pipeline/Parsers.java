package dev.keycard.pipeline;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The input reader the service uses: every registered format ({@link Formats}). */
@ApplicationScoped
public class Parsers {
  @Produces
  @ApplicationScoped
  InputReader inputReader() {
    return Formats.reader();
  }
}
