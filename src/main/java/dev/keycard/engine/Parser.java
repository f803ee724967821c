package dev.keycard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Layers 0 and 2: parses the token list against Keycard's grammar into an {@link Expr} tree with
 * positions, enforcing the size caps of {@link Limits}. The grammar (lowest precedence first):
 *
 * <pre>
 * expr    := or ('?' expr ':' expr)?
 * or      := and ('||' and)*
 * and     := cmp ('&amp;&amp;' cmp)*
 * cmp     := add (('==' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;=' | 'contains') add
 *                 | '~=' STRING)?
 * add     := mul (('+' | '-') mul)*
 * mul     := unary (('*' | '/' | '%') unary)*
 * unary   := ('!' | '-') unary | postfix
 * postfix := primary ('.' NAME | '.' NAME '(' args ')' | '.?' NAME | '[' expr ']')*
 * primary := INT | DECIMAL | STRING | 'true' | 'false' | 'null' | NAME | '$'
 *          | NAME '(' args ')' | '[' (expr (',' expr)*)? ']'
 *          | '[' ':' ']' | '[' LIT ':' LIT (',' LIT ':' LIT)* ']'
 *          | '(' expr ')' | '(' expr 'in' expr ('if' expr)? ')'
 * </pre>
 *
 * <p>Names are resolved, and types checked, by {@link Checker}; this class only builds the tree.
 */
final class Parser {
  static final String INPUT = "c";

  /** The element a {@code for_each} rule is tested on. */
  static final String ITEM = "item";

  /** The element of a projection. */
  static final String DOLLAR = "$";

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");
  private static final Set<String> OR = Set.of("||");
  private static final Set<String> AND = Set.of("&&");
  private static final Set<String> ADD = Set.of("+", "-");
  private static final Set<String> MUL = Set.of("*", "/", "%");

  private final Cursor cur;
  private final Limits limits;
  private int projections;
  private int projectionDepth;

  private Parser(Cursor cur) {
    this.cur = cur;
    this.limits = cur.limits();
  }

  /** Parses a lexed expression; returns null when {@code errors} gained an entry. */
  static Expr parse(String src, List<Token> toks, Limits limits, List<GateError> errors) {
    Parser p = new Parser(new Cursor(src, toks, limits, errors));
    int before = errors.size();
    try {
      Expr e = p.expr();
      if (p.cur.peek().kind() != Token.Kind.EOF) {
        throw p.cur.unexpected("end of expression");
      }
      return errors.size() == before ? e : null;
    } catch (Cursor.Abort e) {
      return null;
    }
  }

  private Expr expr() {
    Token first = cur.peek();
    cur.enter(first.offset());
    Expr cond = or();
    Token q = cur.peek();
    if (cur.accept("?")) {
      Expr a = expr();
      cur.expect(":");
      Expr b = expr();
      cond = new Expr.Cond(cond, a, b, q.offset());
    }
    cur.leave();
    return cond;
  }

  private Expr or() {
    return leftAssociative(OR, this::and);
  }

  private Expr and() {
    return leftAssociative(AND, this::cmp);
  }

  /** {@code operand (op operand)*} for any {@code op} of {@code ops}, grouped from the left. */
  private Expr leftAssociative(Set<String> ops, Supplier<Expr> operand) {
    Expr left = operand.get();
    while (cur.peek().kind() == Token.Kind.OP && ops.contains(cur.peek().text())) {
      Token op = cur.next();
      left = new Expr.Binary(op.text(), left, operand.get(), op.offset());
    }
    return left;
  }

  private Expr cmp() {
    Expr left = add();
    Token op = cur.peek();
    if (op.is("~=")) {
      cur.next();
      Token pat = cur.next();
      if (pat.kind() != Token.Kind.STRING) {
        throw cur.fatal(
            ErrorCode.REGEX_NOT_LITERAL, "right side of ~= must be a string literal", pat.offset());
      }
      if (pat.text().length() > limits.maxRegex()) {
        cur.error(
            ErrorCode.RULE_LIMIT_EXCEEDED,
            "regular expression longer than " + limits.maxRegex(),
            pat.offset());
      }
      noChain();
      return new Expr.Regex(left, pat.text(), pat.offset());
    }
    String sym = null;
    if (op.kind() == Token.Kind.OP && COMPARISONS.contains(op.text())) {
      sym = op.text();
    } else if (op.isWord("contains")) {
      sym = "contains";
    }
    if (sym == null) {
      return left;
    }
    cur.next();
    Expr right = add();
    noChain();
    return new Expr.Binary(sym, left, right, op.offset());
  }

  private void noChain() {
    Token again = cur.peek();
    if (again.kind() == Token.Kind.OP && (COMPARISONS.contains(again.text()) || again.is("~="))
        || again.isWord("contains")) {
      throw cur.fatal(
          ErrorCode.RULE_SYNTAX_ERROR,
          "comparisons do not chain; use parentheses and && instead",
          again.offset());
    }
  }

  private Expr add() {
    return leftAssociative(ADD, this::mul);
  }

  private Expr mul() {
    return leftAssociative(MUL, this::unary);
  }

  private Expr unary() {
    Token t = cur.peek();
    if (t.is("!") || t.is("-")) {
      cur.next();
      cur.enter(t.offset());
      Expr operand = unary();
      cur.leave();
      return new Expr.Unary(t.text(), operand, t.offset());
    }
    return postfix();
  }

  private Expr postfix() {
    Expr base = primary();
    while (true) {
      Token t = cur.peek();
      if (t.is(".") || t.is(".?")) {
        cur.next();
        Token name = cur.next();
        if (name.kind() != Token.Kind.IDENT) {
          throw cur.fatal(ErrorCode.RULE_SYNTAX_ERROR, "expected a name after '.'", name.offset());
        }
        if (t.is(".") && cur.peek().is("(")) {
          base = new Expr.Method(base, name.text(), args(), name.offset());
        } else {
          base = new Expr.Field(base, name.text(), t.is(".?"), name.offset());
        }
      } else if (t.is("[")) {
        cur.next();
        Expr index = expr();
        cur.expect("]");
        base = new Expr.Index(base, index, t.offset());
      } else {
        return base;
      }
    }
  }

  private List<Expr> args() {
    cur.expect("(");
    List<Expr> args = new ArrayList<>();
    if (!cur.accept(")")) {
      do {
        args.add(expr());
      } while (cur.accept(","));
      cur.expect(")");
    }
    return args;
  }

  private Expr primary() {
    Token t = cur.next();
    switch (t.kind()) {
      case INT:
        return new Expr.Lit(Expr.LitKind.INT, integer(t.text()), t.offset());
      case DECIMAL:
        return new Expr.Lit(Expr.LitKind.DECIMAL, Double.valueOf(t.text()), t.offset());
      case STRING:
        return new Expr.Lit(Expr.LitKind.STRING, t.text(), t.offset());
      case DOLLAR:
        return new Expr.Name(DOLLAR, t.offset());
      case IDENT:
        return identifier(t);
      case OP:
        if (t.is("(")) {
          return parenthesis(t);
        }
        if (t.is("[")) {
          return collection(t);
        }
        break;
      default:
        break;
    }
    cur.back();
    throw cur.unexpected("a value");
  }

  private static Object integer(String digits) {
    long v = Long.parseLong(digits);
    return v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }

  private Expr identifier(Token t) {
    switch (t.text()) {
      case "true":
        return new Expr.Lit(Expr.LitKind.BOOL, Boolean.TRUE, t.offset());
      case "false":
        return new Expr.Lit(Expr.LitKind.BOOL, Boolean.FALSE, t.offset());
      case "null":
        return new Expr.Lit(Expr.LitKind.NULL, null, t.offset());
      default:
        break;
    }
    if (cur.peek().is("(")) {
      return new Expr.Call(t.text(), args(), t.offset());
    }
    return new Expr.Name(t.text(), t.offset());
  }

  private Expr parenthesis(Token open) {
    Expr inner = expr();
    if (!cur.peek().isWord("in")) {
      cur.expect(")");
      return inner;
    }
    // a projection: (element in list if filter)
    Token in = cur.next();
    if (++projections > limits.maxProjections()) {
      throw cur.fatal(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "more than " + limits.maxProjections() + " projections",
          open.offset());
    }
    if (++projectionDepth > limits.maxProjectionNesting()) {
      throw cur.fatal(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "projections nested too deeply (at most " + limits.maxProjectionNesting() + ")",
          open.offset());
    }
    Expr list = expr();
    Expr filter = null;
    if (cur.peek().isWord("if")) {
      cur.next();
      filter = expr();
    }
    cur.expect(")");
    projectionDepth--;
    if (nests(inner) || nests(list) || (filter != null && nests(filter))) {
      throw cur.fatal(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "projections nested too deeply (at most " + limits.maxProjectionNesting() + ")",
          open.offset());
    }
    return new Expr.Projection(inner, list, filter, open.offset(), in.offset());
  }

  /** True when a projection sits inside {@code e} and the limits allow no nesting. */
  private boolean nests(Expr e) {
    return limits.maxProjectionNesting() <= 1 && e.any(x -> x instanceof Expr.Projection);
  }

  private Expr collection(Token open) {
    cur.enter(open.offset());
    try {
      if (cur.accept("]")) {
        return new Expr.ListLit(List.of(), open.offset());
      }
      if (cur.peek().is(":")) {
        cur.next();
        cur.expect("]");
        return new Expr.MapLit(List.of(), List.of(), open.offset());
      }
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      Token firstTok = cur.peek();
      Expr first = expr();
      boolean map = cur.peek().is(":");
      Expr current = first;
      Token currentTok = firstTok;
      while (true) {
        if (values.size() >= limits.maxCollectionElements()) {
          throw cur.fatal(
              ErrorCode.RULE_LIMIT_EXCEEDED,
              "more than " + limits.maxCollectionElements() + " elements in a literal",
              currentTok.offset());
        }
        if (map) {
          keys.add(current);
          cur.expect(":");
          values.add(expr());
        } else {
          values.add(current);
        }
        if (!cur.accept(",")) {
          break;
        }
        currentTok = cur.peek();
        current = expr();
      }
      cur.expect("]");
      return map
          ? new Expr.MapLit(keys, values, open.offset())
          : new Expr.ListLit(values, open.offset());
    } finally {
      cur.leave();
    }
  }
}
