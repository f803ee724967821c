package dev.keycard.format.dockerrun;

import dev.keycard.budget.Budget;
import dev.keycard.input.Source;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits pasted shell text into simple commands of words, as POSIX {@code sh} would before the
 * Docker CLI sees argv: quotes, backslash escapes and line continuations, comments, redirections
 * (dropped with their target) and the operators {@code ; & | && || ( )} and newline that end a
 * command. Expansions the client's shell would perform ({@code $VAR}, {@code ${...}}, {@code
 * $(...)}, backticks) are kept literally and marked unknown; a backtick substitution of a comment (
 * linuxserver's {@code `#optional`}) expands to nothing. Brace expansion, globs and {@code ~} are
 * left literal. A leading {@code $ } or {@code # } prompt is skipped.
 *
 * <p>One departure from sh, for text pasted from documentation: a <em>placeholder</em> is read as
 * an opaque part of a word that only the client knows (marked unknown, with an {@code
 * input_placeholder} warning at its position), never as a redirection. The grammar:
 *
 * <pre>
 * placeholder = "&lt;" name "&gt;"          where sh would start a redirection with "&lt;"
 * name        = 1*( any character except blank, line break, &lt; &gt; &amp; | ; ( ) ' " ` $ \ )
 * </pre>
 *
 * and it is not one when the character after its {@code >} is {@code >}, {@code &} or {@code |}
 * (then sh's {@code >>}, {@code >&} or {@code >|} follows), nor when digits written right before
 * its {@code <} make them an IO number ({@code 0<in>}). So {@code <data-dir>}, {@code
 * TOKEN=<your-token>}, {@code http://<host-ip>:80/} and {@code <path/to/config>} are placeholders;
 * {@code < in.txt}, {@code <in.txt}, {@code 2>&1}, {@code > out.txt}, {@code <<EOF}, {@code
 * <<<word}, {@code <&3}, {@code <(cmd)} and {@code <a b>} keep their sh meaning. The one sh text
 * read differently is a redirection from a file written without blanks and directly followed by
 * one to a file, {@code <in>out}: a documentation placeholder is far likelier.
 */
final class ShellLexer {
  /** The commands read and, when the text is not valid shell, the fatal error. */
  record Result(List<List<Piece>> commands, List<Diagnostic> warnings, Diagnostic error) {}

  private final Source source;
  private final String s;
  private final int maxTokens;
  private final List<List<Piece>> commands = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private List<Piece> current = new ArrayList<>();
  private int tokens;
  private int pos;
  private Diagnostic error;

  private final WordBuffer word = new WordBuffer();
  private int pendingRedirect = -1;
  private String heredocDelimiter;
  private boolean heredocStripTabs;

  private ShellLexer(Source source, int maxTokens) {
    this.source = source;
    this.s = source.text();
    this.maxTokens = maxTokens;
  }

  static Result lex(Source source, int maxTokens) {
    ShellLexer lexer = new ShellLexer(source, maxTokens);
    lexer.run();
    return new Result(lexer.commands, lexer.warnings, lexer.error);
  }

  private void run() {
    int n = s.length();
    Budget budget = Budget.current();
    while (pos < n && error == null) {
      budget.tick();
      char c = s.charAt(pos);
      boolean lineStart = pos == 0 || s.charAt(pos - 1) == '\n';
      if (lineStart && current.isEmpty() && pendingRedirect < 0) {
        int after = Prompts.skip(s, pos);
        if (after > pos) {
          pos = after;
          continue;
        }
      }
      switch (c) {
        case ' ', '\t', '\r', '\f' -> {
          finishWord();
          pos++;
        }
        case '\n' -> {
          endCommand(pos);
          pos++;
          skipHeredocBody();
        }
        case '\\' -> backslash();
        case '\'' -> singleQuoted();
        case '"' -> doubleQuoted();
        case '$' -> dollar(false);
        case '`' -> backtick(false);
        case '#' -> {
          if (!word.started()) {
            while (pos < n && s.charAt(pos) != '\n') {
              pos++;
            }
          } else {
            word.literal(c, pos++);
          }
        }
        case ';', '|', '(', ')' -> operator(c == '|' || c == ';' ? 2 : 1);
        case '&' -> {
          if (pos + 1 < n && s.charAt(pos + 1) == '>') {
            redirection();
          } else {
            operator(2);
          }
        }
        case '<' -> {
          if (!placeholder()) {
            redirection();
          }
        }
        case '>' -> redirection();
        default -> word.literal(c, pos++);
      }
    }
    if (error == null) {
      endCommand(n);
    }
  }

  private void backslash() {
    int n = s.length();
    int i = pos + 1;
    if (i >= n) {
      pos = n;
      return;
    }
    int lineEnd = i;
    while (lineEnd < n && (s.charAt(lineEnd) == ' ' || s.charAt(lineEnd) == '\t')) {
      lineEnd++;
    }
    if (lineEnd < n && s.charAt(lineEnd) == '\r') {
      lineEnd++;
    }
    if (lineEnd < n && s.charAt(lineEnd) == '\n') {
      if (lineEnd - i > 1 || (lineEnd - i == 1 && s.charAt(i) != '\r')) {
        // sh would escape the space and end the command; pasted text means a continuation
        warnings.add(
            Diagnostic.of(
                DiagnosticCode.INPUT_PARSE_WARNING,
                "whitespace after a line-continuation backslash; read as a continuation",
                source.span(pos, lineEnd)));
      }
      pos = lineEnd + 1;
      return;
    }
    word.markStart(pos);
    word.literal(s.charAt(i), i);
    pos = i + 1;
  }

  private void singleQuoted() {
    int open = pos;
    int close = s.indexOf('\'', open + 1);
    if (close < 0) {
      unterminated(open, "single quote");
      return;
    }
    word.markStart(open);
    for (int i = open + 1; i < close; i++) {
      word.append(s.charAt(i), i, false);
    }
    word.markExists();
    pos = close + 1;
    word.endAt(pos);
  }

  private void doubleQuoted() {
    int open = pos;
    word.markStart(open);
    word.markExists();
    int n = s.length();
    int i = open + 1;
    while (i < n && error == null) {
      char c = s.charAt(i);
      if (c == '"') {
        pos = i + 1;
        word.endAt(pos);
        return;
      }
      if (c == '\\' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (d == '\n') {
          i += 2;
        } else if (d == '\r' && i + 2 < n && s.charAt(i + 2) == '\n') {
          i += 3;
        } else if (d == '\\' || d == '"' || d == '$' || d == '`') {
          word.append(d, i + 1, false);
          i += 2;
        } else {
          word.append(c, i, false);
          i++;
        }
      } else if (c == '$') {
        pos = i;
        dollar(true);
        i = pos;
      } else if (c == '`') {
        pos = i;
        backtick(true);
        i = pos;
      } else {
        word.append(c, i, false);
        i++;
      }
    }
    if (error == null) {
      unterminated(open, "double quote");
    }
  }

  private void dollar(boolean quoted) {
    int n = s.length();
    int start = pos;
    char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
    int end;
    if (d == '(') {
      end = Expansions.closeParen(s, pos + 2);
      if (end < 0) {
        unterminated(start, "command substitution $(");
        return;
      }
      end++;
    } else if (d == '{') {
      end = Expansions.closeBrace(s, pos + 2);
      if (end < 0) {
        unterminated(start, "parameter expansion ${");
        return;
      }
      end++;
    } else if (Character.isLetter(d) || d == '_') {
      end = pos + 2;
      while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
        end++;
      }
    } else if (d != '\0' && "0123456789@*#?$!-".indexOf(d) >= 0) {
      end = pos + 2;
    } else if (d == '\'' && !quoted) {
      // bash's $'...': read as a plain single-quoted string
      pos++;
      word.markStart(start);
      singleQuoted();
      return;
    } else {
      word.literal('$', pos++);
      return;
    }
    word.markStart(start);
    for (int i = start; i < end; i++) {
      word.append(s.charAt(i), i, true);
    }
    word.markExists();
    pos = end;
    word.endAt(end);
  }

  private void backtick(boolean quoted) {
    int open = pos;
    int close = Expansions.closeBacktick(s, open + 1);
    if (close < 0) {
      unterminated(open, "backtick");
      return;
    }
    word.markStart(open);
    String body = s.substring(open + 1, close).trim();
    if (body.isEmpty() || body.startsWith("#")) {
      // a substitution of a comment outputs nothing: the word vanishes if that is all it was
      if (quoted) {
        word.markExists();
      }
    } else {
      for (int i = open; i <= close; i++) {
        word.append(s.charAt(i), i, true);
      }
      word.markExists();
    }
    pos = close + 1;
    word.endAt(pos);
  }

  private void operator(int maxLength) {
    finishWord();
    int start = pos;
    char c = s.charAt(pos);
    pos += (maxLength == 2 && pos + 1 < s.length() && s.charAt(pos + 1) == c) ? 2 : 1;
    endCommand(start);
  }

  /**
   * Reads the placeholder that starts at {@code pos} into the current word, if one does (see the
   * class comment for the grammar); false leaves everything as it was.
   */
  private boolean placeholder() {
    int close = placeholderEnd(s, pos);
    if (close < 0 || word.isIoNumberEndingAt(pos)) {
      return false;
    }
    int start = pos;
    word.markStart(start);
    for (int i = start; i <= close; i++) {
      word.placeholder(s.charAt(i), i);
    }
    word.markExists();
    pos = close + 1;
    word.endAt(pos);
    warnings.add(
        Diagnostic.of(
            DiagnosticCode.INPUT_PLACEHOLDER,
            "'"
                + abbreviate(s.substring(start, pos))
                + "' is read as a placeholder for a value only you know (sh would read '<' as a"
                + " redirection); the settings that depend on it are not decided",
            source.span(start, pos)));
    return true;
  }

  /** The offset of the {@code >} that closes a placeholder opened at {@code open}, or -1. */
  static int placeholderEnd(String s, int open) {
    int n = s.length();
    int i = open + 1;
    while (i < n && isNameChar(s.charAt(i))) {
      i++;
    }
    if (i == open + 1 || i >= n || s.charAt(i) != '>') {
      return -1;
    }
    char after = i + 1 < n ? s.charAt(i + 1) : '\0';
    return after == '>' || after == '&' || after == '|' ? -1 : i;
  }

  private static boolean isNameChar(char c) {
    return !Character.isWhitespace(c) && "<>&|;()'\"`$\\".indexOf(c) < 0;
  }

  /**
   * The {@code >} at most 100 characters after {@code at} on the same line, or -1: bounded, so
   * that a text of many {@code <} is still read in linear time.
   */
  private int closingWithin(int at) {
    int limit = Math.min(s.length(), at + 100);
    for (int i = at + 1; i < limit && s.charAt(i) != '\n'; i++) {
      if (s.charAt(i) == '>') {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private void redirection() {
    int start = pos;
    int gt = s.charAt(pos) == '<' ? closingWithin(pos) : -1;
    if (gt > pos && pos > 0 && !Character.isWhitespace(s.charAt(pos - 1))) {
      // 'http://<host ip>:80' pasted from documentation: not a placeholder (it has a blank), so
      // the shell reads a redirection
      warnings.add(
          Diagnostic.of(
              DiagnosticCode.INPUT_PARSE_WARNING,
              "'<' inside a word starts a shell redirection: if '"
                  + abbreviate(s.substring(pos, gt + 1))
                  + "' is a placeholder, replace it or quote the value",
              source.span(pos, gt + 1)));
    }
    if (word.started() && !word.exists()) {
      finishWord();
    }
    if (word.isIoNumberEndingAt(pos)) {
      start = word.start();
      word.reset(); // an IO number such as the 2 of 2>&1
    } else {
      finishWord();
    }
    if (pendingRedirect >= 0) {
      missingTarget();
      return;
    }
    int n = s.length();
    char first = s.charAt(pos++);
    if (first == '&') {
      pos++; // &> and &>>
      if (pos < n && s.charAt(pos) == '>') {
        pos++;
      }
    } else if (pos < n) {
      char second = s.charAt(pos);
      if (first == '<' && second == '<') {
        pos++;
        if (pos < n && s.charAt(pos) == '<') {
          pos++; // a here-string takes an ordinary word
        } else {
          heredocStripTabs = pos < n && s.charAt(pos) == '-';
          if (heredocStripTabs) {
            pos++;
          }
          heredocDelimiter = "";
        }
      } else if (second == '>' || second == '&' || second == '|') {
        pos++;
      }
    }
    pendingRedirect = start;
  }

  private void missingTarget() {
    int at = pendingRedirect;
    int end = at;
    while (end < s.length() && "0123456789<>&|-".indexOf(s.charAt(end)) >= 0 && end - at < 4) {
      end++;
    }
    error =
        Diagnostic.of(
            DiagnosticCode.INPUT_PARSE_ERROR,
            "syntax error: the redirection '"
                + s.substring(at, end)
                + "' has no target (is "
                + "'<...>' a placeholder to replace?)",
            source.span(at, end));
  }

  private void unterminated(int at, String what) {
    error =
        Diagnostic.of(
            DiagnosticCode.INPUT_PARSE_ERROR,
            "unterminated " + what + " opened here",
            source.span(at, at + 1));
  }

  private void finishWord() {
    if (!word.started()) {
      return;
    }
    if (!word.exists()) {
      word.reset();
      return;
    }
    Piece piece = word.take();
    if (pendingRedirect >= 0) {
      pendingRedirect = -1;
      if (heredocDelimiter != null && heredocDelimiter.isEmpty()) {
        heredocDelimiter = piece.text();
      }
    } else if (++tokens > maxTokens) {
      error =
          Diagnostic.of(
              DiagnosticCode.INPUT_LIMIT_EXCEEDED,
              "too many words: the limit is " + maxTokens,
              source.span(piece.start(), piece.end()));
    } else {
      current.add(piece);
    }
  }

  private void endCommand(int at) {
    finishWord();
    if (error != null) {
      return;
    }
    if (pendingRedirect >= 0) {
      missingTarget();
      return;
    }
    if (!current.isEmpty()) {
      commands.add(current);
      current = new ArrayList<>();
    }
  }

  /** After the newline that ends a here-document's command, skips its body. */
  private void skipHeredocBody() {
    if (heredocDelimiter == null || error != null) {
      return;
    }
    String delimiter = heredocDelimiter;
    heredocDelimiter = null;
    while (pos < s.length()) {
      int eol = s.indexOf('\n', pos);
      int lineEnd = eol < 0 ? s.length() : eol;
      String line = s.substring(pos, lineEnd);
      pos = eol < 0 ? s.length() : eol + 1;
      int tabs = 0;
      while (heredocStripTabs && tabs < line.length() && line.charAt(tabs) == '\t') {
        tabs++;
      }
      String cmp = line.substring(tabs);
      if (cmp.stripTrailing().equals(delimiter)) {
        return;
      }
    }
  }
}
