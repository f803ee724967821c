package dev.keycard.input.yaml;

/**
 * A key/value pair of a mapping in a format's YAML tree (each format keeps its own tree; this is
 * what their entries share): named by its key's text, and written from its key to whichever of key
 * and value ends last.
 */
public interface YamlEntry extends YamlSpan {
  Key key();

  YamlSpan value();

  default String name() {
    return key().text();
  }

  @Override
  default int start() {
    return key().start();
  }

  /** An alias value stands where its anchor was written, which may be before the key. */
  @Override
  default int end() {
    return Math.max(key().end(), value().end());
  }

  /** A mapping key: a scalar with its text as written (after YAML unescaping). */
  interface Key extends YamlSpan {
    String text();
  }
}
