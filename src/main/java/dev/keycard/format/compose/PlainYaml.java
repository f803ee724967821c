package dev.keycard.format.compose;

import dev.keycard.budget.Budget;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.yaml.CoreSchemaFast;
import dev.keycard.input.yaml.YamlPaths;
import dev.keycard.input.yaml.YamlScalars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The fastest path of {@link YamlReader}: reads the narrow subset of YAML that most compose files
 * are written in straight from the text, and gives up ({@link EventTree.Unsupported}) on anything
 * else, so that SnakeYAML reads the text again and every problem is reported as it always was.
 *
 * <p>The subset: printable ASCII and {@code \n} only (no tab, no carriage return); block mappings
 * whose keys are one-line plain or quoted scalars followed by {@code ": "}; block sequences of
 * {@code "- "} items, indentless ones under a key included; one-line plain, single-quoted (with
 * {@code ''}) and double-quoted scalars without escapes; one-line flow sequences of such scalars;
 * the empty flow mapping {@code {}}; comments and blank lines; a {@code ---} before the only
 * document. No other document markers, no directives, anchors, aliases, tags, block scalars, flow
 * mappings with entries, complex keys or multi-line scalars; no duplicate key, nothing nested
 * deeper than the limit, no more services than the limit. The root is a block mapping.
 *
 * <p>The tree is the one {@link EventTree} builds from SnakeYAML's events, node for node: the same
 * pointers, the same offsets (where SnakeYAML's marks put them: an empty value sits just after its
 * {@code :} or {@code -}, a block collection starts at its first key or dash and ends where its
 * last child ends), the same texts and core-schema values. Tests hold the two readers equal.
 */
final class PlainYaml {
  /** Every node's path, counted: long keys above many nodes repeat in each. */
  private final YamlPaths paths = new YamlPaths();
  /** SnakeYAML drops a simple key longer than 1024 code points; stay well clear of it. */
  private static final int MAX_KEY = 1000;

  /** Longer text goes to SnakeYAML, which enforces the code point limit. */
  private static final int MAX_TEXT = 1 << 20;

  /** Characters a plain scalar cannot start with (YAML's indicators). */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private final String s;
  private final int n;
  private final Budget budget = Budget.current();
  private final ParseLimits limits;

  /** The next character to read. */
  private int pos;

  /** Column of the content line at {@link #pos} after {@link #nextContent()}; -1 at the end. */
  private int col;

  /** Only the first content line may be a document marker ({@link #document()} checks it). */
  private boolean markersAllowed;

  /** The plain key {@link #isKey} last scanned, and its colon. */
  private int keyAt = -1;

  private int keyColon;

  private String rootKey;
  private int services;

  private PlainYaml(String s, ParseLimits limits) {
    this.s = s;
    this.n = s.length();
    this.limits = limits;
  }

