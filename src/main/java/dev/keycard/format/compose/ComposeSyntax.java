package dev.keycard.format.compose;

import dev.keycard.remediation.yaml.YamlDoc;
import java.util.Optional;

/**
 * What the compose parser keeps of one parse for the fix renderer ({@link
 * dev.keycard.input.ParsedInput#syntax()}): the text and the tree it read, and the document the
 * renderer edits, built from them on first use and kept with the input. A tree the plain-subset
 * reader read is converted as it is ({@link PlainNodes}); a text outside that subset (anchors and
 * aliases, block scalars, ...) is composed by SnakeYAML once, as aliases must stay where they
 * were written and the parser's tree has them expanded.
 */
final class ComposeSyntax {
  private final String text;
  private final YNode root;
  private final boolean plain;

  /** The document once built; null before. */
  private Optional<YamlDoc> doc;

  ComposeSyntax(String text, YNode root, boolean plain) {
    this.text = text;
    this.root = root;
    this.plain = plain;
  }

  /** The document the renderer edits, or empty when the text is not one YAML document. */
  synchronized Optional<YamlDoc> doc() {
    if (doc == null) {
      doc =
          plain && root != null
              ? Optional.of(YamlDoc.of(text, PlainNodes.of(text, root)))
              : YamlDoc.composed(text);
    }
    return doc;
  }

  /** The syntax of {@code input}, or null when its parser kept none (not read by this format). */
  static ComposeSyntax of(dev.keycard.input.ParsedInput input) {
    return input.syntax() instanceof ComposeSyntax s ? s : null;
  }
}
