package dev.keycard.input;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * Decides the format of one document or snippet. In order: a fenced Markdown block is taken out of
 * the message; a YAML or JSON document with top-level {@code apiVersion} and {@code kind} keys is
 * a Kubernetes manifest (a stream of them too, and a Helm template, which its parser refuses with a
 * hint); other text starting with <code>{</code> or {@code [} is JSON (compose when it has a
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
    if (byLanguage == InputFormat.COMPOSE
        && !isComposeTag(snippet.language())
        && isKubernetes(snippet.source().text())) {
      return new Detection(InputFormat.KUBERNETES, snippet); // a ```yaml block holding a manifest
    }
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
      case "kubernetes", "k8s" -> InputFormat.KUBERNETES;
      case "bash", "sh", "shell", "console", "shell-session", "zsh" -> InputFormat.DOCKER_RUN;
      case "json" -> null;
      default -> null;
    };
  }

  /** Whether a fence's tag names compose itself rather than YAML in general. */
  static boolean isComposeTag(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    return l.equals("compose") || l.equals("docker-compose");
  }

  /**
   * Whether the text is a Kubernetes manifest or a stream of them: JSON whose top-level object has
   * {@code apiVersion} and {@code kind} members, or YAML with {@code apiVersion:} and {@code kind:}
   * keys at the left margin (no compose file has either). One pass over the text.
   */
  public static boolean isKubernetes(String text) {
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).stripLeading();
    }
    if (t.startsWith("[")) {
      return false;
    }
    if (t.startsWith("{") && !t.startsWith("{{")) {
      return jsonTopLevelKeys(t); // a Helm template may start with {{- if ... }}: YAML below
    }
    boolean apiVersion = false;
    boolean kind = false;
    int i = 0;
    int n = t.length();
    while (i < n && !(apiVersion && kind)) {
      int end = t.indexOf('\n', i);
      end = end < 0 ? n : end;
      apiVersion |= isMarginKey(t, i, end, "apiVersion");
      kind |= isMarginKey(t, i, end, "kind");
      i = end + 1;
    }
    return apiVersion && kind;
  }

  /** {@code key:} (or {@code "key":}, {@code 'key':}) at the start of the line {@code [from, to)}. */
  private static boolean isMarginKey(String t, int from, int to, String key) {
    int i = from;
    char q = i < to ? t.charAt(i) : 0;
    if (q == '"' || q == '\'') {
      i++;
    } else {
      q = 0;
    }
    if (!t.startsWith(key, i)) {
      return false;
    }
    i += key.length();
    if (q != 0) {
      if (i >= to || t.charAt(i) != q) {
        return false;
      }
      i++;
    }
    if (i >= to || t.charAt(i) != ':') {
      return false;
    }
    return i + 1 >= to || t.charAt(i + 1) == ' ' || t.charAt(i + 1) == '\t' || t.charAt(i + 1) == '\r';
  }

  /** Whether a JSON object's own members (not nested ones) include "apiVersion" and "kind". */
  private static boolean jsonTopLevelKeys(String t) {
    boolean apiVersion = false;
    boolean kind = false;
    int depth = 0;
    boolean expectKey = false;
    int n = t.length();
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c == '"') {
        int start = i + 1;
        i++;
        while (i < n && t.charAt(i) != '"') {
          i += t.charAt(i) == '\\' ? 2 : 1;
        }
        if (depth == 1 && expectKey) {
          int end = Math.min(i, n);
          apiVersion |= t.regionMatches(start, "apiVersion", 0, 10) && end - start == 10;
          kind |= t.regionMatches(start, "kind", 0, 4) && end - start == 4;
          if (apiVersion && kind) {
            return true;
          }
        }
        expectKey = false;
      } else if (c == '{' || c == '[') {
        depth++;
        expectKey = c == '{';
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth <= 0) {
          return false;
        }
      } else if (c == ',') {
        expectKey = depth == 1 || expectKey;
      }
    }
    return false;
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
    if (isKubernetes(t)) {
      return InputFormat.KUBERNETES;
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
