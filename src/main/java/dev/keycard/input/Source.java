package dev.keycard.input;

import dev.keycard.model.Position;
import dev.keycard.model.Span;
import java.util.Arrays;
import java.util.List;

/**
 * The text a parser reads, and how its offsets map back to the text the caller submitted. When a
 * parser reads a fenced block cut out of a chat message, or a command with its {@code $ } prompt
 * removed, positions still point into the caller's message. A source built from a JSON object (not
 * text) has no spans at all.
 */
public final class Source {
  private final String original;
  private final String text;
  private final int[] toOriginal;
  private final int[] lineStarts;
  private final boolean spans;

  /**
   * The line of the last position asked for: parsers ask in text order, so the next one is mostly
   * on the same line. Only a hint, checked before use (a racing write leaves a valid line index).
   */
  private int lastLine;

  private Source(String original, String text, int[] toOriginal, boolean spans) {
    this(original, text, toOriginal, spans, lineIndex(original));
  }

  private Source(
      String original, String text, int[] toOriginal, boolean spans, int[] lineStarts) {
    this.original = original;
    this.text = text;
    this.toOriginal = toOriginal;
    this.lineStarts = lineStarts;
    this.spans = spans;
  }

  /** The line index last computed on this thread, and the text it indexes (both weakly held). */
  private record LineIndex(String original, int[] starts) {}

  private static final ThreadLocal<java.lang.ref.WeakReference<LineIndex>> LAST_INDEX =
      new ThreadLocal<>();

  /**
   * The line starts of {@code original}, computed once for all the sources cut out of it: a chat
   * message's snippets are built a line at a time, and each indexing the whole message again took
   * time and memory quadratic in its lines (a 175 KB message of 10,000 lines asked for 400 MB).
   */
  private static int[] lineIndex(String original) {
    java.lang.ref.WeakReference<LineIndex> ref = LAST_INDEX.get();
    LineIndex last = ref == null ? null : ref.get();
    if (last != null && last.original() == original) {
      return last.starts();
    }
    int[] starts = lineStarts(original);
    LAST_INDEX.set(new java.lang.ref.WeakReference<>(new LineIndex(original, starts)));
    return starts;
  }

  /** The caller's text, read as is. */
  public static Source of(String text) {
    return new Source(text, text, null, true);
  }

  /**
   * A part of {@code original} re-assembled into {@code text}; {@code toOriginal[i]} is the offset
   * in {@code original} of {@code text}'s char {@code i}, with one extra entry for the end.
   */
  public static Source extracted(String original, String text, int[] toOriginal) {
    if (toOriginal.length != text.length() + 1) {
      throw new IllegalArgumentException("offset map must have text.length()+1 entries");
    }
    return new Source(original, text, toOriginal.clone(), true);
  }

  /** Text serialised from a JSON object the caller sent: positions are meaningless. */
  public static Source withoutSpans(String text) {
    return new Source(text, text, null, false);
  }

  public String text() {
    return text;
  }

  public String original() {
    return original;
  }

  public boolean hasSpans() {
    return spans;
  }

  /**
   * The characters {@code text[from, to)} as a source of their own, positioned in the same original
   * text (a command cut out of a sentence).
   */
  public Source slice(int from, int to) {
    int f = Math.max(0, Math.min(from, text.length()));
    int t = Math.max(f, Math.min(to, text.length()));
    int[] map = new int[t - f + 1];
    for (int k = f; k <= t; k++) {
      map[k - f] = originalOffset(k);
    }
    return new Source(original, text.substring(f, t), map, spans, lineStarts);
  }

