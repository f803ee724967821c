package dev.keycard.format.compose;

import dev.keycard.budget.Budget;
import dev.keycard.input.common.LineBreaks;
import dev.keycard.input.yaml.YamlOffsets;
import dev.keycard.input.yaml.YamlSettings;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.ScalarToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * The {@code # keycard:ignore KC-031 reason text} comments of a YAML text (several ids separated
 * by commas), read where SnakeYAML's scanner has comments: between its tokens. A {@code #} inside a
 * quoted, plain or block scalar is text, never a comment, and JSON has no comments at all, so
 * neither can waive anything.
 *
 * <p>Within a comment the marker is {@code #}, optional blanks, {@code keycard:ignore}, blanks and
 * the ids; the marker may follow other comment text after a blank ({@code # pinned # keycard:ignore
 * KC-001}).
 */
final class SuppressionComments {
  static final String WORD = "keycard:ignore";
  private static final char BOM = '\ufeff';

  /** The ids and reason (null when none) a comment's text names. */
  record Marker(List<String> ruleIds, String reason) {
    Marker {
      ruleIds = List.copyOf(ruleIds);
    }
  }

  /**
   * One waiver comment: what it names, the UTF-16 offsets of its {@code #} and its end, and whether
   * it is alone on its line (nothing but blanks before it).
   */
  record Comment(Marker marker, int start, int end, boolean alone) {}

  /**
   * What a scan found: the waiver comments in text order, and the lines (0-based, as {@link
   * LineIndex} counts them) that hold nothing but a comment.
   */
  record Scan(List<Comment> comments, BitSet commentLines) {}

  private final String text;
  private final LineIndex lines;
  private final List<Comment> out = new ArrayList<>();
  private final BitSet commentLines = new BitSet();

  /** The next place {@link #WORD} occurs at or after the last comment read, -1 when none. */
  private int nextWord;

  private SuppressionComments(String text, LineIndex lines) {
    this.text = text;
    this.lines = lines;
    this.nextWord = text.indexOf(WORD);
  }

  /**
   * The marker of a comment's text (what follows its {@code #}), or null when it has none: the
   * leftmost {@code #} (the comment's own, or one after a blank) followed by blanks, {@code
   * keycard:ignore}, at least one blank and an id; then ids separated by commas and blanks, and the
   * rest, stripped, is the reason. Read by hand in one pass: a regular expression took tens of
   * microseconds a comment, and the JDK's recursed once per id.
   */
  static Marker marker(String commentText) {
    String t = commentText;
    int last = t.lastIndexOf(WORD);
    for (int hash = -1; hash < last; hash = nextHash(t, hash + 1)) {
      Marker m = markerAfter(t, hash + 1);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The next {@code #} at or after {@code from} that follows a blank, or the text's length. */
  private static int nextHash(String t, int from) {
    for (int i = Math.max(from, 1); i < t.length(); i++) {
      if (t.charAt(i) == '#' && isBlank(t.charAt(i - 1))) {
        return i;
      }
    }
    return t.length();
  }

  /** The marker whose {@code #} stands just before {@code at}, or null. */
  private static Marker markerAfter(String t, int at) {
    int i = skipBlanks(t, at);
    if (!t.startsWith(WORD, i)) {
      return null;
    }
    i += WORD.length();
    int j = skipBlanks(t, i);
    if (j == i || idEnd(t, j) == j) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    int end = idEnd(t, j);
    ids.add(t.substring(j, end));
    int rest = end;
    while (true) {
      int comma = skipBlanks(t, rest);
      if (comma >= t.length() || t.charAt(comma) != ',') {
        break;
      }
      int id = skipBlanks(t, comma + 1);
      int idEnd = idEnd(t, id);
      if (idEnd == id) {
        break; // a comma with no id after it starts the reason
      }
      ids.add(t.substring(id, idEnd));
      rest = idEnd;
    }
    String reason = t.substring(rest).strip();
    return new Marker(ids, reason.isEmpty() ? null : reason);
  }

  private static int skipBlanks(String t, int i) {
    while (i < t.length() && isBlank(t.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int idEnd(String t, int i) {
    while (i < t.length() && isIdChar(t.charAt(i))) {
      i++;
    }
    return i;
  }

  /** RE2's {@code \s}. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isIdChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || "_.-".indexOf(c) >= 0;
  }

  /**
   * The waiver comments of {@code text}, which the reader has already read without error; none when
   * the scanner refuses it after all, so that a waiver is only ever taken from a comment SnakeYAML
   * itself would see.
   *
   * <p>SnakeYAML's own comment tokens are not used: it queues every comment of a block of comment
   * lines at once and takes each from the head of an array list, quadratic in the lines of the
   * block (a megabyte of {@code #} lines took minutes). YAML has nothing but blanks, line breaks
   * and comments between two tokens, so the comments are read from those gaps instead: a {@code
   * #} after a blank or at the start of a line, to the end of the line. A block scalar's header
   * line ({@code command: | # comment}) is part of its token and is read for a comment too.
   * {@code SuppressionCommentsTest} holds this to SnakeYAML's comment tokens.
   */
  static Scan scan(String text, YamlOffsets offsets, LineIndex lines) {
    if (text.indexOf(WORD) < 0) {
      return new Scan(List.of(), new BitSet()); // the common case: nothing to scan
    }
    SuppressionComments scan = new SuppressionComments(text, lines);
    LoadSettings settings = settings(text.length());
    ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
    Budget budget = Budget.current();
    int covered = 0;
    try {
      while (scanner.hasNext()) {
        Token t = scanner.next();
        budget.tick();
        int start = offsets.of(t.getStartMark());
        if (start > covered) {
          scan.gap(covered, start);
        }
        if (t instanceof ScalarToken s
            && (s.getStyle() == ScalarStyle.LITERAL || s.getStyle() == ScalarStyle.FOLDED)) {
          scan.header(start);
        }
        covered = Math.max(covered, offsets.of(t.getEndMark()));
      }
    } catch (YamlEngineException e) {
      return new Scan(List.of(), new BitSet());
    }
    return new Scan(scan.out, scan.commentLines);
  }

  /** The comments of {@code text[from, to)}, which holds no token. */
  private void gap(int from, int to) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '#' && (i == 0 || isBlank(text.charAt(i - 1)) || text.charAt(i - 1) == BOM)) {
        int end = LineBreaks.lineEnd(text, i);
        boolean alone = lines.blankBefore(i);
        if (alone) {
          commentLines.set(lines.lineOf(i));
        }
        add(i, end, alone);
        i = end;
      } else {
        i++;
      }
    }
  }

  /** The comment after a block scalar's indicators on its header line, if any. */
  private void header(int start) {
    int i = start + 1; // past | or >
    while (i < text.length() && "+-0123456789".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    int j = i;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    if (j > i && j < text.length() && text.charAt(j) == '#') {
      add(j, LineBreaks.lineEnd(text, j), lines.blankBefore(j));
    }
  }

  /** Comments come in text order: the next {@link #WORD} is looked for once, not per comment. */
  private void add(int hash, int end, boolean alone) {
    while (nextWord >= 0 && nextWord < hash) {
      nextWord = text.indexOf(WORD, nextWord + 1);
    }
    if (nextWord < 0 || nextWord + WORD.length() > end) {
      return; // most comments are no waiver
    }
    Marker marker = marker(text.substring(hash + 1, end));
    if (marker != null) {
      out.add(new Comment(marker, hash, end, alone));
    }
  }


  private static LoadSettings settings(int length) {
    LoadSettingsBuilder b =
        LoadSettings.builder()
            .setLabel("compose")
            .setCodePointLimit(YamlSettings.MAX_CODE_POINTS)
            .setUseMarks(true);
    if (length > YamlSettings.BUFFERED) {
      b.setBufferSize(length + 1); // as the reader does: no kilobyte-at-a-time copying
    }
    return b.build();
  }
}
