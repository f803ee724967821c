package dev.keycard.format.engineapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.keycard.budget.Budget;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.Source;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads strict JSON (RFC 8259: no comments, no trailing commas, one value) into a positioned {@link
 * JsonNode} tree with Jackson's streaming parser. The tree is built with an explicit stack, so
 * depth is bounded by {@link ParseLimits#maxDepth()} rather than by the Java stack, and the number
 * of values by {@link ParseLimits#maxTokens()}.
 */
final class JsonReader {
  private final Source source;
  private final ParseLimits limits;
  private final Diagnostics sink;

  JsonReader(Source source, ParseLimits limits, Diagnostics sink) {
    this.source = source;
    this.limits = limits;
    this.sink = sink;
  }

  /** The root node, or null after an error diagnostic. */
  JsonNode read() {
    String text = source.text();
    if (text.startsWith("\uFEFF")) {
      // a byte order mark is not JSON, but editors write one; a space keeps every offset
      text = " " + text.substring(1);
    }
    try (JsonParser p = factory().createParser(text)) {
      return readRoot(p);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int offset = loc == null ? text.length() : (int) Math.max(0, loc.getCharOffset());
      String problem = "invalid JSON: " + e.getOriginalMessage();
      error(DiagnosticCode.INPUT_PARSE_ERROR, problem, offset, offset);
      return null;
    } catch (IOException e) {
      // reading a String cannot fail with a plain IOException; report it rather than throw anyway
      error(DiagnosticCode.INPUT_PARSE_ERROR, "invalid JSON: " + e.getMessage(), 0, 0);
      return null;
    }
  }

  private JsonFactory factory() {
    // our own depth check fires first; Jackson's is only raised so it never preempts it
    int depth = Math.max(limits.maxDepth() + 2, StreamReadConstraints.DEFAULT_MAX_DEPTH);
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build())
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  private JsonNode readRoot(JsonParser p) throws IOException {
    Deque<Frame> stack = new ArrayDeque<>();
    JsonNode root = null;
    int count = 0;
    JsonToken t;
    Budget budget = Budget.current();
    while ((t = p.nextToken()) != null) {
      budget.tick();
      int offset = (int) p.currentTokenLocation().getCharOffset();
      if (t == JsonToken.FIELD_NAME) {
        stack.peek().key = p.currentName();
        stack.peek().keyStart = offset;
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        Frame done = stack.pop();
        done.node.close(end(p));
        if (done.replaced != null) {
          done.node.inherit(done.replaced);
        }
        if (stack.isEmpty()) {
          break;
        }
        continue;
      }
      if (++count > limits.maxTokens()) {
        String limit = "more than " + limits.maxTokens() + " JSON values";
        error(DiagnosticCode.INPUT_LIMIT_EXCEEDED, limit, offset, offset);
        return null;
      }
      Frame parent = stack.peek();
      JsonNode parentNode = parent == null ? null : parent.node;
      String name = parent == null ? null : parent.nextName();
      int memberStart = parent != null && parent.node.isObject() ? parent.keyStart : offset;
      JsonNode node;
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        if (stack.size() + 1 > limits.maxDepth()) {
          error(
              DiagnosticCode.INPUT_LIMIT_EXCEEDED,
              "JSON nested deeper than " + limits.maxDepth() + " levels",
              offset,
              offset + 1);
          return null;
        }
        JsonNode.Kind kind =
            t == JsonToken.START_OBJECT ? JsonNode.Kind.OBJECT : JsonNode.Kind.ARRAY;
        node = JsonNode.container(kind, parentNode, name, memberStart, offset);
      } else {
        node = scalar(p, t, parentNode, name, memberStart, offset);
      }
      JsonNode replaced = null;
      if (parent == null) {
        root = node;
      } else {
        replaced = attach(parent, node);
      }
      if (node.isObject() || node.isArray()) {
        stack.push(new Frame(node, replaced));
      } else if (parent == null) {
        break;
      }
    }
    if (root == null) {
      error(DiagnosticCode.INPUT_PARSE_ERROR, "empty input: expected a JSON object or array", 0, 0);
      return null;
    }
    if (p.nextToken() != null) {
      int offset = (int) p.currentTokenLocation().getCharOffset();
      error(
          DiagnosticCode.INPUT_PARSE_ERROR,
          "unexpected content after the JSON value",
          offset,
          offset + 1);
      return null;
    }
    return root;
  }

  private static JsonNode scalar(
      JsonParser p, JsonToken t, JsonNode parent, String name, int member, int start)
      throws IOException {
    return switch (t) {
      case VALUE_STRING -> {
        String s = p.getText(); // finishes the token, so the end offset is past the closing quote
        yield JsonNode.scalar(JsonNode.Kind.STRING, parent, name, member, start, end(p), s);
      }
      case VALUE_NUMBER_INT -> {
        Object n =
            p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? p.getBigIntegerValue()
                : (Object) p.getLongValue();
        yield JsonNode.scalar(JsonNode.Kind.NUMBER, parent, name, member, start, end(p), n);
      }
      case VALUE_NUMBER_FLOAT ->
          JsonNode.scalar(
              JsonNode.Kind.NUMBER, parent, name, member, start, end(p), p.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE ->
          JsonNode.scalar(
              JsonNode.Kind.BOOLEAN,
              parent,
              name,
              member,
              start,
              end(p),
              t == JsonToken.VALUE_TRUE);
      default -> JsonNode.scalar(JsonNode.Kind.NULL, parent, name, member, start, end(p), null);
    };
  }

  /** Adds {@code node} to its parent; returns the earlier value of a duplicate key, if any. */
  private JsonNode attach(Frame parent, JsonNode node) {
    if (parent.node.isArray()) {
      parent.node.add(node);
      parent.index++;
      return null;
    }
    JsonNode old = parent.node.put(parent.key, node);
    if (old != null) {
      Diagnostic d =
          Diagnostic.of(
              DiagnosticCode.INPUT_DUPLICATE_KEY,
              "duplicate key \""
                  + parent.key
                  + "\": as in Docker's decoder, the later value wins and"
                  + " objects are merged",
              source.span(node.memberStart(), node.memberStart() + parent.key.length() + 2));
      sink.add(d.withPath(node.pointer()));
    }
    return old;
  }

  private static int end(JsonParser p) {
    return (int) p.currentLocation().getCharOffset();
  }

  private void error(DiagnosticCode code, String message, int start, int end) {
    int s = Math.min(start, source.text().length());
    int e = Math.max(s, Math.min(end, source.text().length()));
    sink.add(code, message, s, e);
  }

  /** An open object or array and the name of its next member. */
  private static final class Frame {
    final JsonNode node;
    final JsonNode replaced;
    String key;
    int keyStart;
    int index;

    Frame(JsonNode node, JsonNode replaced) {
      this.node = node;
      this.replaced = replaced;
    }

    String nextName() {
      return node.isArray() ? Integer.toString(index) : key;
    }
  }
}
