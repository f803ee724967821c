package dev.keycard.format.compose;

import dev.keycard.budget.Budget;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.yaml.CoreSchemaFast;
import dev.keycard.input.yaml.YamlOffsets;
import dev.keycard.input.yaml.YamlPaths;
import dev.keycard.input.yaml.YamlScalars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The fast path of {@link YamlReader}: builds the {@link YNode} tree straight from the parser's
 * events, without SnakeYAML's node graph. It takes only the plain case, one document without
 * aliases, complex keys or duplicate keys, within the depth and service limits; anything else
 * throws {@link Unsupported} and the composing path reads the text again, so that every problem is
 * reported exactly as it always was.
 */
final class EventTree {
  /** Every node's path, counted: long keys above many nodes repeat in each. */
  private final YamlPaths paths = new YamlPaths();
  private final Parser parser;
  private final YamlOffsets offsets;
  private final ParseLimits limits;
  private String rootKey;
  private int services;

  private EventTree(Parser parser, YamlOffsets offsets, ParseLimits limits) {
    this.parser = parser;
    this.offsets = offsets;
    this.limits = limits;
  }

  /** The tree of the text, null for an empty stream; throws {@link Unsupported} otherwise. */
  static YNode read(String text, LoadSettings settings, YamlOffsets offsets, ParseLimits limits) {
    Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
    return new EventTree(parser, offsets, limits).stream();
  }

  private YNode stream() {
    parser.next(); // stream start
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return null;
    }
    parser.next(); // document start
    YNode root = node("", 0);
    parser.next(); // document end
    if (!parser.checkEvent(Event.ID.StreamEnd)) {
      throw Unsupported.INSTANCE; // a second document: the composing path reports it
    }
    return root;
  }

  /** A node at {@code depth} (the root is 0), as {@code YamlReader.convert} counts it. */
  private YNode node(String pointer, int depth) {
    if (depth > limits.maxDepth()) {
      throw Unsupported.INSTANCE;
    }
    Budget.current().tick();
    Event e = parser.next();
    return switch (e.getEventId()) {
      case Scalar -> scalar((ScalarEvent) e, pointer);
      case SequenceStart -> sequence((CollectionStartEvent) e, pointer, depth);
      case MappingStart -> mapping((CollectionStartEvent) e, pointer, depth);
      default -> throw Unsupported.INSTANCE; // an alias
    };
  }

  private YNode.Scalar scalar(ScalarEvent e, String pointer) {
    int start = offsets.of(e.getStartMark());
    int end = Math.max(start, offsets.of(e.getEndMark()));
    if (e.getScalarStyle() == ScalarStyle.LITERAL || e.getScalarStyle() == ScalarStyle.FOLDED) {
      end = offsets.trimEnd(start, end);
    }
    String text = e.getValue();
    return new YNode.Scalar(pointer, start, end, text, YamlScalars.value(text, tag(e)));
  }

  /** The tag SnakeYAML's composer gives the scalar. */
  private static Tag tag(ScalarEvent e) {
    Optional<String> tag = e.getTag();
    if (tag.isPresent() && !tag.get().equals("!")) {
      return new Tag(tag.get());
    }
    return CoreSchemaFast.INSTANCE
        .getScalarResolver()
        .resolve(e.getValue(), e.getImplicit().canOmitTagInPlainScalar());
  }

  private YNode.Seq sequence(CollectionStartEvent e, String pointer, int depth) {
    enter(depth);
    List<YNode> items = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      items.add(node(paths.child(pointer, String.valueOf(items.size())), depth + 1));
    }
    int start = offsets.of(e.getStartMark());
    YNode last = items.isEmpty() ? null : items.get(items.size() - 1);
    return new YNode.Seq(pointer, start, end(e.getFlowStyle(), start, last), items);
  }

  private YNode.Map mapping(CollectionStartEvent e, String pointer, int depth) {
    enter(depth);
    List<YNode.Entry> entries = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      if (!parser.checkEvent(Event.ID.Scalar) || depth + 1 > limits.maxDepth()) {
        throw Unsupported.INSTANCE; // a complex or aliased key
      }
      YNode.Scalar key = scalar((ScalarEvent) parser.next(), pointer);
      String name = key.text();
      if (!keys.add(name)) {
        throw Unsupported.INSTANCE; // the composing path reports duplicates
      }
      countService(depth, name);
      String child = paths.child(pointer, YNode.escape(name));
      key = new YNode.Scalar(child, key.start(), key.end(), name, key.value());
      entries.add(new YNode.Entry(key, node(child, depth + 1)));
    }
    int start = offsets.of(e.getStartMark());
    YNode last = entries.isEmpty() ? null : entries.get(entries.size() - 1).value();
    return new YNode.Map(pointer, start, end(e.getFlowStyle(), start, last), entries);
  }

  /** The composing path stops at too many services; so does this one. */
  private void countService(int depth, String key) {
    if (depth == 0) {
      rootKey = key;
    } else if (depth == 1 && "services".equals(rootKey) && ++services > limits.maxContainers()) {
      throw Unsupported.INSTANCE;
    }
  }

  /** A collection at {@code depth} is nested {@code depth + 1} levels deep. */
  private void enter(int depth) {
    if (depth + 1 > limits.maxDepth()) {
      throw Unsupported.INSTANCE;
    }
  }

  /** Consumes the collection's end event; a block collection ends where its last child ends. */
  private int end(FlowStyle style, int start, YNode last) {
    Optional<Mark> endMark = parser.next().getEndMark();
    if (style == FlowStyle.FLOW || last == null) {
      return Math.max(start, offsets.of(endMark));
    }
    return Math.max(start, last.end());
  }

  /** The text needs the composing path. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super("needs the composing path", null, false, false);
    }
  }
}