  /**
   * Several sources cut out of the same original text, one after the other: a line break goes
   * between two when the first does not end with one, so that each starts a line of its own.
   */
  public static Source join(String original, List<Source> parts) {
    StringBuilder text = new StringBuilder();
    int total = 1;
    for (Source p : parts) {
      total += p.text.length() + 1;
    }
    int[] map = new int[total];
    int n = 0;
    for (Source p : parts) {
      if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
        n++; // the line break stands where the part before it ends, which map[n] holds
        text.append('\n');
      }
      for (int k = 0; k < p.text.length(); k++) {
        map[n++] = p.originalOffset(k);
        text.append(p.text.charAt(k));
      }
      map[n] = p.originalOffset(p.text.length());
    }
    return extracted(original, text.toString(), Arrays.copyOf(map, text.length() + 1));
  }

  /**
   * The offset in {@link #text()} of the first character at or after {@code originalOffset} in
   * {@link #original()} (the text's length when there is none): the inverse of {@link
   * #originalOffset}, for the offsets of a source whose map only grows.
   */
  public int textOffset(int originalOffset) {
    if (toOriginal == null) {
      return Math.max(0, Math.min(originalOffset, text.length()));
    }
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (toOriginal[mid] < originalOffset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * What the original line that holds {@code text[offset]} has before the text's line starts:
   * the blockquote markers and indentation a fenced block's body lost ({@code "> "}, {@code "   "}),
   * which a line inserted into that body needs too. Empty when that is anything but blanks and
   * {@code >} (a command cut out of a sentence).
   */
  public String linePrefix(int offset) {
    if (toOriginal == null) {
      return "";
    }
    int o = Math.max(0, Math.min(offset, text.length()));
    int lineStart = text.lastIndexOf('\n', o - 1) + 1;
    int at = originalOffset(lineStart);
    int originalLineStart = original.lastIndexOf('\n', at - 1) + 1;
    for (int i = originalLineStart; i < at; i++) {
      char c = original.charAt(i);
      if (c != ' ' && c != '\t' && c != '>') {
        return "";
      }
    }
    return original.substring(originalLineStart, at);
  }

  /** Maps an offset into {@link #text()} to an offset into {@link #original()}. */
  public int originalOffset(int offset) {
    int o = Math.max(0, Math.min(offset, text.length()));
    return toOriginal == null ? o : toOriginal[o];
  }

  /** The position in the caller's text of {@code offset} in {@link #text()}. */
  public Position position(int offset) {
    return positionInOriginal(originalOffset(offset));
  }

  /** The position of an offset into {@link #original()}. */
  public Position positionInOriginal(int originalOffset) {
    int o = Math.max(0, Math.min(originalOffset, original.length()));
    int line = lastLine;
    if (o < lineStarts[line]) {
      int idx = Arrays.binarySearch(lineStarts, o);
      line = idx >= 0 ? idx : -idx - 2;
    } else {
      // forwards: the same line or one a little further down, else a search
      int limit = Math.min(lineStarts.length - 1, line + 8);
      while (line < limit && o >= lineStarts[line + 1]) {
        line++;
      }
      if (line == limit && line + 1 < lineStarts.length && o >= lineStarts[line + 1]) {
        int idx = Arrays.binarySearch(lineStarts, o);
        line = idx >= 0 ? idx : -idx - 2;
      }
    }
    lastLine = line;
    return new Position(line + 1, o - lineStarts[line] + 1, o);
  }

  /**
   * The span of {@code text[start, end)} in the caller's text, or null for a source without spans.
   */
  public Span span(int start, int end) {
    if (!spans) {
      return null;
    }
    int s = originalOffset(start);
    int e = end <= start ? s : originalOffset(end - 1) + 1;
    return new Span(positionInOriginal(s), positionInOriginal(Math.max(s, e)));
  }

  private static int[] lineStarts(String s) {
    if (s.indexOf('\r') < 0) {
      return newlineStarts(s); // the usual text: only \n breaks lines, which indexOf finds fast
    }
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (isLineBreak(s, i)) {
        n++;
      }
    }
    int[] starts = new int[n];
    int k = 1;
    for (int i = 0; i < s.length(); i++) {
      if (isLineBreak(s, i)) {
        starts[k++] = i + 1;
      }
    }
    return starts;
  }

  private static int[] newlineStarts(String s) {
    int n = 1;
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      n++;
    }
    int[] starts = new int[n];
    int k = 1;
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      starts[k++] = i + 1;
    }
    return starts;
  }

  /** A line ends at {@code \n}, or at a {@code \r} not followed by {@code \n}. */
  private static boolean isLineBreak(String s, int i) {
    char c = s.charAt(i);
    return c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'));
  }
}
