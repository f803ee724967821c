package dev.keycard.input;

import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import dev.keycard.input.Lines.Line;
import dev.keycard.input.Lines.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the code blocks of what a chat user pasted: fenced Markdown blocks ({@code ```yaml} ...
 * {@code ```}, also {@code ~~~}, also indented inside a list item, also inside a blockquote
 * {@code > ```yaml}) and indented code blocks. Each block's text keeps an offset map, so positions
 * point into the message.
 *
 * <p>Grammar of a fence (CommonMark): after the line's blockquote markers, up to three spaces,
 * three or more backticks or tildes, an optional info string; the block ends at a line of the same
 * blockquote depth with the same fence character repeated at least as often, at a line of a
 * smaller blockquote depth, or at the end of the message. Its body loses the blockquote markers
 * and up to as many spaces as the opening fence was indented. An indented code block is a run of
 * lines indented four columns or more (blank lines inside it included) after a blank line or the
 * start of the message, outside any blockquote; its body loses the indentation its lines share.
 */
public final class SnippetExtractor {
  /** Leading {@code NAME=value} words of a command, as sh reads them. */
  private static final String ASSIGNMENTS = "(?:[A-Za-z_][A-Za-z0-9_]*=\\S*[ \\t]+)*";

  /**
   * A line that starts a command. RE2J, not {@code java.util.regex}: its repeated groups ({@code
   * docker --host x --host x ... run}) recursed once per repeat in the JDK's matcher and overflowed
   * the stack on 2,048 of them; RE2J matches in time linear in the line, without recursion. Its
   * {@code \\b} knows only ASCII, so the word's end is spelled as the JDK's is. {@code NAME=value}
   * assignments may come first, before and after {@code sudo}, as sh reads them.
   */
  private static final Pattern COMMAND_LINE =
      Pattern.compile(
          "^[ \\t]*(?:[$>][ \\t]+)?"
              + ASSIGNMENTS
              + "(?:sudo[ \\t]+(?:-\\S+[ \\t]+)*)?"
              + ASSIGNMENTS
              + "(?:\\S*/)?(?:docker|podman)[ \\t]+(?:-\\S+(?:[ \\t]+[^-\\s]\\S*)?[ \\t]+)*(?:container[ \\t]+)?(?:run|create)(?:$|[^\\pL\\pN_])");

  static final Set<String> LANGUAGES =
      Set.of(
          "", "yaml", "yml", "compose", "docker-compose", "json", "bash", "sh", "shell", "console",
          "shell-session", "zsh", "text", "plaintext", "kubernetes", "k8s");

  /** A code block of a message and the lines it takes, {@code [firstLine, endLine)}. */
  record Block(Snippet snippet, boolean fenced, int firstLine, int endLine) {}

  private SnippetExtractor() {}

  /** The first fenced block in a language Keycard reads, or null when there is none. */
  public static Snippet fenced(String message) {
    if (!message.contains("```") && !message.contains("~~~")) {
      return null; // most inputs are plain documents: skip the line scan
    }
    for (Snippet b : fencedBlocks(message)) {
      if (LANGUAGES.contains(b.language())) {
        return b;
      }
    }
    return null;
  }

  /**
   * In prose, the message from the first line that starts a {@code docker run} command (a root
   * {@code #} prompt is not taken, as in YAML it starts a comment); null when there is none.
   */
  public static Snippet commandInProse(String message) {
    for (Line l : Lines.of(message)) {
      Budget.current().tick();
      if (COMMAND_LINE.matcher(l.text(message)).find()) {
        String text = message.substring(l.start());
        int[] map = new int[text.length() + 1];
        for (int k = 0; k <= text.length(); k++) {
          map[k] = l.start() + k;
        }
        return new Snippet(Source.extracted(message, text, map), "sh");
      }
    }
    return null;
  }

  /** Whether the line starts a docker run / create command, after an optional prompt. */
  public static boolean startsCommand(String line) {
    return COMMAND_LINE.matcher(line).find();
  }

  /** Whether some line of {@code text} starts a docker run / create command. */
  static boolean hasCommand(String text) {
    for (Line l : Lines.of(text)) {
      Budget.current().tick();
      if (startsCommand(l.text(text))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the message has a line that opens a fence (in a blockquote too). */
  static boolean hasFence(String message) {
    if (!message.contains("```") && !message.contains("~~~")) {
      return false;
    }
    for (Line l : Lines.of(message)) {
      Budget.current().tick();
      Quote q = Lines.quote(message, l);
      if (Fence.of(message.substring(q.contentStart(), l.end())) != null) {
        return true;
      }
    }
    return false;
  }

  /** Every fenced block in the message, in order. */
  static List<Snippet> fencedBlocks(String message) {
    List<Snippet> out = new ArrayList<>();
    for (Block b : blocks(message, Lines.of(message))) {
      if (b.fenced()) {
        out.add(b.snippet());
      }
    }
    return out;
  }

  /** Every fenced and indented code block of the message, in order. */
  static List<Block> blocks(String message, List<Line> lines) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Budget.current().tick();
      Line line = lines.get(i);
      Quote q = Lines.quote(message, line);
      Fence open = Fence.of(message.substring(q.contentStart(), line.end()));
      if (open != null) {
        int end = i + 1;
        while (end < lines.size() && inside(message, lines.get(end), q.depth(), open)) {
          end++;
        }
        boolean closed =
            end < lines.size() && Lines.quote(message, lines.get(end)).depth() == q.depth();
        Line closing = closed ? lines.get(end) : null;
        Source body = body(message, lines.subList(i + 1, end), closing, q.depth(), open.indent());
        String lang = open.language().toLowerCase(Locale.ROOT);
        out.add(new Block(new Snippet(body, lang), true, i, closed ? end + 1 : end));
        i = closed ? end : end - 1;
        continue;
      }
      boolean afterBlank = i == 0 || Lines.blank(message, lines.get(i - 1));
      if (afterBlank && q.depth() == 0 && indented(message, line)) {
        int end = i + 1;
        while (end < lines.size()
            && (Lines.blank(message, lines.get(end)) || indented(message, lines.get(end)))) {
          end++;
        }
        while (end > i + 1 && Lines.blank(message, lines.get(end - 1))) {
          end--;
        }
        out.add(new Block(indentedBody(message, lines.subList(i, end)), false, i, end));
        i = end - 1;
      }
    }
    return out;
  }

  /** Whether a line belongs to a fenced block opened at blockquote depth {@code depth}. */
  private static boolean inside(String message, Line line, int depth, Fence open) {
    Quote q = Lines.quote(message, line);
    if (q.depth() < depth) {
      return false; // the blockquote ended, and the block with it
    }
    int contentStart = contentStart(message, line, depth);
    return !closes(message.substring(contentStart, line.end()), open.fence());
  }

  private static boolean indented(String message, Line line) {
    return !Lines.blank(message, line) && Lines.indent(message, line.start(), line.end()) >= 4;
  }

  /**
   * An opening fence: up to three spaces, three or more backticks or tildes, blanks, a language
   * word, and nothing after the fence holding a backtick. Read by hand: as a regular expression
   * ({@code [^`\\s]*[^`]*$}) a long line with a backtick at its end took quadratic time to refuse,
   * 39 s for 100,000 characters.
   */
  record Fence(int indent, String fence, String language) {
    static Fence of(String line) {
      int i = 0;
      while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
        i++;
      }
      if (i > 3 || i >= line.length()) {
        return null;
      }
      char c = line.charAt(i);
      if (c != '`' && c != '~') {
        return null;
      }
      int end = i;
      while (end < line.length() && line.charAt(end) == c) {
        end++;
      }
      if (end - i < 3 || line.indexOf('`', end) >= 0) {
        return null;
      }
      int lang = end;
      while (lang < line.length() && (line.charAt(lang) == ' ' || line.charAt(lang) == '\t')) {
        lang++;
      }
      int langEnd = lang;
      while (langEnd < line.length() && !isSpace(line.charAt(langEnd))) {
        langEnd++;
      }
      return new Fence(i, line.substring(i, end), line.substring(lang, langEnd));
    }

    /** {@code \\s} of {@code java.util.regex}. */
    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
  }

  private static boolean closes(String line, String fence) {
    String t = line.strip();
    return t.length() >= fence.length()
        && t.chars().allMatch(c -> c == fence.charAt(0))
        && line.indexOf(fence.charAt(0)) <= 3;
  }

  /** Where a line's content starts after {@code depth} blockquote markers (fewer if it has fewer). */
  private static int contentStart(String message, Line line, int depth) {
    int at = line.start();
    for (int d = 0; d < depth; d++) {
      int j = at;
      while (j < line.end() && j - at < 3 && message.charAt(j) == ' ') {
        j++;
      }
      if (j >= line.end() || message.charAt(j) != '>') {
        return at;
      }
      j++;
      if (j < line.end() && (message.charAt(j) == ' ' || message.charAt(j) == '\t')) {
        j++;
      }
      at = j;
    }
    return at;
  }

  /**
   * The block's lines without their blockquote markers and up to {@code indent} leading spaces,
   * and the offset map. The body's end maps to where the closing fence line's own text starts, so
   * that a line added at the end of the body goes after that line's markers.
   */
  private static Source body(
      String message, List<Line> lines, Line closing, int depth, int indent) {
    StringBuilder text = new StringBuilder();
    List<Integer> map = new ArrayList<>();
    for (Line l : lines) {
      int start = afterIndent(message, l, depth, indent);
      for (int k = start; k < l.next(); k++) {
        text.append(message.charAt(k));
        map.add(k);
      }
    }
    int end =
        closing != null
            ? afterIndent(message, closing, depth, indent)
            : lines.isEmpty() ? 0 : lines.get(lines.size() - 1).next();
    return extracted(message, text, map, end);
  }

  /** Where a body line's text starts: after its markers and up to {@code indent} spaces. */
  private static int afterIndent(String message, Line l, int depth, int indent) {
    int start = contentStart(message, l, depth);
    int strip = 0;
    while (strip < indent && start + strip < l.end() && message.charAt(start + strip) == ' ') {
      strip++;
    }
    return start + strip;
  }

  /** An indented block's lines without the indentation they share, and the offset map. */
  private static Snippet indentedBody(String message, List<Line> lines) {
    int common = Integer.MAX_VALUE;
    for (Line l : lines) {
      if (!Lines.blank(message, l)) {
        int spaces = 0;
        while (l.start() + spaces < l.end() && message.charAt(l.start() + spaces) == ' ') {
          spaces++;
        }
        common = Math.min(common, spaces);
      }
    }
    int strip = common == Integer.MAX_VALUE || common < 4 ? 4 : common;
    StringBuilder text = new StringBuilder();
    List<Integer> map = new ArrayList<>();
    for (Line l : lines) {
      int skip = 0;
      while (skip < strip && l.start() + skip < l.end()) {
        char c = message.charAt(l.start() + skip);
        if (c != ' ' && c != '\t') {
          break;
        }
        skip++;
        if (c == '\t') {
          break; // a tab is a whole indentation step
        }
      }
      for (int k = l.start() + skip; k < l.next(); k++) {
        text.append(message.charAt(k));
        map.add(k);
      }
    }
    int end = lines.get(lines.size() - 1).next();
    return new Snippet(extracted(message, text, map, end), "");
  }

  private static Source extracted(
      String message, StringBuilder text, List<Integer> map, int endOffset) {
    int[] toOriginal = new int[text.length() + 1];
    for (int k = 0; k < map.size(); k++) {
      toOriginal[k] = map.get(k);
    }
    toOriginal[text.length()] = endOffset;
    return Source.extracted(message, text.toString(), toOriginal);
  }
}
