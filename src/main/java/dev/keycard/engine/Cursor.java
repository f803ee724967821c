package dev.keycard.engine;

import java.util.List;

/**
 * The parser's position in the token list, its depth counter and its error sink: collects non-fatal
 * problems (so a rule author sees all of them) and turns fatal ones into {@link Abort}.
 */
final class Cursor {
  private static final int MAX_ERRORS = 20;

  /** A fatal syntax or limit error: parsing stops, collected errors are reported. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  private final String src;
  private final List<Token> toks;
  private final Limits limits;
  private final List<GateError> errors;
  private int pos;
  private int depth;

  Cursor(String src, List<Token> toks, Limits limits, List<GateError> errors) {
    this.src = src;
    this.toks = toks;
    this.limits = limits;
    this.errors = errors;
  }

  Limits limits() {
    return limits;
  }

  void error(ErrorCode code, String msg, int offset) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(GateError.at(code, msg, src, offset));
    }
  }

  Abort fatal(ErrorCode code, String msg, int offset) {
    error(code, msg, offset);
    return new Abort();
  }

  Token peek() {
    return toks.get(pos);
  }

  /** The token {@code delta} places from the current one (negative: already consumed). */
  Token peek(int delta) {
    return toks.get(pos + delta);
  }

  Token next() {
    Token t = toks.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  void back() {
    pos--;
  }

  boolean accept(String op) {
    if (peek().is(op)) {
      pos++;
      return true;
    }
    return false;
  }

  Token expect(String op) {
    if (!peek().is(op)) {
      throw unexpected("'" + op + "'");
    }
    return next();
  }

  /** The error for an unexpected token; a stray {@code in} gets the membership hint. */
  Abort unexpected(String wanted) {
    Token t = peek();
    if (t.isWord("in")) {
      return fatal(
          ErrorCode.IN_IS_NOT_MEMBERSHIP,
          "'in' is not a membership test; write 'list contains x' "
              + "('in' only appears in projections: ($.name in list))",
          t.offset());
    }
    String seen = t.kind() == Token.Kind.EOF ? "end of expression" : "'" + t.text() + "'";
    return fatal(
        ErrorCode.RULE_SYNTAX_ERROR, "expected " + wanted + " but found " + seen, t.offset());
  }

  /** One level deeper; fatal beyond {@link Limits#maxDepth()}, so recursion stays bounded. */
  void enter(int offset) {
    if (++depth > limits.maxDepth()) {
      throw fatal(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "expression nested too deeply (more than " + limits.maxDepth() + " levels)",
          offset);
    }
  }

  void leave() {
    depth--;
  }
}