  /** The tree of the text, null for a text without content; throws Unsupported otherwise. */
  static YNode read(String text, ParseLimits limits) {
    if (text.length() > MAX_TEXT) {
      throw giveUp();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 || c > 0x7E) && c != '\n') {
        throw giveUp();
      }
    }
    return new PlainYaml(text, limits).document();
  }

  private YNode document() {
    markersAllowed = true;
    nextContent();
    markersAllowed = false;
    if (col == 0 && isDocumentMarker(pos)) {
      if (!s.startsWith("---", pos)) {
        throw giveUp(); // "..." ends a document that never started
      }
      endLine(pos + 3); // an explicit start of the only document
      nextContent();
      if (col < 0) {
        throw giveUp(); // "---" alone is an empty scalar, not an empty stream
      }
    } else if (col < 0) {
      return null;
    }
    if (!isKey(pos)) {
      throw giveUp(); // the root is a block mapping here
    }
    YNode root = mapping("", 0);
    if (col >= 0) {
      throw giveUp(); // content left of the root's column
    }
    return root;
  }

  // ---- lines

  /**
   * From the start of a line, skips blank and comment lines; leaves {@link #pos} at the first
   * character of the next content line and {@link #col} at its column, or -1 at the end.
   */
  private void nextContent() {
    while (pos < n) {
      budget.tick();
      int lineStart = pos;
      int p = pos;
      while (p < n && s.charAt(p) == ' ') {
        p++;
      }
      if (p < n && s.charAt(p) != '\n' && s.charAt(p) != '#') {
        if (p == lineStart && isDocumentMarker(p) && !markersAllowed) {
          throw giveUp();
        }
        pos = p;
        col = p - lineStart;
        return;
      }
      pos = lineEnd(p) + 1;
    }
    pos = n;
    col = -1;
  }

  private boolean isDocumentMarker(int p) {
    return (s.startsWith("---", p) || s.startsWith("...", p)) && isBlankOrEnd(p + 3);
  }

  private int lineEnd(int p) {
    int e = s.indexOf('\n', p);
    return e < 0 ? n : e;
  }

  /** After a node on its line: only spaces and a comment may follow; moves to the next line. */
  private void endLine(int p) {
    int q = p;
    while (q < n && s.charAt(q) == ' ') {
      q++;
    }
    if (q < n && s.charAt(q) != '\n') {
      if (s.charAt(q) != '#' || q == p) {
        throw giveUp(); // more content, or a comment not after a space
      }
      q = lineEnd(q);
    }
    pos = Math.min(n, q + 1);
  }

  private boolean isBlankOrEnd(int p) {
    return p >= n || s.charAt(p) == ' ' || s.charAt(p) == '\n';
  }

  private boolean isDash(int p) {
    return s.charAt(p) == '-' && isBlankOrEnd(p + 1);
  }

  // ---- collections

  /** A collection at {@code depth} is nested {@code depth + 1} levels deep, as EventTree counts. */
  private void enter(int depth) {
    if (depth + 1 > limits.maxDepth()) {
      throw giveUp();
    }
  }

  /** A block mapping whose first key is at {@link #pos}, in column {@link #col}. */
  private YNode.Map mapping(String pointer, int depth) {
    enter(depth);
    int column = col;
    int start = pos;
    List<YNode.Entry> entries = new ArrayList<>();
    Set<String> names = null;
    while (true) {
      YNode.Scalar key = key(pointer);
      String name = key.text();
      if (names == null && entries.size() >= SMALL) {
        names = new HashSet<>(); // a huge mapping costs linear time, not quadratic
        for (YNode.Entry e : entries) {
          names.add(e.name());
        }
      }
      if (names != null ? !names.add(name) : isListed(entries, name)) {
        throw giveUp(); // the composing path reports duplicates
      }
      countService(depth, name);
      String child = paths.child(pointer, YNode.escape(name));
      key = new YNode.Scalar(child, key.start(), key.end(), name, key.value());
      entries.add(new YNode.Entry(key, value(child, depth + 1, column)));
      if (col < column) {
        break;
      }
      if (col > column || !isKey(pos)) {
        throw giveUp();
      }
    }
    return new YNode.Map(pointer, start, Math.max(start, last(entries).end()), entries);
  }

  /** Mappings up to this size look for a duplicate key by a scan; larger ones keep a set. */
  private static final int SMALL = 16;

  private static boolean isListed(List<YNode.Entry> entries, String name) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static YNode last(List<YNode.Entry> entries) {
    return entries.get(entries.size() - 1).value();
  }

  /** A block sequence whose first dash is at {@link #pos}, in column {@link #col}. */
  private YNode.Seq sequence(String pointer, int depth) {
    enter(depth);
    int column = col;
    int start = pos;
    List<YNode> items = new ArrayList<>();
    while (true) {
      items.add(item(paths.child(pointer, String.valueOf(items.size())), depth + 1, column));
      if (col != column || !isDash(pos)) {
        break;
      }
    }
    if (col > column) {
      throw giveUp();
    }
    YNode last = items.get(items.size() - 1);
    return new YNode.Seq(pointer, start, Math.max(start, last.end()), items);
  }

  /** The value after the key whose {@code :} was just read, in a mapping at {@code column}. */
  private YNode value(String pointer, int depth, int column) {
    node(depth);
    int colonEnd = pos;
    int p = skipSpaces(pos);
    if (p < n && s.charAt(p) != '\n' && s.charAt(p) != '#') {
      YNode v = inline(p, pointer, depth);
      nextContent();
      if (col > column) {
        throw giveUp(); // a continuation line, or an error
      }
      return v;
    }
    nextLine(p, colonEnd);
    if (col > column) {
      YNode v = ownLine(pointer, depth);
      if (col > column) {
        throw giveUp();
      }
      return v;
    }
    if (col == column && isDash(pos)) {
      return sequence(pointer, depth); // indentless: the dashes sit in the key's column
    }
    return empty(pointer, colonEnd);
  }

  /** The item after the dash at {@link #pos}, in a sequence at {@code column}. */
  private YNode item(String pointer, int depth, int column) {
    node(depth);
    int dashEnd = pos + 1;
    int p = skipSpaces(dashEnd);
    if (p < n && s.charAt(p) != '\n' && s.charAt(p) != '#') {
      if (isDash(p)) {
        throw giveUp(); // "- - x"
      }
      if (isKey(p)) {
        pos = p;
        col = p - lineStart(p);
        return mapping(pointer, depth);
      }
      YNode v = inline(p, pointer, depth);
      nextContent();
      return v;
    }
    nextLine(p, dashEnd);
    if (col > column) {
      return ownLine(pointer, depth);
    }
    return empty(pointer, dashEnd);
  }

  /**
   * Moves from {@code p}, after an indicator that ends at {@code indicatorEnd} with nothing but a
   * comment after it on its line, to the next line's content.
   */
  private void nextLine(int p, int indicatorEnd) {
    if (p < n && s.charAt(p) == '#' && p == indicatorEnd) {
      throw giveUp(); // a # touching the indicator starts no comment
    }
    pos = Math.min(n, lineEnd(p) + 1);
    nextContent();
  }

  /** A collection starting on a line of its own. */
  private YNode ownLine(String pointer, int depth) {
    if (isDash(pos)) {
      return sequence(pointer, depth);
    }
    if (isKey(pos)) {
      return mapping(pointer, depth);
    }
    throw giveUp(); // a scalar on its own line may continue: SnakeYAML
  }

  private int lineStart(int p) {
    return s.lastIndexOf('\n', p - 1) + 1;
  }

  private void node(int depth) {
    if (depth > limits.maxDepth()) {
      throw giveUp();
    }
  }

  /** The composing path stops at too many services; so does this one. */
  private void countService(int depth, String key) {
    if (depth == 0) {
      rootKey = key;
    } else if (depth == 1 && "services".equals(rootKey) && ++services > limits.maxContainers()) {
      throw giveUp();
    }
  }

  // ---- keys and scalars

  private int skipSpaces(int p) {
    int q = p;
    while (q < n && s.charAt(q) == ' ') {
      q++;
    }
    return q;
  }

  /** Whether the content at {@code p} is a key followed by {@code ": "} on this line. */
  private boolean isKey(int p) {
    char c = s.charAt(p);
    if (c == '"' || c == '\'') {
      int q = quoteEnd(p);
      return q < n && s.charAt(q) == ':' && isBlankOrEnd(q + 1);
    }
    if (INDICATORS.indexOf(c) >= 0) {
      return false;
    }
    keyAt = p;
    keyColon = plainKeyColon(p);
    return keyColon >= 0;
  }

  /** The {@code :} ending the plain key at {@code p}, or -1 when the line holds no key. */
  private int plainKeyColon(int p) {
    for (int i = p; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '#' && s.charAt(i - 1) == ' ')) {
        return -1;
      }
      if (c == ':' && isBlankOrEnd(i + 1)) {
        if (i - p > MAX_KEY) {
          throw giveUp();
        }
        return i;
      }
    }
    return -1;
  }

  /** The key at {@link #pos}; leaves {@link #pos} after its {@code :}. */
  private YNode.Scalar key(String pointer) {
    int p = pos;
    char c = s.charAt(p);
    if (c == '"' || c == '\'') {
      int q = quoteEnd(p);
      if (q - p > MAX_KEY) {
        throw giveUp();
      }
      pos = q + 1;
      return quoted(pointer, p, q);
    }
    int colon = keyAt == p ? keyColon : plainKeyColon(p); // isKey has mostly scanned it
    pos = colon + 1;
    return plain(pointer, p, trimEnd(p, colon));
  }

  /** An inline value at {@code p}: a scalar or a flow sequence; moves to the next line. */
  private YNode inline(int p, String pointer, int depth) {
    char c = s.charAt(p);
    if (c == '"' || c == '\'') {
      int q = quoteEnd(p);
      YNode.Scalar v = quoted(pointer, p, q);
      endLine(q + 1);
      return v;
    }
    if (c == '[') {
      return flowSequence(p, pointer, depth);
    }
    if (c == '{') {
      return emptyFlowMapping(p, pointer, depth);
    }
    if (INDICATORS.indexOf(c) >= 0) {
      throw giveUp();
    }
    int e = p;
    int end = p;
    while (e < n) {
      char x = s.charAt(e);
      if (x == '\n' || (x == '#' && s.charAt(e - 1) == ' ')) {
        break;
      }
      if (x == ':' && isBlankOrEnd(e + 1)) {
        throw giveUp(); // "a: b: c"
      }
      e++;
      if (x != ' ') {
        end = e;
      }
    }
    YNode.Scalar v = plain(pointer, p, end);
    endLine(end);
    return v;
  }

  /** A one-line flow sequence of scalars starting at the {@code [} at {@code p}. */
  private YNode.Seq flowSequence(int p, String pointer, int depth) {
    enter(depth);
    List<YNode> items = new ArrayList<>();
    int i = skipSpaces(p + 1);
    if (i < n && s.charAt(i) != ']') {
      while (true) {
        node(depth + 1);
        String child = paths.child(pointer, String.valueOf(items.size()));
        char c = i < n ? s.charAt(i) : '\n';
        int next;
        if (c == '"' || c == '\'') {
          int q = quoteEnd(i);
          items.add(quoted(child, i, q));
          next = q + 1;
        } else {
          if (INDICATORS.indexOf(c) >= 0 || c == '\n') {
            throw giveUp();
          }
          int e = i;
          int end = i;
          while (true) {
            char x = e < n ? s.charAt(e) : '\n';
            if (x == ',' || x == ']') {
              break;
            }
            if (x == '\n' || x == '[' || x == '{' || x == '}' || x == '?' || x == '#') {
              throw giveUp();
            }
            if (x == ':' && isFlowValueIndicator(e + 1)) {
              throw giveUp(); // "[a: b]" is a mapping in the sequence
            }
            e++;
            if (x != ' ') {
              end = e;
            }
          }
          items.add(plain(child, i, end));
          next = e;
        }
        i = skipSpaces(next);
        char d = i < n ? s.charAt(i) : '\n';
        if (d == ']') {
          break;
        }
        if (d != ',') {
          throw giveUp();
        }
        i = skipSpaces(i + 1);
        if (i >= n || s.charAt(i) == ']') {
          throw giveUp(); // a trailing comma
        }
      }
    }
    if (i >= n || s.charAt(i) != ']') {
      throw giveUp();
    }
    endLine(i + 1);
    return new YNode.Seq(pointer, p, i + 1, items);
  }

  /**
   * Whether a {@code :} before {@code p} ends a plain scalar in a flow collection: it does before a
   * blank, the line's end or a flow indicator; otherwise it is part of the scalar, as in {@code
   * [no-new-privileges:true]}.
   */
  private boolean isFlowValueIndicator(int p) {
    return p >= n || " \n,[]{}".indexOf(s.charAt(p)) >= 0;
  }

  /**
   * An empty flow mapping, {@code {}} at {@code p}: how a named volume or network without options
   * is usually written. Flow mappings with entries are left to SnakeYAML.
   */
  private YNode.Map emptyFlowMapping(int p, String pointer, int depth) {
    enter(depth);
    int i = skipSpaces(p + 1);
    if (i >= n || s.charAt(i) != '}') {
      throw giveUp();
    }
    endLine(i + 1);
    return new YNode.Map(pointer, p, i + 1, List.of());
  }

  /**
   * The closing quote of the one-line quoted scalar at {@code p}; a double-quoted one with an
   * escape, or one not closed on its line, is left to SnakeYAML.
   */
  private int quoteEnd(int p) {
    char quote = s.charAt(p);
    for (int i = p + 1; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\\' && quote == '"')) {
        throw giveUp();
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
          i++;
          continue;
        }
        return i;
      }
    }
    throw giveUp();
  }

  private int trimEnd(int start, int end) {
    int e = end;
    while (e > start && s.charAt(e - 1) == ' ') {
      e--;
    }
    return e;
  }

  private YNode.Scalar plain(String pointer, int start, int end) {
    String text = s.substring(start, end);
    Tag tag = CoreSchemaFast.INSTANCE.resolvePlain(text);
    return new YNode.Scalar(pointer, start, end, text, YamlScalars.value(text, tag));
  }

  /** The quoted scalar from the quote at {@code start} to the one at {@code close}. */
  private YNode.Scalar quoted(String pointer, int start, int close) {
    String text = s.substring(start + 1, close);
    if (s.charAt(start) == '\'' && text.indexOf('\'') >= 0) {
      text = text.replace("''", "'");
    }
    return new YNode.Scalar(pointer, start, close + 1, text, text);
  }

  /** Giving up: SnakeYAML reads the text instead. */
  private static EventTree.Unsupported giveUp() {
    return EventTree.Unsupported.INSTANCE;
  }

  /** An empty value, where SnakeYAML puts it: just after the indicator before it. */
  private static YNode.Scalar empty(String pointer, int at) {
    return new YNode.Scalar(pointer, at, at, "", null);
  }
}
