package dev.keycard.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides the format of one document or snippet among the registered formats. In order: a fenced
 * Markdown block is taken out of the message, and its language tag decides when one format claims
 * it; else every format says how sure it is that the text is in it ({@link InputFormat#detect}) and
 * the surest wins (the first registered on a tie); prose with a {@code docker run} line somewhere
 * is that command (the format that {@linkplain InputFormat#readsCommands reads commands}); anything
 * else goes to the fallback format, whose parser says what is wrong. A whole chat message
 * with several snippets is read by {@link InputReader} through {@link ChatMessage}.
 */
public final class FormatDetector {
  private final List<InputFormat> formats;
  private final InputFormat fallback;
  private final InputFormat commands;

  /**
   * A detector over {@code formats}, in registry order; {@code fallback} (one of them) reads what
   * no format recognises.
   */
  public FormatDetector(List<? extends InputFormat> formats, InputFormat fallback) {
    if (!formats.contains(fallback)) {
      throw new IllegalArgumentException("the fallback format is not registered");
    }
    this.formats = List.copyOf(formats);
    this.fallback = fallback;
    this.commands = this.formats.stream().filter(InputFormat::readsCommands).findFirst().orElse(null);
  }

  /** The registered formats, in registry order. */
  public List<InputFormat> formats() {
    return formats;
  }

  /** The format a text in no recognisable format is handed to, whose parser says what is wrong. */
  public InputFormat fallback() {
    return fallback;
  }

  /** The format that reads shell command lines, or null when none does. */
  public InputFormat commands() {
    return commands;
  }

  /** The format whose API name is {@code name} (any case, blanks around ignored), or null. */
  public InputFormat byName(String name) {
    if (name == null) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (InputFormat f : formats) {
      if (f.apiName().equals(n)) {
        return f;
      }
    }
    return null;
  }

  /** Detects the format of {@code message}; {@code requested} wins when it is not null. */
  public Detection detect(String message, InputFormat requested) {
    Snippet fenced = SnippetExtractor.fenced(message);
    Snippet snippet = fenced != null ? fenced : new Snippet(Source.of(message), "");
    if (requested != null) {
      if (requested.readsCommands() && fenced == null) {
        Snippet cmd = commandSnippet(message);
        if (cmd != null) {
          snippet = cmd;
        }
      }
      return new Detection(requested, snippet);
    }
    String text = snippet.source().text();
    InputFormat byLanguage = byLanguage(snippet.language(), text);
    if (byLanguage != null) {
      return new Detection(byLanguage, snippet);
    }
    InputFormat byContent = byContent(text);
    if (byContent != null) {
      return new Detection(byContent, snippet);
    }
    if (fenced == null && commands != null) {
      Snippet cmd = SnippetExtractor.commandInProse(message);
      if (cmd != null) {
        return new Detection(commands, cmd);
      }
    }
    return new Detection(fallback(), snippet);
  }

  private static Snippet commandSnippet(String message) {
    String first = firstMeaningfulLine(message);
    if (first != null && SnippetExtractor.startsCommand(first)) {
      return null;
    }
    return SnippetExtractor.commandInProse(message);
  }

  /**
   * The format a fence's language tag names, or null when it names none: the one format that claims
   * the language, or among several the one {@code text} fits best (the first of them when it fits
   * none).
   */
  public InputFormat byLanguage(String language, String text) {
    String l = language.toLowerCase(Locale.ROOT);
    List<InputFormat> claiming = new ArrayList<>(2);
    for (InputFormat f : formats) {
      if (f.fenceLanguages().contains(l)) {
        claiming.add(f);
      }
    }
    if (claiming.size() <= 1) {
      return claiming.isEmpty() ? null : claiming.get(0);
    }
    InputFormat best = best(claiming, text, 1);
    return best != null ? best : claiming.get(0);
  }

  /** The format the text itself shows, or null when it shows none. */
  public InputFormat byContent(String text) {
    return best(formats, text, 1);
  }

  /**
   * The format whose markers an untagged block of a chat message carries ({@link
   * InputFormat#claimsBlock}), the one the text fits best when several do; null when none does.
   */
  public InputFormat claimingBlock(String text) {
    InputFormat best = null;
    int confidence = -1;
    for (InputFormat f : formats) {
      if (f.claimsBlock(text)) {
        int c = f.detect(text).confidence();
        if (c > confidence) {
          best = f;
          confidence = c;
        }
      }
    }
    return best;
  }

  /**
   * Whether {@code format} is sure that {@code text} is in it ({@link InputFormat.Guess#SURE}):
   * then its parser's errors are the answer, and the text is not read again as a chat message.
   */
  public static boolean sure(InputFormat format, String text) {
    return isJson(text) || format.detect(text).confidence() >= InputFormat.Guess.SURE;
  }

  private static InputFormat best(List<InputFormat> among, String text, int atLeast) {
    InputFormat best = null;
    int confidence = atLeast - 1;
    for (InputFormat f : among) {
      int c = f.detect(text).confidence();
      if (c > confidence) {
        best = f;
        confidence = c;
      }
    }
    return best;
  }

  /** Whether the text is JSON by its first character (after blanks and a byte-order mark). */
  public static boolean isJson(String text) {
    String t = withoutBom(text);
    return t.startsWith("{") || t.startsWith("[");
  }

  /** The text without leading blanks and byte-order mark. */
  public static String withoutBom(String text) {
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).stripLeading();
    }
    return t;
  }

  /** The first line that is neither blank nor a comment (a {@code # docker} line counts). */
  public static String firstMeaningfulLine(String text) {
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
