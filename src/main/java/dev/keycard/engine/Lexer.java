package dev.keycard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Layer 1: the strict lexer. Accepts printable ASCII (plus tab and line breaks between tokens),
 * identifiers {@code [A-Za-z_][A-Za-z0-9_]*}, {@code $} alone, decimal numbers without leading
 * zeros or suffixes, strings in single or double quotes with only the escapes {@code \\ \' \"}, and
 * the operators {@code . .? == != <= >= < > && || ! ~= + - * / % ( ) [ ] , ? :}. Everything else
 * (including {@code ; = { } @ # & | ^ ~ `} on their own and comments) is an error with an offset.
 */
final class Lexer {
  private static final String[] TWO_CHAR_OPS = {".?", "==", "!=", "<=", ">=", "&&", "||", "~="};
  private static final String ONE_CHAR_OPS = ".<>!+-*/%()[],?:";
  private static final int MAX_ERRORS = 20;

  private final String src;
  private final Limits limits;
  private final List<GateError> errors = new ArrayList<>();
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String src, Limits limits) {
    this.src = src;
    this.limits = limits;
  }

  /** Tokens ending in EOF; problems are appended to {@code errors} (lexing goes on after them). */
  static List<Token> lex(String src, Limits limits, List<GateError> errors) {
    Lexer lx = new Lexer(src, limits);
    lx.run();
    errors.addAll(lx.errors);
    return lx.tokens;
  }

  private void error(ErrorCode code, String msg, int at) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(GateError.at(code, msg, src, at));
    }
  }

  private void run() {
    int i = 0;
    int n = src.length();
    while (i < n && errors.size() < MAX_ERRORS) {
      char ch = src.charAt(i);
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        i++;
      } else if (ch < 0x20 || ch > 0x7e) {
        error(ErrorCode.ILLEGAL_CHARACTER, "illegal character (only printable ASCII)", i);
        i++;
      } else if (isIdentStart(ch)) {
        int s = i;
        while (i < n && isIdentPart(src.charAt(i))) {
          i++;
        }
        add(Token.Kind.IDENT, src.substring(s, i), s);
      } else if (ch == '$') {
        if (i + 1 < n && (isIdentPart(src.charAt(i + 1)) || src.charAt(i + 1) == '$')) {
          error(ErrorCode.DOLLAR_OUTSIDE_PROJECTION, "'$' may only stand alone", i);
          i++;
          while (i < n && (isIdentPart(src.charAt(i)) || src.charAt(i) == '$')) {
            i++;
          }
        } else {
          add(Token.Kind.DOLLAR, "$", i++);
        }
      } else if (ch >= '0' && ch <= '9') {
        i = number(i);
      } else if (ch == '\'' || ch == '"') {
        i = string(i, ch);
      } else if (ch == '/' && i + 1 < n && (src.charAt(i + 1) == '/' || src.charAt(i + 1) == '*')) {
        error(ErrorCode.COMMENT_NOT_ALLOWED, "comments are not allowed", i);
        i += 2;
      } else {
        i = operator(i);
      }
    }
    if (tokens.size() > limits.maxTokens()) {
      error(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "expression has more than " + limits.maxTokens() + " tokens",
          tokens.get(limits.maxTokens()).offset());
    }
    tokens.add(new Token(Token.Kind.EOF, "", n));
  }

  private void add(Token.Kind kind, String text, int offset) {
    tokens.add(new Token(kind, text, offset));
  }

  private int operator(int i) {
    if (i + 1 < src.length()) {
      String two = src.substring(i, i + 2);
      for (String op : TWO_CHAR_OPS) {
        if (op.equals(two)) {
          add(Token.Kind.OP, two, i);
          return i + 2;
        }
      }
    }
    char ch = src.charAt(i);
    if (ONE_CHAR_OPS.indexOf(ch) >= 0) {
      add(Token.Kind.OP, String.valueOf(ch), i);
    } else if (ch == '=') {
      error(ErrorCode.ILLEGAL_CHARACTER, "illegal character '=' (assignment); use '=='", i);
    } else {
      error(ErrorCode.ILLEGAL_CHARACTER, "illegal character '" + ch + "'", i);
    }
    return i + 1;
  }

  private int number(int start) {
    int i = start;
    int n = src.length();
    while (i < n && Character.isDigit(src.charAt(i))) {
      i++;
    }
    boolean decimal = false;
    if (i + 1 < n && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
      decimal = true;
      i++;
      while (i < n && Character.isDigit(src.charAt(i))) {
        i++;
      }
    }
    if (i < n && (isIdentPart(src.charAt(i)) || src.charAt(i) == '$')) {
      error(ErrorCode.RULE_SYNTAX_ERROR, "only decimal numbers without suffix are allowed", start);
      while (i < n && isIdentPart(src.charAt(i))) {
        i++;
      }
      return i;
    }
    String text = src.substring(start, i);
    if (text.length() > 1 && text.charAt(0) == '0' && text.charAt(1) != '.') {
      // MVEL would read a leading zero as octal
      error(ErrorCode.RULE_SYNTAX_ERROR, "numbers must not have leading zeros", start);
    } else if (text.length() > 18) {
      error(ErrorCode.RULE_LIMIT_EXCEEDED, "number literal longer than 18 digits", start);
    } else {
      add(decimal ? Token.Kind.DECIMAL : Token.Kind.INT, text, start);
    }
    return i;
  }

  private int string(int start, char quote) {
    StringBuilder sb = new StringBuilder();
    int i = start + 1;
    int n = src.length();
    while (i < n) {
      char ch = src.charAt(i);
      if (ch == quote) {
        if (sb.length() > limits.maxStringLiteral()) {
          error(
              ErrorCode.RULE_LIMIT_EXCEEDED,
              "string literal longer than " + limits.maxStringLiteral(),
              start);
        } else {
          add(Token.Kind.STRING, sb.toString(), start);
        }
        return i + 1;
      }
      if (ch < 0x20 || ch > 0x7e) {
        error(ErrorCode.INVALID_STRING, "strings may only hold printable ASCII", i);
      } else if (ch == '\\') {
        char next = i + 1 < n ? src.charAt(i + 1) : 0;
        if (next == '\\' || next == '\'' || next == '"') {
          sb.append(next);
          i++;
        } else {
          error(ErrorCode.INVALID_STRING, "unsupported escape \\" + (next == 0 ? "" : next), i);
        }
      } else {
        sb.append(ch);
      }
      i++;
    }
    error(ErrorCode.INVALID_STRING, "unterminated string literal", start);
    return n;
  }

  private static boolean isIdentStart(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  }

  private static boolean isIdentPart(char ch) {
    return isIdentStart(ch) || (ch >= '0' && ch <= '9');
  }
}
