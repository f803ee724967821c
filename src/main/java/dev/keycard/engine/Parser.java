package dev.keycard.engine;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Layers 0, 2, 2a, 2b and 2c: parses the token list against Keycard's grammar and emits fully
 * parenthesised canonical MVEL. The grammar (lowest precedence first):
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
 * postfix := primary ('.' NAME | '.' METHOD '(' args ')' | '.?' NAME | '[' expr ']')*
 * primary := INT | DECIMAL | STRING | 'true' | 'false' | 'null' | 'c' | '$'
 *          | HELPER '(' args ')' | '[' (expr (',' expr)*)? ']'
 *          | '[' ':' ']' | '[' LIT ':' expr (',' LIT ':' expr)* ']'
 *          | '(' expr ')' | '(' expr 'in' expr ('if' expr)? ')'
 * </pre>
 *
 * <p>{@code .name} is emitted as {@code ['name']} (a plain {@code Map.get}, so an absent key is
 * null and no Java member is ever resolved); {@code .?name} as a null-safe navigation intrinsic;
 * {@code ~=} as the RE2J intrinsic; helpers under internal names rule authors cannot type.
 */
final class Parser {
  static final String INPUT = "c";
  /** The element a {@code for_each} rule is tested on. */
  static final String ITEM = "item";
  static final String NAV = "__kc_nav";
  static final String RE2 = "__kc_re2_matches";

  /** Canonical MVEL and the root container fields it reads. */
  record Parsed(String canonical, Set<String> fields) {}

  /** Emitted text plus the projection nesting it contains. */
  private record Frag(String text, int nest, boolean root) {
    static Frag of(String text, int nest) {
      return new Frag(text, nest, false);
    }
  }

  private final Cursor cur;
  private final Limits limits;
  private final Set<String> fields = new TreeSet<>();
  private final List<Integer> strayDollars = new ArrayList<>();
  private int projections;

  private boolean allowItem;

  private Parser(Cursor cur) {
    this.cur = cur;
    this.limits = cur.limits();
  }

  /** Parses a lexed expression; returns null when {@code errors} gained an entry. */
  static Parsed parse(String src, List<Token> toks, Limits limits, List<GateError> errors) {
    return parse(src, toks, limits, errors, false);
  }

  /** Parses with {@code item} declared too (the element of a {@code for_each} rule). */
  static Parsed parse(
      String src, List<Token> toks, Limits limits, List<GateError> errors, boolean allowItem) {
    Parser p = new Parser(new Cursor(src, toks, limits, errors));
    p.allowItem = allowItem;
    int before = errors.size();
    try {
      Frag f = p.expr();
      if (p.cur.peek().kind() != Token.Kind.EOF) {
        throw p.cur.unexpected("end of expression");
      }
      if (!p.strayDollars.isEmpty()) {
        p.cur.error(
            ErrorCode.DOLLAR_OUTSIDE_PROJECTION,
            "'$' is only allowed inside a projection ($ in list if ...)",
            p.strayDollars.get(0));
      }
      return errors.size() == before ? new Parsed(f.text(), Set.copyOf(p.fields)) : null;
    } catch (Cursor.Abort e) {
      return null;
    }
  }

  // ---- grammar

  private Frag expr() {
    cur.enter(cur.peek().offset());
    Frag cond = or();
    if (cur.accept("?")) {
      Frag a = expr();
      cur.expect(":");
      Frag b = expr();
      cond =
          Frag.of("(" + cond.text() + " ? " + a.text() + " : " + b.text() + ")", max(cond, a, b));
    }
    cur.leave();
    return cond;
  }

  private Frag or() {
    Frag left = and();
    while (cur.accept("||")) {
      Frag right = and();
      left = Frag.of("(" + left.text() + " || " + right.text() + ")", max(left, right));
    }
    return left;
  }

  private Frag and() {
    Frag left = cmp();
    while (cur.accept("&&")) {
      Frag right = cmp();
      left = Frag.of("(" + left.text() + " && " + right.text() + ")", max(left, right));
    }
    return left;
  }

  private Frag cmp() {
    Frag left = add();
    Token op = cur.peek();
    if (op.is("~=")) {
      cur.next();
      Token pat = cur.next();
      if (pat.kind() != Token.Kind.STRING) {
        throw cur.fatal(
            ErrorCode.REGEX_NOT_LITERAL, "right side of ~= must be a string literal", pat.offset());
      }
      checkRegex(pat);
      return Frag.of(
          RE2 + "(" + left.text() + ", " + Canonical.quote(pat.text()) + ")", left.nest());
    }
    String sym = null;
    if (op.kind() == Token.Kind.OP
        && Set.of("==", "!=", "<", ">", "<=", ">=").contains(op.text())) {
      sym = op.text();
    } else if (op.isWord("contains")) {
      sym = "contains";
    }
    if (sym == null) {
      return left;
    }
    cur.next();
    Frag right = add();
    Token again = cur.peek();
    if (again.kind() == Token.Kind.OP
            && Set.of("==", "!=", "<", ">", "<=", ">=", "~=").contains(again.text())
        || again.isWord("contains")) {
      throw cur.fatal(
          ErrorCode.RULE_SYNTAX_ERROR,
          "comparisons do not chain; use parentheses and && instead",
          again.offset());
    }
    return Frag.of("(" + left.text() + " " + sym + " " + right.text() + ")", max(left, right));
  }

