package dev.keycard.input;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * Decides the format of one document or snippet. In order: a fenced Markdown block is taken out of
 * the message; text starting with <code>{</code> or {@code [} is JSON (compose when it has a
 * top-level {@code services} key, else engine-api); a first line that runs {@code docker} or
 * {@code podman} (after {@code NAME=value} assignments, {@code sudo}, a prompt) is a command;
 * anything that reads as a YAML mapping is compose; prose with a {@code docker run} line somewhere
 * is that command; everything else is handed to the compose parser. A whole chat message with
 * several snippets is read by {@link InputReader} through {@link ChatMessage}.
 */
public final class FormatDetector {
  // RE2J (linear time), with java.util.regex's \s spelt out ([ \t\n\x0B\f\r]: RE2's lacks \x0B),
  // and its $ too (it also matches before a line break that ends the text)
  private static final Pattern YAML_KEY =
      Pattern.compile(
          "^[\"']?[A-Za-z0-9_.<-][^:# \\t\\n\\x0B\\f\\r]*[\"']?:([ \\t\\n\\x0B\\f\\r]|"
              + "(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?$)");
  private static final Pattern COMMAND_WORD =
      Pattern.compile(
          "[ \\t\\n\\x0B\\f\\r]*(?:[$#>][ \\t\\n\\x0B\\f\\r]+)?(?:sudo[ \\t\\n\\x0B\\f\\r]+)?[^ \\t\\n\\x0B\\f\\r]*(?:docker|podman)\\b");
  private static final Pattern JSON_SERVICES =
      Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*\\{[ \\t\\n\\x0B\\f\\r]*\"services\"[ \\t\\n\\x0B\\f\\r]*:");

  private FormatDetector() {}

  /** Detects the format of {@code message}; {@code requested} wins when it is not null. */
  public static Detection detect(String message, InputFormat requested) {
    Snippet fenced = SnippetExtractor.fenced(message);
    Snippet snippet = fenced != null ? fenced : new Snippet(Source.of(message), "");
    if (requested != null) {
      if (requested == InputFormat.DOCKER_RUN && fenced == null) {
        Snippet cmd = commandSnippet(message);
        if (cmd != null) {
          snippet = cmd;
        }
      }
      return new Detection(requested, snippet);
    }
    InputFormat byLanguage = byLanguage(snippet.language());
    if (byLanguage != null) {
      return new Detection(byLanguage, snippet);
    }
    String text = snippet.source().text();
    InputFormat byContent = byContent(text);
    if (byContent != null) {
      return new Detection(byContent, snippet);
    }
    if (fenced == null) {
      Snippet cmd = SnippetExtractor.commandInProse(message);
      if (cmd != null) {
        return new Detection(InputFormat.DOCKER_RUN, cmd);
      }
    }
    return new Detection(InputFormat.COMPOSE, snippet);
  }

  private static Snippet commandSnippet(String message) {
    String first = firstMeaningfulLine(message);
    if (first != null && SnippetExtractor.startsCommand(first)) {
      return null;
    }
    return SnippetExtractor.commandInProse(message);
  }

  /** The format a fence's language tag names, or null when it names none. */
  static InputFormat byLanguage(String language) {
    return switch (language.toLowerCase(Locale.ROOT)) {
      case "yaml", "yml", "compose", "docker-compose" -> InputFormat.COMPOSE;
      case "bash", "sh", "shell", "console", "shell-session", "zsh" -> InputFormat.DOCKER_RUN;
      case "json" -> null;
      default -> null;
    };
  }

  /** Whether the text is JSON by its first character (after blanks and a byte-order mark). */
  static boolean isJson(String text) {
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).stripLeading();
    }
    return t.startsWith("{") || t.startsWith("[");
  }

  /** The format the text itself shows, or null when it shows none clearly. */
  static InputFormat byContent(String text) {
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).stripLeading();
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      return JSON_SERVICES.matcher(t).find() ? InputFormat.COMPOSE : InputFormat.ENGINE_API;
    }
    String first = firstMeaningfulLine(t);
    if (first == null) {
      return null;
    }
    if (SnippetExtractor.startsCommand(first) || COMMAND_WORD.matcher(first).lookingAt()) {
      return InputFormat.DOCKER_RUN;
    }
    if (YAML_KEY.matcher(first.strip()).find() || first.strip().startsWith("---")) {
      return InputFormat.COMPOSE;
    }
    return null;
  }

  /** The first line that is neither blank nor a comment. */
  private static String firstMeaningfulLine(String text) {
    int start = 0;
    for (int n = 0; n < 200 && start < text.length(); n++) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(start, end);
      String s = line.strip();
      if (!s.isEmpty() && !(s.startsWith("#") && !s.startsWith("# docker") && !s.startsWith("# podman"))) {
        return line;
      }
      start = end + 1;
    }
    return null;
  }
}
