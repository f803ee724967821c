package dev.keycard.input;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import dev.keycard.input.Lines.Line;
import dev.keycard.input.Lines.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what a chat message holds outside its code blocks: a line that starts a {@code docker run}
 * (with its {@code \} continuation lines), an inline code span that holds one ({@code `docker run
 * ...`}), a {@code docker run} written in a sentence without backticks, and a compose document
 * pasted without a fence (a {@code services:} line at the left margin and the YAML after it).
 *
 * <p>A command in a sentence runs to the end of its line (before the next code span, without the
 * sentence's closing punctuation); the reader keeps it only up to its image, as the words after
 * the image are mostly more prose. Every matcher here is linear in the line: RE2J, or a scan by
 * hand.
 */
final class ProseSnippets {
  /**
   * Where a command starts inside a line: {@code docker run} (or {@code sudo docker run}, {@code
   * podman run}, {@code docker container create}, global options between) after a blank, an opening
   * bracket or the start of the line.
   */
  private static final Pattern IN_SENTENCE =
      Pattern.compile(
          "(?:^|[\\s(\\[\"'])((?:sudo[ \\t]+(?:-\\S+[ \\t]+)*)?(?:\\S*/)?(?:docker|podman)[ \\t]+(?:-\\S+(?:[ \\t]+[^-\\s]\\S*)?[ \\t]+)*(?:container[ \\t]+)?(?:run|create))(?:$|[^\\pL\\pN_])");

  private static final Pattern YAML_KEY = Pattern.compile("^[A-Za-z0-9_.-]+:(?:\\s|$)");

  private static final String CLOSING_PUNCTUATION = ".,;:!?)\"'";

  private ProseSnippets() {}

  /** What was found: its kind, its source, and where its options start (for a sentence). */
  record Found(Snippet snippet, ChatMessage.Kind kind, int optionsFrom) {}

  /** The snippets of the lines outside code blocks, in message order. */
  static List<Found> find(String message, List<Line> lines, boolean[] inBlock) {
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Budget.current().tick();
      if (inBlock[i]) {
        continue;
      }
      Line line = lines.get(i);
      Quote q = Lines.quote(message, line);
      String content = message.substring(q.contentStart(), line.end());
      if (q.depth() == 0 && isServicesLine(content)) {
        int end = yamlEnd(message, lines, inBlock, i);
        out.add(new Found(new Snippet(lineSource(message, lines.subList(i, end), 0), "yaml"),
            ChatMessage.Kind.YAML, 0));
        i = end - 1;
        continue;
      }
      if (SnippetExtractor.startsCommand(content)) {
        int end = i + 1;
        while (end < lines.size() && !inBlock[end] && continues(message, lines.get(end - 1))
            && Lines.quote(message, lines.get(end)).depth() == q.depth()) {
          end++;
        }
        out.add(new Found(new Snippet(lineSource(message, lines.subList(i, end), q.depth()), "sh"),
            ChatMessage.Kind.LINE, 0));
        i = end - 1;
        continue;
      }
      inLine(message, q.contentStart(), line.end(), out);
    }
    return out;
  }

  /** The inline code spans holding a command, and a command in the sentence around them. */
  private static void inLine(String message, int from, int end, List<Found> out) {
    int prose = from;
    boolean sentenceTaken = false;
    for (int i = tickAt(message, from, end); i < end; i = tickAt(message, i, end)) {
      int run = runEnd(message, i, end);
      int ticks = run - i;
      int close = closingRun(message, run, end, ticks);
      if (close < 0) {
        i = run; // no span: the backticks are literal
        continue;
      }
      if (!sentenceTaken) {
        sentenceTaken = sentence(message, prose, i, out);
      }
      int contentStart = run;
      int contentEnd = close;
      if (contentEnd - contentStart >= 2
          && message.charAt(contentStart) == ' '
          && message.charAt(contentEnd - 1) == ' ') {
        contentStart++;
        contentEnd--;
      }
      if (SnippetExtractor.startsCommand(message.substring(contentStart, contentEnd))) {
        out.add(new Found(new Snippet(range(message, contentStart, contentEnd), "sh"),
            ChatMessage.Kind.INLINE, 0));
      }
      i = close + ticks;
      prose = i;
    }
    if (!sentenceTaken) {
      sentence(message, prose, end, out);
    }
  }

  /** The offset of the backtick run of exactly {@code ticks} that closes a span, or -1. */
  private static int closingRun(String message, int from, int end, int ticks) {
    for (int i = tickAt(message, from, end); i < end; i = tickAt(message, i, end)) {
      int run = runEnd(message, i, end);
      if (run - i == ticks) {
        return i;
      }
      i = run;
    }
    return -1;
  }

  /** The offset of the first backtick in {@code [from, end)}, or {@code end}. */
  private static int tickAt(String message, int from, int end) {
    int i = from;
    while (i < end && message.charAt(i) != '`') {
      i++;
    }
    return i;
  }

  /** The end of the run of backticks that starts at {@code from}. */
  private static int runEnd(String message, int from, int end) {
    int run = from;
    while (run < end && message.charAt(run) == '`') {
      run++;
    }
    return run;
  }

  /** A command written in the prose {@code [from, end)}; whether one was found. */
  private static boolean sentence(String message, int from, int end, List<Found> out) {
    if (end <= from) {
      return false;
    }
    String text = message.substring(from, end);
    Matcher m = IN_SENTENCE.matcher(text);
    if (!m.find()) {
      return false;
    }
    int start = from + m.start(1);
    int options = from + m.end(1);
    int stop = end;
    while (stop > options && (Character.isWhitespace(message.charAt(stop - 1))
        || CLOSING_PUNCTUATION.indexOf(message.charAt(stop - 1)) >= 0)) {
      stop--;
    }
    Source s = range(message, start, stop);
    out.add(new Found(new Snippet(s, "sh"), ChatMessage.Kind.SENTENCE, options - start));
    return true;
  }

  /** A {@code services:} line, alone at the left margin (a comment may follow). */
  private static boolean isServicesLine(String content) {
    if (!content.startsWith("services:")) {
      return false;
    }
    String rest = content.substring("services:".length()).strip();
    return rest.isEmpty() || rest.startsWith("#");
  }

  /**
   * The end of a compose document pasted without a fence: it goes on through blank, indented,
   * comment and list lines and top-level keys, and stops at prose at the left margin.
   */
  private static int yamlEnd(String message, List<Line> lines, boolean[] inBlock, int from) {
    int end = from + 1;
    int last = from + 1;
    while (end < lines.size() && !inBlock[end]) {
      Line l = lines.get(end);
      String t = l.text(message);
      if (Lines.blank(message, l)) {
        end++;
        continue;
      }
      char c = t.charAt(0);
      boolean yaml =
          c == ' ' || c == '\t' || c == '#' || c == '-' || YAML_KEY.matcher(t).find();
      if (!yaml) {
        break;
      }
      end++;
      last = end;
    }
    return last;
  }

  /** Whether a command line goes on on the next line: it ends with a backslash. */
  private static boolean continues(String message, Line line) {
    int e = line.end();
    while (e > line.start() && (message.charAt(e - 1) == ' ' || message.charAt(e - 1) == '\t')) {
      e--;
    }
    return e > line.start() && message.charAt(e - 1) == '\\';
  }

  /** Lines without {@code depth} blockquote markers, as one source with its offset map. */
  private static Source lineSource(String message, List<Line> lines, int depth) {
    List<Source> parts = new ArrayList<>();
    for (Line l : lines) {
      int start = l.start();
      if (depth > 0) {
        start = Lines.quote(message, l).contentStart();
      }
      parts.add(range(message, start, l.next()));
    }
    return Source.join(message, parts);
  }

  /** The characters {@code message[from, to)} as a source positioned in the message. */
  static Source range(String message, int from, int to) {
    int[] map = new int[to - from + 1];
    for (int k = 0; k < map.length; k++) {
      map[k] = from + k;
    }
    return Source.extracted(message, message.substring(from, to), map);
  }
}
