package dev.keycard.input;

import dev.keycard.budget.Budget;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads a chat message through every snippet it holds ({@link ChatMessage}). How several snippets
 * are judged: every {@code docker run} of the message (from fenced or indented blocks, lines,
 * inline code spans, sentences) is read as one command list, one container per command, and every
 * compose or engine-api block as an input of its own; when that makes more than one input, they
 * are read side by side as the parts of one ({@link ParsedInput#ofParts}), so that every container
 * of every snippet is judged, with positions into the message, and every fix is a text edit of the
 * message.
 *
 * <p>A command written in a sentence without backticks is read up to its image, and only when it
 * has at least one option (a word starting with {@code -} between {@code run} and the image):
 * "use docker run to start containers" is prose. When the sentence does not read as a command
 * (an apostrophe after the command, say), it is cut before the word where reading failed and read
 * again, a few times at most.
 */
final class ChatReader {
  private static final int SENTENCE_ATTEMPTS = 4;

  private final Map<InputFormat, InputParser> parsers;
  private final FormatDetector formats;

  ChatReader(Map<InputFormat, InputParser> parsers, FormatDetector formats) {
    this.parsers = parsers;
    this.formats = formats;
  }

  /** One input read from a snippet, and where in the message its first snippet starts. */
  private record Unit(int offset, InputFormat format, Source source) {}

  /** The message read through its snippets; null when it holds none. */
  ParsedInput read(String message, ParseOptions options) {
    List<Unit> units = new ArrayList<>();
    List<Source> commands = new ArrayList<>();
    int commandsAt = Integer.MAX_VALUE;
    for (ChatMessage.Part p : ChatMessage.parts(message, formats)) {
      Budget.current().tick();
      if (p.format().readsCommands()) {
        Source s =
            p.kind() == ChatMessage.Kind.SENTENCE ? sentence(p, options) : p.snippet().source();
        if (s != null) {
          commands.add(s);
          commandsAt = Math.min(commandsAt, p.offset());
        }
      } else {
        units.add(new Unit(p.offset(), p.format(), p.snippet().source()));
      }
    }
    if (!commands.isEmpty()) {
      Source joined = commands.size() == 1 ? commands.get(0) : Source.join(message, commands);
      units.add(new Unit(commandsAt, formats.commands(), joined));
    }
    if (units.isEmpty()) {
      return null;
    }
    units.sort(Comparator.comparingInt(Unit::offset));
    List<ParsedInput> read = new ArrayList<>();
    for (Unit u : units) {
      read.add(parsers.get(u.format()).parse(u.source(), options));
    }
    if (read.size() == 1) {
      return read.get(0);
    }
    ModelSize size = ModelSize.ofRequest(); // the parts together, as one input
    read.forEach(r -> r.containers().forEach(size::add));
    return ParsedInput.ofParts(message, read);
  }

  /** The command a sentence holds, up to its image; null when the sentence holds none. */
  private Source sentence(ChatMessage.Part p, ParseOptions options) {
    InputParser parser = parsers.get(formats.commands());
    Source candidate = p.snippet().source();
    for (int attempt = 0; attempt < SENTENCE_ATTEMPTS; attempt++) {
      ParsedInput r = parser.parse(candidate, options);
      String text = candidate.text();
      if (r.hasErrors()) {
        Diagnostic e = r.errors().get(0);
        if (e.span() == null) {
          return null;
        }
        int cut = candidate.textOffset(e.span().start().offset());
        while (cut > 0 && !Character.isWhitespace(text.charAt(cut - 1))) {
          cut--;
        }
        while (cut > 0 && Character.isWhitespace(text.charAt(cut - 1))) {
          cut--;
        }
        if (cut <= p.optionsFrom()) {
          return null;
        }
        candidate = candidate.slice(0, cut);
        continue;
      }
      if (r.containers().size() != 1) {
        return null;
      }
      Container c = r.containers().get(0);
      Span image = c.origin() == null ? null : c.origin().span();
      if (image == null) {
        return null;
      }
      int imageStart = candidate.textOffset(image.start().offset());
      int imageEnd = candidate.textOffset(image.end().offset());
      return hasOption(text, p.optionsFrom(), imageStart) ? candidate.slice(0, imageEnd) : null;
    }
    return null;
  }

  /** Whether a word in {@code text[from, to)} starts with {@code -}. */
  private static boolean hasOption(String text, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      if (text.charAt(i) == '-' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }
}