  private void checkRegex(Token pat) {
    if (pat.text().length() > limits.maxRegex()) {
      cur.error(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "regular expression longer than " + limits.maxRegex(),
          pat.offset());
      return;
    }
    try {
      com.google.re2j.Pattern.compile(pat.text());
    } catch (PatternSyntaxException e) {
      cur.error(
          ErrorCode.INVALID_REGEX, "invalid regular expression: " + e.getMessage(), pat.offset());
    }
  }

  private Frag add() {
    Frag left = mul();
    while (cur.peek().is("+") || cur.peek().is("-")) {
      String op = cur.next().text();
      Frag right = mul();
      left = Frag.of("(" + left.text() + " " + op + " " + right.text() + ")", max(left, right));
    }
    return left;
  }

  private Frag mul() {
    Frag left = unary();
    while (cur.peek().is("*") || cur.peek().is("/") || cur.peek().is("%")) {
      String op = cur.next().text();
      Frag right = unary();
      left = Frag.of("(" + left.text() + " " + op + " " + right.text() + ")", max(left, right));
    }
    return left;
  }

  private Frag unary() {
    Token t = cur.peek();
    if (t.is("!") || t.is("-")) {
      cur.next();
      cur.enter(t.offset());
      Frag operand = unary();
      cur.leave();
      // (0 - x) rather than -x: MVEL's lexer reads "- -x" and "-(x)" inconsistently
      String text = t.is("!") ? "!(" + operand.text() + ")" : "(0 - " + operand.text() + ")";
      return Frag.of(text, operand.nest());
    }
    return postfix();
  }

  private Frag postfix() {
    Frag base = primary();
    boolean root = base.root();
    StringBuilder sb = new StringBuilder(base.text());
    int nest = base.nest();
    while (true) {
      Token t = cur.peek();
      if (t.is(".") || t.is(".?")) {
        cur.next();
        Token name = cur.next();
        if (name.kind() != Token.Kind.IDENT) {
          throw cur.fatal(ErrorCode.RULE_SYNTAX_ERROR, "expected a name after '.'", name.offset());
        }
        if (t.is(".") && cur.peek().is("(")) {
          List<Frag> args = args();
          if (!Vocabulary.isAllowedMethod(name.text(), args.size())) {
            cur.error(
                ErrorCode.METHOD_NOT_ALLOWED,
                "method not allowed: "
                    + name.text()
                    + "/"
                    + args.size()
                    + " (allowed: "
                    + new TreeSet<>(Vocabulary.METHODS.keySet())
                    + ")",
                name.offset());
          }
          sb.append('.').append(name.text()).append('(').append(join(args)).append(')');
          nest = Math.max(nest, maxOf(args));
        } else {
          if (Vocabulary.isDeniedProperty(name.text())) {
            cur.error(
                ErrorCode.PROPERTY_NOT_ALLOWED,
                "property name not allowed (use ['"
                    + name.text()
                    + "'] for a map key): "
                    + name.text(),
                name.offset());
          }
          if (root) {
            fields.add(name.text());
          }
          if (t.is(".")) {
            sb.append("['").append(name.text()).append("']");
          } else {
            sb.insert(0, NAV + "(").append(", '").append(name.text()).append("')");
          }
        }
      } else if (t.is("[")) {
        cur.next();
        Token first = cur.peek();
        Frag index = expr();
        cur.expect("]");
        if (root && first.kind() == Token.Kind.STRING && cur.peek(-2).offset() == first.offset()) {
          fields.add(first.text());
        }
        sb.append('[').append(index.text()).append(']');
        nest = Math.max(nest, index.nest());
      } else {
        return Frag.of(sb.toString(), nest);
      }
      root = false;
    }
  }

  private List<Frag> args() {
    cur.expect("(");
    List<Frag> args = new ArrayList<>();
    if (!cur.accept(")")) {
      do {
        args.add(expr());
      } while (cur.accept(","));
      cur.expect(")");
    }
    return args;
  }

