package dev.keycard.format.kubernetes;

import dev.keycard.input.ParsedInput;
import dev.keycard.input.StreamDocument;
import dev.keycard.remediation.CannotRender;
import dev.keycard.remediation.JsonDoc;
import dev.keycard.remediation.yaml.YamlDoc;
import java.util.List;
import java.util.Optional;

/**
 * What the Kubernetes parser keeps of one parse for the fix renderer ({@link
 * ParsedInput#syntax()}): the documents the renderer edits, built on first use and kept with the
 * input, so that every fix of one input edits the same trees. They are composed from the text with
 * the failsafe schema, apart from the parser's: the parser's core schema flattens {@code <<} merge
 * keys, and an edit must see a merged value where it was written.
 */
final class KubernetesSyntax {
  private final String text;

  /** The documents of a stream of several, where they stand; empty for one document. */
  private final List<StreamDocument> documents;

  /** The YAML documents of the stream once composed; null before. */
  private Optional<List<YamlDoc>> yaml;

  /** The JSON document once read, or why it cannot be; null before. */
  private Object json;

  KubernetesSyntax(String text, List<StreamDocument> documents) {
    this.text = text;
    this.documents = List.copyOf(documents);
  }

  List<StreamDocument> documents() {
    return documents;
  }

  /** The syntax of {@code input}, or null when its parser kept none. */
  static KubernetesSyntax of(ParsedInput input) {
    return input.syntax() instanceof KubernetesSyntax s ? s : null;
  }

  String text() {
    return text;
  }

  /** Every document of the YAML stream, empty when the text is not one. */
  synchronized Optional<List<YamlDoc>> yaml() {
    if (yaml == null) {
      yaml = YamlDoc.composedAll(text);
    }
    return yaml;
  }

  /** The JSON document ({@code kubectl get -o json}); throws {@link CannotRender} when not plain. */
  synchronized JsonDoc json() {
    if (json == null) {
      try {
        json = JsonDoc.parse(text);
      } catch (CannotRender e) {
        json = e;
      }
    }
    if (json instanceof CannotRender e) {
      throw new CannotRender(e.getMessage());
    }
    return (JsonDoc) json;
  }
}
