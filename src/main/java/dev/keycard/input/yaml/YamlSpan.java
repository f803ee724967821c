package dev.keycard.input.yaml;

/** A node of a format's YAML tree: where it was written, as UTF-16 offsets into the parsed text. */
public interface YamlSpan {
  int start();

  int end();
}
