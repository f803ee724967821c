package dev.keycard.input;

import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the input inside what a chat user pasted: a fenced Markdown block ({@code ```yaml} ...
 * {@code ```}, also {@code ~~~}, also indented inside a list item) or a {@code docker run} line with
 * prose around it. The extracted text keeps an offset map, so positions point into the message.
 *
 * <p>Grammar of a fence (CommonMark): up to three spaces, three or more backticks or tildes, an
 * optional info string; the block ends at a line with the same fence character repeated at least
 * as often, or at the end of the message.
 */
public final class SnippetExtractor {
  /**
   * A line that starts a command. RE2J, not {@code java.util.regex}: its repeated groups ({@code
   * docker --host x --host x ... run}) recursed once per repeat in the JDK's matcher and overflowed
   * the stack on 2,048 of them; RE2J matches in time linear in the line, without recursion. Its
   * {@code \\b} knows only ASCII, so the word's end is spelled as the JDK's is.
   */
  private static final Pattern COMMAND_LINE =
      Pattern.compile(
          "^[ \\t]*(?:[$>][ \\t]+)?(?:sudo[ \\t]+(?:-\\S+[ \\t]+)*)?(?:\\S*/)?(?:docker|podman)[ \\t]+(?:-\\S+(?:[ \\t]+[^-\\s]\\S*)?[ \\t]+)*(?:container[ \\t]+)?(?:run|create)(?:$|[^\\pL\\pN_])");
  private static final Set<String> LANGUAGES =
      Set.of(
          "", "yaml", "yml", "compose", "docker-compose", "json", "bash", "sh", "shell", "console",
          "shell-session", "zsh", "text", "plaintext");

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
    for (int[] l : lines(message)) {
      Budget.current().tick();
      if (COMMAND_LINE.matcher(text(message, l)).find()) {
        String text = message.substring(l[0]);
        int[] map = new int[text.length() + 1];
        for (int k = 0; k <= text.length(); k++) {
          map[k] = l[0] + k;
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

  /** Every fenced block in the message, in order. */
  static List<Snippet> fencedBlocks(String message) {
    List<Snippet> out = new ArrayList<>();
    List<int[]> lines = lines(message);
    for (int i = 0; i < lines.size(); i++) {
      Budget.current().tick();
      String line = text(message, lines.get(i));
      Fence open = Fence.of(line);
      if (open == null) {
        continue;
      }
      int indent = open.indent();
      String fence = open.fence();
      String lang = open.language().toLowerCase(Locale.ROOT);
      int end = i + 1;
      while (end < lines.size() && !closes(text(message, lines.get(end)), fence)) {
        end++;
      }
      out.add(new Snippet(body(message, lines.subList(i + 1, end), indent), lang));
      i = end;
    }
    return out;
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

  /** The block's lines with up to {@code indent} leading spaces removed, and the offset map. */
  private static Source body(String message, List<int[]> lines, int indent) {
    StringBuilder text = new StringBuilder();
    List<Integer> map = new ArrayList<>();
    int endOffset = lines.isEmpty() ? 0 : lines.get(lines.size() - 1)[2];
    for (int[] l : lines) {
      int start = l[0];
      int strip = 0;
      while (strip < indent && start + strip < l[1] && message.charAt(start + strip) == ' ') {
        strip++;
      }
      for (int k = start + strip; k < l[2]; k++) {
        text.append(message.charAt(k));
        map.add(k);
      }
    }
    if (lines.isEmpty()) {
      return Source.extracted(message, "", new int[] {0});
    }
    int[] toOriginal = new int[text.length() + 1];
    for (int k = 0; k < map.size(); k++) {
      toOriginal[k] = map.get(k);
    }
    toOriginal[text.length()] = endOffset;
    return Source.extracted(message, text.toString(), toOriginal);
  }

  /** [start, end without line break, end with line break] of every line. */
  private static List<int[]> lines(String s) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        int end = i > start && s.charAt(i - 1) == '\r' ? i - 1 : i;
        out.add(new int[] {start, end, i + 1});
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(new int[] {start, s.length(), s.length()});
    }
    return out;
  }

  private static String text(String s, int[] line) {
    return s.substring(line[0], line[1]);
  }
}
