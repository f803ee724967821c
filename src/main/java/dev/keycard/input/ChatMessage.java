package dev.keycard.input;

import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import dev.keycard.input.Lines.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every snippet of a chat message that holds a container spec, in message order: fenced blocks
 * (blockquoted ones too), indented code blocks, lines and inline code spans that start a {@code
 * docker run}, a {@code docker run} in a sentence, and a compose document pasted without a fence.
 *
 * <p>A block is taken by its language tag when it has one Keycard reads ({@code yaml}, {@code sh},
 * {@code json}, ...; any other language is not a container spec) and else by its content. A shell
 * block counts only when one of its lines starts a {@code docker run}/{@code create}; in a block
 * with {@code $ } prompts ({@code console}) only the prompted lines and their continuations are
 * commands, the rest is their output. A block without a tag or an indented block is compose only
 * when it looks like compose (a {@code services:} line, or an {@code image:} or {@code build:}
 * key), JSON only when it starts with <code>{</code> or {@code [}.
 */
public final class ChatMessage {
  /** How a snippet was written in the message. */
  public enum Kind {
    FENCED,
    INDENTED,
    LINE,
    INLINE,
    SENTENCE,
    YAML
  }

  /**
   * One snippet: its text (positioned in the message), the format it is read in, how it was
   * written and, for a command in a sentence, where its options start in its text.
   */
  public record Part(Snippet snippet, InputFormat format, Kind kind, int optionsFrom) {
    /** Where the snippet starts in the message. */
    int offset() {
      return snippet.source().originalOffset(0);
    }
  }

  private static final Pattern PROMPT = Pattern.compile("^[ \\t]*[$#][ \\t]+\\S");
  private static final Pattern COMPOSE_KEY =
      Pattern.compile("(?m)^(?:services:[ \\t]*(?:#.*)?$|[ \\t]*(?:- )?(?:image|build):)");
  private static final Pattern JSON_START = Pattern.compile("^\\s*[\\[{]");

  private ChatMessage() {}

  /** Every snippet of the message that holds a container spec, in message order. */
  public static List<Part> parts(String message) {
    List<Line> lines = Lines.of(message);
    boolean[] inBlock = new boolean[lines.size()];
    List<Part> out = new ArrayList<>();
    for (SnippetExtractor.Block b : SnippetExtractor.blocks(message, lines)) {
      for (int i = b.firstLine(); i < b.endLine(); i++) {
        inBlock[i] = true;
      }
      Part p = part(b);
      if (p != null) {
        out.add(p);
      }
    }
    for (ProseSnippets.Found f : ProseSnippets.find(message, lines, inBlock)) {
      InputFormat format =
          f.kind() != Kind.YAML
              ? InputFormat.DOCKER_RUN
              : FormatDetector.isKubernetes(f.snippet().source().text())
                  ? InputFormat.KUBERNETES
                  : InputFormat.COMPOSE;
      out.add(new Part(f.snippet(), format, f.kind(), f.optionsFrom()));
    }
    out.sort(Comparator.comparingInt(Part::offset));
    return out;
  }

  /** The first fenced block in a language Keycard reads, whatever it holds; null if none. */
  static Snippet firstFenced(String message) {
    return SnippetExtractor.fenced(message);
  }

  private static Part part(SnippetExtractor.Block b) {
    Snippet s = b.snippet();
    Kind kind = b.fenced() ? Kind.FENCED : Kind.INDENTED;
    if (b.fenced() && !SnippetExtractor.LANGUAGES.contains(s.language())) {
      return null; // ```python, ```dockerfile: not a container spec
    }
    InputFormat format = format(s, b.fenced());
    if (format == null) {
      return null;
    }
    Snippet read = format == InputFormat.DOCKER_RUN ? commandsOnly(s) : s;
    return new Part(read, format, kind, 0);
  }

  /** The format of a block, or null when it holds no container spec. */
  private static InputFormat format(Snippet s, boolean fenced) {
    String text = s.source().text();
    InputFormat byLanguage = fenced ? FormatDetector.byLanguage(s.language()) : null;
    if (byLanguage == InputFormat.DOCKER_RUN) {
      return SnippetExtractor.hasCommand(text) ? InputFormat.DOCKER_RUN : null;
    }
    if (byLanguage == InputFormat.COMPOSE) {
      return !FormatDetector.isComposeTag(s.language()) && FormatDetector.isKubernetes(text)
          ? InputFormat.KUBERNETES
          : InputFormat.COMPOSE;
    }
    if (byLanguage == InputFormat.KUBERNETES || FormatDetector.isKubernetes(text)) {
      return InputFormat.KUBERNETES;
    }
    if (JSON_START.matcher(text).find()) {
      return FormatDetector.byContent(text);
    }
    if (SnippetExtractor.hasCommand(text)) {
      return InputFormat.DOCKER_RUN;
    }
    return looksLikeCompose(text) ? InputFormat.COMPOSE : null;
  }

  /** A {@code services:} line at the margin, or an {@code image:} or {@code build:} key. */
  static boolean looksLikeCompose(String text) {
    return COMPOSE_KEY.matcher(text).find();
  }

  /**
   * A shell block's commands: where some lines carry a {@code $ } or {@code # } prompt, only those
   * and their continuation lines (the others are the commands' output); else the whole block.
   */
  private static Snippet commandsOnly(Snippet s) {
    Source src = s.source();
    String text = src.text();
    List<Line> lines = Lines.of(text);
    boolean prompted = false;
    for (Line l : lines) {
      Budget.current().tick();
      if (PROMPT.matcher(l.text(text)).find() && SnippetExtractor.startsCommand(prompt(l, text))) {
        prompted = true;
        break;
      }
    }
    if (!prompted) {
      return s;
    }
    List<Source> kept = new ArrayList<>();
    boolean continuing = false;
    for (Line l : lines) {
      String t = l.text(text);
      if (continuing || PROMPT.matcher(t).find()) {
        kept.add(src.slice(l.start(), l.next()));
        continuing = t.stripTrailing().endsWith("\\");
      }
    }
    return new Snippet(Source.join(src.original(), kept), s.language());
  }

  /** The line with a leading {@code $ } or {@code # } prompt read as the {@code $ } prompt. */
  private static String prompt(Line l, String text) {
    String t = l.text(text).stripLeading();
    return t.startsWith("#") ? "$" + t.substring(1) : t;
  }
}
