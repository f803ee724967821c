package dev.keycard.format.engineapi;

import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.JsonDoc;
import java.util.Map;

/**
 * What the engine-api parser keeps of one parse for the fix renderer ({@link ParsedInput#syntax()}):
 * the text and the tree it read, and the document the renderer edits ({@link JsonDoc}), converted
 * from that tree on first use and kept with the input; the text is not read again.
 */
final class EngineApiSyntax {
  private final String text;
  private final JsonNode root;

  /** The document once built; null before. */
  private JsonDoc doc;

  EngineApiSyntax(String text, JsonNode root) {
    this.text = text;
    this.root = root;
  }

  /** The syntax of {@code input}, or null when its parser kept none. */
  static EngineApiSyntax of(ParsedInput input) {
    return input.syntax() instanceof EngineApiSyntax s ? s : null;
  }

  /** The document the renderer edits, with the parser's offsets. */
  synchronized JsonDoc doc() {
    if (doc == null) {
      doc = JsonDoc.of(text, node(root));
    }
    return doc;
  }

  /**
   * One node as {@link JsonDoc} holds it. Members in written order: the renderer refuses a body
   * with a repeated key, the one case where the parser's tree differs from the text.
   */
  private static JsonDoc.Node node(JsonNode n) {
    if (n.isObject()) {
      JsonDoc.Node o = JsonDoc.object(n.memberStart(), n.start(), n.end());
      for (Map.Entry<String, JsonNode> e : n.fields().entrySet()) {
        o.addMember(e.getKey(), node(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      JsonDoc.Node a = JsonDoc.array(n.memberStart(), n.start(), n.end());
      for (JsonNode item : n.items()) {
        a.addElement(node(item));
      }
      return a;
    }
    return JsonDoc.scalar(n.memberStart(), n.start(), n.end());
  }
}
