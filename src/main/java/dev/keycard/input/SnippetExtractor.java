package dev.keycard.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})[ \\t]*([^`\\s]*)[^`]*$");
  private static final Pattern COMMAND_LINE =
      Pattern.compile(
          "^[ \\t]*(?:[$>][ \\t]+)?(?:sudo[ \\t]+(?:-\\S+[ \\t]+)*)?(?:\\S*/)?(?:docker|podman)[ \\t]+(?:-\\S+(?:[ \\t]+[^-\\s]\\S*)?[ \\t]+)*(?:container[ \\t]+)?(?:run|create)\\b");
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
      String line = text(message, lines.get(i));
      Matcher open = FENCE.matcher(line);
      if (!open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      String fence = open.group(2);
      String lang = open.group(3).toLowerCase(Locale.ROOT);
      int end = i + 1;
      while (end < lines.size() && !closes(text(message, lines.get(end)), fence)) {
        end++;
      }
      out.add(new Snippet(body(message, lines.subList(i + 1, end), indent), lang));
      i = end;
    }
    return out;
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
