package dev.keycard.format;

import dev.keycard.input.InputFormat;
import dev.keycard.model.Container;
import dev.keycard.remediation.FixRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input format as a plug-in: what the input stage sees of it ({@link InputFormat}: name,
 * detection, parser, names and fences for the views) and what the remediation stage needs (its
 * fix renderer). Each format is one package under {@code dev.keycard.format} holding its parser,
 * its syntax tree with positions, its renderer and one class implementing this; {@link Formats}
 * lists them. Format packages do not import each other, and nothing outside them names their
 * classes (held by {@code FormatPluginTest}).
 */
public interface Format extends InputFormat {
  /** Renders fixes into this format; null when the format offers none. */
  FixRenderer renderer();

  /**
   * The format's field table: for each {@link dev.keycard.model.Field#settings() setting} of the
   * model, by its name, where this format reads it from and how a fix sets it, or why the format
   * cannot say it. The renderer writes fixes with the spellings the table names (held by {@code
   * FieldTableTest}).
   */
  Map<String, FieldSource> fields();

  /**
   * The containers written as a document in this format (for {@code /v1/fix?to=<format>}), or
   * empty when the format cannot be written from the model alone.
   */
  default Optional<String> export(List<Container> containers) {
    return Optional.empty();
  }
}