  private Frag primary() {
    Token t = cur.next();
    switch (t.kind()) {
      case INT:
        return Frag.of(Canonical.integer(t.text()), 0);
      case DECIMAL:
        return Frag.of(t.text(), 0);
      case STRING:
        return Frag.of(Canonical.quote(t.text()), 0);
      case DOLLAR:
        strayDollars.add(t.offset());
        return Frag.of("$", 0);
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

  private Frag identifier(Token t) {
    switch (t.text()) {
      case "true":
      case "false":
      case "null":
        return Frag.of(t.text(), 0);
      case INPUT:
        return new Frag(INPUT, 0, true);
      case ITEM:
        if (allowItem) {
          return Frag.of(ITEM, 0);
        }
        cur.error(
            ErrorCode.UNKNOWN_IDENTIFIER,
            "'item' is only defined in a rule with for_each",
            t.offset());
        return Frag.of("null", 0);
      default:
        break;
    }
    if (cur.peek().is("(")) {
      List<Frag> args = args();
      HelperSpec spec = Helpers.find(t.text()).orElse(null);
      if (spec == null) {
        cur.error(ErrorCode.UNKNOWN_IDENTIFIER, "unknown function: " + t.text(), t.offset());
      } else if (spec.arity() != args.size()) {
        cur.error(
            ErrorCode.WRONG_ARITY,
            t.text() + " takes " + spec.arity() + " argument(s), not " + args.size(),
            t.offset());
      }
      String name = spec == null ? "null" : Helpers.internalName(spec);
      return Frag.of(name + "(" + join(args) + ")", maxOf(args));
    }
    cur.error(
        ErrorCode.UNKNOWN_IDENTIFIER,
        "unknown identifier: " + t.text() + " (the container is 'c')",
        t.offset());
    return Frag.of("null", 0);
  }

  private Frag parenthesis(Token open) {
    int dollarMark = strayDollars.size();
    Frag inner = expr();
    if (!cur.peek().isWord("in")) {
      cur.expect(")");
      return inner;
    }
    // a projection: ($.path in list if cond)
    Token in = cur.next();
    boolean usesDollar = strayDollars.size() > dollarMark;
    strayDollars.subList(dollarMark, strayDollars.size()).clear();
    if (!usesDollar) {
      throw cur.fatal(
          ErrorCode.IN_IS_NOT_MEMBERSHIP,
          "'in' is not a membership test; write 'list contains x' "
              + "(a projection's element must use $, as in ($.name in list))",
          in.offset());
    }
    Frag list = expr();
    String text = "((" + inner.text() + ") in (" + list.text() + ")";
    int nest = Math.max(inner.nest(), list.nest());
    if (cur.peek().isWord("if")) {
      cur.next();
      int filterMark = strayDollars.size();
      Frag filter = expr();
      strayDollars.subList(filterMark, strayDollars.size()).clear();
      text += " if (" + filter.text() + ")";
      nest = Math.max(nest, filter.nest());
    }
    cur.expect(")");
    text += ")";
    if (++projections > limits.maxProjections()) {
      throw cur.fatal(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "more than " + limits.maxProjections() + " projections",
          open.offset());
    }
    if (nest + 1 > limits.maxProjectionNesting()) {
      throw cur.fatal(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "projections nested too deeply (at most " + limits.maxProjectionNesting() + ")",
          open.offset());
    }
    if (Canonical.stringLiteralsContainInOrIf(text)) {
      // MVEL splits a projection at the first " in " / " if " even inside quotes
      cur.error(
          ErrorCode.RULE_SYNTAX_ERROR,
          "string literals inside a projection must not contain the words ' in ' or ' if '",
          open.offset());
    }
    return Frag.of(text, nest + 1);
  }

  private Frag collection(Token open) {
    cur.enter(open.offset());
    try {
      if (cur.accept("]")) {
        return Frag.of("[]", 0);
      }
      if (cur.peek().is(":")) {
        cur.next();
        cur.expect("]");
        return Frag.of("[:]", 0);
      }
      Token firstTok = cur.peek();
      Frag first = expr();
      boolean map = cur.peek().is(":");
      List<String> items = new ArrayList<>();
      int nest = first.nest();
      int count = 0;
      Frag current = first;
      Token currentTok = firstTok;
      while (true) {
        if (++count > limits.maxCollectionElements()) {
          throw cur.fatal(
              ErrorCode.RULE_LIMIT_EXCEEDED,
              "more than " + limits.maxCollectionElements() + " elements in a literal",
              currentTok.offset());
        }
        if (map) {
          if (currentTok.kind() != Token.Kind.STRING && currentTok.kind() != Token.Kind.INT
              || !current.text().equals(literalText(currentTok))) {
            throw cur.fatal(
                ErrorCode.RULE_SYNTAX_ERROR,
                "map literal keys must be string or number literals",
                currentTok.offset());
          }
          cur.expect(":");
          Frag value = expr();
          items.add(current.text() + " : " + value.text());
          nest = Math.max(nest, value.nest());
        } else {
          items.add(current.text());
          nest = Math.max(nest, current.nest());
        }
        if (!cur.accept(",")) {
          break;
        }
        currentTok = cur.peek();
        current = expr();
      }
      cur.expect("]");
      return Frag.of("[" + String.join(", ", items) + "]", nest);
    } finally {
      cur.leave();
    }
  }

  // ---- emission helpers

  private static String literalText(Token t) {
    return t.kind() == Token.Kind.STRING ? Canonical.quote(t.text()) : Canonical.integer(t.text());
  }

  private static String join(List<Frag> frags) {
    StringBuilder sb = new StringBuilder();
    for (Frag f : frags) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(f.text());
    }
    return sb.toString();
  }

  private static int max(Frag... frags) {
    return maxOf(List.of(frags));
  }

  private static int maxOf(List<Frag> frags) {
    int m = 0;
    for (Frag f : frags) {
      m = Math.max(m, f.nest());
    }
    return m;
  }
}
