package dev.keycard.format.dockerrun;

import com.google.re2j.Pattern;
import dev.keycard.model.Span;
import dev.keycard.remediation.CannotRender;
import dev.keycard.remediation.Edit;
import java.util.List;

/**
 * A command line as the user wrote it, and the edits that keep its shape: removing a flag takes the
 * whitespace after it (or, when it ends a line, the whitespace before it, or its whole continuation
 * line), values are replaced inside their quotes, and new flags go before the image in the user's
 * continuation style.
 */
final class CommandText {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(?:`{3,}|~{3,})");
  /** What a fence looks at: up to three spaces and three fence characters. */
  private static final int FENCE_HEAD = 8;

  /** The last text read on this thread: one request renders many fixes of one command. */
  private static final ThreadLocal<CommandText> LAST = new ThreadLocal<>();

  private final String s;

  /** Where each line starts: finding a line's ends is a search, not a scan of a long line. */
  private final int[] lineStarts;

  CommandText(String text) {
    this.s = text;
    int n = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      n++;
    }
    this.lineStarts = new int[n];
    int k = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lineStarts[k++] = i + 1;
    }
  }

  /** The command text of {@code text}, reusing this thread's previous one for the very same text. */
  static CommandText of(String text) {
    CommandText last = LAST.get();
    if (last != null && last.s == text) {
      return last;
    }
    CommandText t = new CommandText(text);
    LAST.set(t);
    return t;
  }

  /** The start of the line holding {@code at}: {@code s.lastIndexOf('\n', at - 1) + 1}. */
  private int lineStart(int at) {
    int idx = java.util.Arrays.binarySearch(lineStarts, at);
    return lineStarts[idx >= 0 ? idx : -idx - 2];
  }

  /** The first line break at or after {@code at}, or the text's length: {@code s.indexOf('\n', at)}. */
  private int lineEnd(int at) {
    int idx = java.util.Arrays.binarySearch(lineStarts, at + 1);
    int next = idx >= 0 ? idx : -idx - 1;
    return next < lineStarts.length ? lineStarts[next] - 1 : s.length();
  }

  /** A word as the shell must see it: plain words bare, anything else single-quoted. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /** Removes the flag at {@code [start, end)} and the whitespace that separated it. */
  Edit removal(int start, int end) {
    return notAFence(removalOf(start, end));
  }

  /**
   * Refuses a removal that leaves a line starting a Markdown fence ({@code --device x ```sh} would
   * become {@code ```sh}): the message would no longer be read as the same command.
   */
  private Edit notAFence(Edit e) {
    // only the head of a line can make it a fence: reading more would make removing n flags from
    // one long line cost n times the line
    int lineStart = lineStart(e.start());
    int lineEnd = lineEnd(e.end());
    StringBuilder head = new StringBuilder(FENCE_HEAD);
    head.append(s, lineStart, Math.min(e.start(), lineStart + FENCE_HEAD));
    head.append(s, e.end(), Math.min(lineEnd, e.end() + FENCE_HEAD - head.length()));
    String left = head.toString();
    if (left.indexOf('`') < 0 && left.indexOf('~') < 0) {
      return e;
    }
    String was = s.substring(lineStart, Math.min(lineEnd(e.start()), lineStart + FENCE_HEAD));
    if (FENCE.matcher(left).lookingAt() && !FENCE.matcher(was).lookingAt()) {
      throw new CannotRender("the flag's line goes on with a Markdown fence");
    }
    return e;
  }

  private Edit removalOf(int start, int end) {
    int after = end;
    while (after < s.length() && isBlank(s.charAt(after))) {
      after++;
    }
    int before = start;
    while (before > 0 && isBlank(s.charAt(before - 1))) {
      before--;
    }
    boolean ownLine = before == 0 || s.charAt(before - 1) == '\n';
    if (ownLine && gluedAbove(before)) {
      // "--x\" above: the line's indentation is all that separates --x from what follows
      before = start;
    }
    int comment = inlineComment(after);
    if (ownLine && comment > after && isContinuation(comment)) {
      // "--cap-add=SYS_MODULE `#optional` \": the note is about the flag and goes with it
      return new Edit(before, s.indexOf('\n', comment) + 1, "");
    }
    if (after > end && after < s.length() && !isLineEnd(after) && !isContinuation(after)) {
      return new Edit(start, after, "");
    }
    if (ownLine && isContinuation(after)) {
      int next = s.indexOf('\n', after) + 1;
      return new Edit(before, next, "");
    }
    return new Edit(ownLine ? start : before, end, "");
  }

  /**
   * Whether the line before the one starting at {@code lineStart} ends in a continuation glued to a
   * word ({@code --x\}): the shell joins the two lines, so only this line's indentation keeps the
   * words apart.
   */
  private boolean gluedAbove(int lineStart) {
    int i = lineStart - 2; // before the '\n'
    if (i >= 0 && s.charAt(i) == '\r') {
      i--;
    }
    return i >= 1 && s.charAt(i) == '\\' && !isBlank(s.charAt(i - 1));
  }

  /** The end of a {@code `#...`} note at {@code i} and the blanks after it, or {@code i}. */
  private int inlineComment(int i) {
    if (!s.startsWith("`#", i)) {
      return i;
    }
    int nl = lineEnd(i);
    int close = i + 1;
    while (close < nl && s.charAt(close) != '`') {
      close++;
    }
    if (close >= nl) {
      return i;
    }
    int j = close + 1;
    while (j < s.length() && isBlank(s.charAt(j))) {
      j++;
    }
    return j;
  }

  /** Inserts flags before the image, matching the user's one-flag-per-line style if any. */
  Edit insertBefore(int image, List<String> flags) {
    int lineStart = lineStart(image);
    String indent = s.substring(lineStart, image);
    StringBuilder out = new StringBuilder();
    if (lineStart > 0 && indent.isBlank()) {
      int eolStart =
          s.charAt(lineStart - 2 < 0 ? 0 : lineStart - 2) == '\r' ? lineStart - 2 : lineStart - 1;
      char cont = eolStart > 0 ? s.charAt(eolStart - 1) : ' ';
      if (cont == '\\') {
        String eol = s.substring(eolStart, lineStart);
        for (String f : flags) {
          out.append(f).append(' ').append(cont).append(eol).append(indent);
        }
        return Edit.insert(image, out.toString());
      }
    }
    for (String f : flags) {
      out.append(f).append(' ');
    }
    return Edit.insert(image, out.toString());
  }

  /** The flag name as written at the start of a span ({@code --user}, {@code -u}). */
  String flagName(Span span) {
    int a = span.start().offset();
    int i = valueStart(span);
    String head = s.substring(a, i).trim();
    if (head.endsWith("=")) {
      head = head.substring(0, head.length() - 1);
    }
    return head;
  }

  /** The flag's value without its quotes. */
  String unquotedValue(Span span) {
    String v = s.substring(valueStart(span), span.end().offset());
    return unquote(v);
  }

  /** Replaces the flag's value, keeping the flag as written and the value's quote style. */
  Edit replaceValue(Span span, String value) {
    String raw = s.substring(span.start().offset(), span.end().offset());
    if (raw.indexOf('`') >= 0 || raw.replace("\\\n", "").replace("\\\r\n", "").indexOf('\\') >= 0) {
      // a `#note` glued to the flag, or an escape inside it ("-\p"): where the value starts is
      // guesswork
      throw new CannotRender("a backtick or an escape inside the flag");
    }
    int v = valueStart(span);
    int end = span.end().offset();
    if (v >= end) {
      return new Edit(end, end, "=" + quote(value));
    }
    String old = s.substring(v, end);
    char q = old.charAt(0);
    String text =
        (q == '"' || q == '\'') && old.length() >= 2 && old.charAt(old.length() - 1) == q
            ? q + value + q
            : quote(value);
    return new Edit(v, end, text);
  }

  private int valueStart(Span span) {
    int a = span.start().offset();
    int e = span.end().offset();
    int i = a;
    if (s.startsWith("--", a)) {
      while (i < e && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    } else {
      i = Math.min(e, a + 2);
    }
    if (i < e && s.charAt(i) == '=') {
      return i + 1;
    }
    while (i < e && (Character.isWhitespace(s.charAt(i)) || isContinuation(i))) {
      i++;
    }
    return i;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private boolean isLineEnd(int i) {
    return s.charAt(i) == '\n' || s.charAt(i) == '\r';
  }

  private boolean isContinuation(int i) {
    if (i >= s.length()) {
      return false;
    }
    if (s.charAt(i) != '\\') {
      return false; // sh knows no other: "`⏎" opens a substitution, "^⏎" ends the command
    }
    return i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.startsWith("\r\n", i + 1));
  }
}
