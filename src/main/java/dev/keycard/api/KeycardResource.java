package dev.keycard.api;

import dev.keycard.pipeline.Keycard;

/**
 * A resource that reads a request the way every decision endpoint does ({@link RequestReader}) and
 * hands it to the pipeline ({@link Keycard}); it only translates HTTP.
 */
abstract class KeycardResource {
  protected final Keycard keycard;
  protected final RequestReader reader;

  protected KeycardResource(Keycard keycard, RequestReader reader) {
    this.keycard = keycard;
    this.reader = reader;
  }
}
