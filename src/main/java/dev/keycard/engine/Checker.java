package dev.keycard.engine;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.keycard.engine.fn.Intrinsics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mvel2.Operator;

/**
 * Resolves and types a parse tree (layer 2 of the gate): every field against the catalogue
 * ({@link Schema}), every helper against its declaration ({@link Helpers}), every method against
 * {@link Methods}, every operator against its operand types, and binds every literal to a constant
 * slot. Reports every problem it finds, each at its position; the result is a {@link Checked} tree
 * that holds no caller text at all.
 */
final class Checker {
  private static final int MAX_ERRORS = 20;

  /** A projection over a list: the container field it iterates (null if not one) and its cost. */
  record Loop(String field, long inner) {}

  /** What checking produced; {@code reads} as {@link Reads} names them. */
  record Result(
      Checked tree,
      List<Object> slots,
      Set<String> fields,
      Set<String> reads,
      long baseCost,
      List<Loop> loops) {}

  private final String src;
  private final List<GateError> errors;
  private final Type itemType;
  private final String forEach;
  private final List<Object> slots = new ArrayList<>();
  private final Set<String> fields = new TreeSet<>();
  private final List<Loop> loops = new ArrayList<>();
  private Type dollar;
  private long nodes;

  private Checker(String src, Type itemType, String forEach, List<GateError> errors) {
    this.src = src;
    this.itemType = itemType;
    this.forEach = forEach;
    this.errors = errors;
  }

  /**
   * Checks {@code e}; {@code itemType} is the type of {@code item} (the element of a {@code
   * for_each} list), or null where there is none. Returns null when {@code errors} gained entries.
   */
  static Result check(
      String src, Expr e, Type itemType, String forEach, List<GateError> errors) {
    Checker c = new Checker(src, itemType, forEach, errors);
    int before = errors.size();
    Checked tree = c.node(e);
    if (errors.size() > before) {
      return null;
    }
    List<Object> slots = java.util.Collections.unmodifiableList(new ArrayList<>(c.slots));
    return new Result(
        tree, slots, Set.copyOf(c.fields), Reads.of(tree, slots, forEach), c.nodes, c.loops);
  }

  /** The element type of a container list field, or null when {@code field} is not one. */
  static Type elementOf(String field) {
    Type t = Schema.CONTAINER.fields().get(field);
    return t != null && t.is(Type.Kind.LIST) ? t.elem() : null;
  }

  // ---- errors

  private Checked error(ErrorCode code, String message, int at) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(GateError.at(code, message, src, at));
    }
    return new Checked.Slot(-1, Type.DYN);
  }

  private void expect(Checked c, Type.Kind kind, String what, int at) {
    if (!c.type().fits(kind)) {
      error(
          ErrorCode.TYPE_MISMATCH,
          what + " must be " + article(kind.name().toLowerCase(java.util.Locale.ROOT))
              + ", not " + article(c.type().toString()),
          at);
    }
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  // ---- nodes

  private Checked node(Expr e) {
    nodes++;
    if (e instanceof Expr.Lit l) {
      return slot(literalType(l.kind()), l.value());
    }
    if (e instanceof Expr.ListLit l) {
      return listLiteral(l);
    }
    if (e instanceof Expr.MapLit m) {
      return mapLiteral(m);
    }
    if (e instanceof Expr.Name n) {
      return name(n);
    }
    if (e instanceof Expr.Field f) {
      return field(node(f.target()), f.name(), f.nullSafe(), f.target(), f.at());
    }
    if (e instanceof Expr.Index i) {
      return index(i);
    }
    if (e instanceof Expr.Method m) {
      return method(m);
    }
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    if (e instanceof Expr.Unary u) {
      return unary(u);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Regex r) {
      return regex(r);
    }
    if (e instanceof Expr.Cond c) {
      return cond(c);
    }
    return projection((Expr.Projection) e);
  }

  private static Type literalType(Expr.LitKind kind) {
    return switch (kind) {
      case STRING -> Type.STRING;
      case INT -> Type.INT;
      case DECIMAL -> Type.DOUBLE;
      case BOOL -> Type.BOOL;
      case NULL -> Type.NULL;
    };
  }

  private Checked.Slot slot(Type type, Object value) {
    slots.add(value);
    return new Checked.Slot(slots.size() - 1, type);
  }

  private Checked listLiteral(Expr.ListLit l) {
    List<Object> values = new ArrayList<>();
    Type elem = null;
    for (Expr item : l.items()) {
      if (!(item instanceof Expr.Lit lit)) {
        return error(
            ErrorCode.RULE_SYNTAX_ERROR,
            "the elements of a list literal must be literals (strings, numbers, true, false, null)",
            item.start());
      }
      values.add(lit.value());
      Type t = literalType(lit.kind());
      elem = elem == null ? t : Type.unify(elem, t);
    }
    return slot(Type.list(elem == null ? Type.DYN : elem), FrozenModel.freeze(values));
  }

  private Checked mapLiteral(Expr.MapLit m) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    Type value = null;
    for (int i = 0; i < m.keys().size(); i++) {
      Expr k = m.keys().get(i);
      Expr v = m.values().get(i);
      if (!(k instanceof Expr.Lit key)
          || (key.kind() != Expr.LitKind.STRING && key.kind() != Expr.LitKind.INT)) {
        return error(
            ErrorCode.RULE_SYNTAX_ERROR,
            "map literal keys must be string or number literals",
            k.start());
      }
      if (!(v instanceof Expr.Lit lit)) {
        return error(
            ErrorCode.RULE_SYNTAX_ERROR,
            "the values of a map literal must be literals (strings, numbers, true, false, null)",
            v.start());
      }
      values.put(String.valueOf(key.value()), lit.value());
      Type t = literalType(lit.kind());
      value = value == null ? t : Type.unify(value, t);
    }
    return slot(Type.map(value == null ? Type.DYN : value), FrozenModel.freeze(values));
  }

  private Checked name(Expr.Name n) {
    switch (n.name()) {
      case Parser.INPUT:
        return new Checked.Root(Parser.INPUT, Schema.CONTAINER);
      case Parser.ITEM:
        if (itemType == null) {
          return error(
              ErrorCode.UNKNOWN_IDENTIFIER, "'item' is only defined in a rule with for_each", n.at());
        }
        return new Checked.Root(Parser.ITEM, itemType);
      case Parser.DOLLAR:
        if (dollar == null) {
          return error(
              ErrorCode.DOLLAR_OUTSIDE_PROJECTION,
              "'$' is only allowed inside a projection ($ in list if ...)",
              n.at());
        }
        return new Checked.Root(Parser.DOLLAR, dollar);
      default:
        return error(
            ErrorCode.UNKNOWN_IDENTIFIER,
            "unknown identifier: " + n.name() + " (the container is 'c')",
            n.at());
    }
  }

  /** {@code target.name}: a catalogue field, a map key, or a field read at run time (dyn). */
  private Checked field(Checked target, String name, boolean nullSafe, Expr source, int at) {
    Type t = target.type();
    if (t.is(Type.Kind.RECORD)) {
      Type f = t.fields().get(name);
      if (f == null) {
        String hint = Schema.closest(t, name);
        return error(
            ErrorCode.UNKNOWN_FIELD,
            "unknown field '" + name + "' of " + article(t.recordName())
                + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; fields: " + new TreeSet<>(t.fields().keySet()),
            at);
      }
      if (target instanceof Checked.Root r && r.name().equals(Parser.INPUT)) {
        fields.add(name);
      }
      if (!nullSafe && target instanceof Checked.Root r) {
        return new Checked.Path(r.name(), List.of(name), f);
      }
      if (!nullSafe && target instanceof Checked.Path p) {
        List<String> chain = new ArrayList<>(p.fields());
        chain.add(name);
        return new Checked.Path(p.root(), chain, f);
      }
      return new Checked.Fn(nullSafe ? "__kc_nav" : "__kc_get", List.of(target, slot(Type.STRING, name)), f);
    }
    if (t.is(Type.Kind.MAP) || t.dyn() || (nullSafe && t.is(Type.Kind.NULL))) {
      Type result = t.is(Type.Kind.MAP) ? t.elem() : Type.DYN;
      return new Checked.Fn(
          nullSafe ? "__kc_nav" : "__kc_get", List.of(target, slot(Type.STRING, name)), result);
    }
    return error(
        ErrorCode.TYPE_MISMATCH,
        "cannot read field '" + name + "' of " + article(t.toString()),
        at);
  }

  private Checked index(Expr.Index i) {
    Checked target = node(i.target());
    Type t = target.type();
    if (t.is(Type.Kind.RECORD)) {
      if (i.key() instanceof Expr.Lit k && k.kind() == Expr.LitKind.STRING) {
        nodes++;
        return field(target, (String) k.value(), false, i.target(), i.key().at());
      }
      return error(
          ErrorCode.TYPE_MISMATCH,
          "a field of " + article(t.recordName()) + " is read by its name: write ['name']",
          i.key().at());
    }
    Checked key = node(i.key());
    if (t.is(Type.Kind.LIST)) {
      expect(key, Type.Kind.INT, "a list index", i.key().at());
      return new Checked.Fn("__kc_index", List.of(target, key), t.elem());
    }
    if (t.is(Type.Kind.MAP)) {
      expect(key, Type.Kind.STRING, "a map key", i.key().at());
      return new Checked.Fn("__kc_index", List.of(target, key), t.elem());
    }
    if (t.dyn()) {
      return new Checked.Fn("__kc_index", List.of(target, key), Type.DYN);
    }
    return error(ErrorCode.TYPE_MISMATCH, "cannot index " + article(t.toString()), i.at());
  }

  private Checked method(Expr.Method m) {
    Checked target = node(m.target());
    List<Checked> args = new ArrayList<>();
    args.add(target);
    for (Expr a : m.args()) {
      args.add(node(a));
    }
    Methods.Spec spec = Methods.ALL.get(m.name());
    if (spec == null || spec.params().size() != m.args().size()) {
      return error(
          ErrorCode.METHOD_NOT_ALLOWED,
          "method not allowed: " + m.name() + "/" + m.args().size() + " (allowed: "
              + Methods.names() + ")",
          m.at());
    }
    Type t = target.type();
    if (!t.dyn() && !t.is(Type.Kind.NULL) && !spec.receivers().contains(t.kind())) {
      return error(
          ErrorCode.TYPE_MISMATCH,
          m.name() + "() is not a method of " + article(t.toString()),
          m.at());
    }
    for (int k = 0; k < spec.params().size(); k++) {
      Type want = spec.params().get(k);
      Checked a = args.get(k + 1);
      if (spec.name().equals("contains")) {
        Type elem = t.is(Type.Kind.LIST) ? t.elem() : t.is(Type.Kind.STRING) ? Type.STRING : Type.DYN;
        if (!Type.comparable(elem, a.type())) {
          error(
              ErrorCode.TYPE_MISMATCH,
              "contains() on " + article(t.toString()) + " takes " + article(elem.toString())
                  + ", not " + article(a.type().toString()),
              m.args().get(k).at());
        }
      } else if (!want.dyn()) {
        expect(a, want.kind(), "the argument of " + m.name() + "()", m.args().get(k).at());
      }
    }
    return new Checked.Fn(spec.mvelName(), args, spec.result());
  }

  private Checked call(Expr.Call c) {
    List<Checked> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(node(a));
    }
    HelperSpec spec = Helpers.find(c.name()).orElse(null);
    if (spec == null) {
      return error(ErrorCode.UNKNOWN_IDENTIFIER, "unknown function: " + c.name(), c.at());
    }
    if (spec.arity() != args.size()) {
      return error(
          ErrorCode.WRONG_ARITY,
          c.name() + " takes " + spec.arity() + " argument(s), not " + args.size(),
          c.at());
    }
    for (int k = 0; k < args.size(); k++) {
      expect(
          args.get(k),
          Type.Kind.STRING,
          "argument " + (k + 1) + " (" + spec.params().get(k) + ") of " + c.name(),
          c.args().get(k).at());
    }
    return new Checked.Fn(Helpers.internalName(spec), args, resultType(spec.result()));
  }

  private static Type resultType(String name) {
    return switch (name) {
      case "bool" -> Type.BOOL;
      case "int" -> Type.INT;
      case "string" -> Type.STRING;
      case "list(string)" -> Type.list(Type.STRING);
      default -> throw new IllegalStateException("helper result type " + name);
    };
  }

  private Checked unary(Expr.Unary u) {
    Checked operand = node(u.operand());
    if (u.op().equals("!")) {
      expect(operand, Type.Kind.BOOL, "the operand of !", u.operand().at());
      return new Checked.Not(operand);
    }
    if (!operand.type().numeric() && !operand.type().dyn()) {
      error(
          ErrorCode.TYPE_MISMATCH,
          "the operand of - must be a number, not " + article(operand.type().toString()),
          u.operand().at());
    }
    return new Checked.Fn("__kc_neg", List.of(operand), operand.type());
  }

  private Checked binary(Expr.Binary b) {
    Checked l = node(b.left());
    Checked r = node(b.right());
    switch (b.op()) {
      case "&&":
      case "||":
        expect(l, Type.Kind.BOOL, "the left side of " + b.op(), b.left().at());
        expect(r, Type.Kind.BOOL, "the right side of " + b.op(), b.right().at());
        return new Checked.Logic(b.op().equals("&&"), l, r);
      case "==":
      case "!=":
        if (!Type.comparable(l.type(), r.type())) {
          error(
              ErrorCode.TYPE_MISMATCH,
              "cannot compare " + article(l.type().toString()) + " with "
                  + article(r.type().toString()) + " (the result would always be "
                  + b.op().equals("!=") + ")",
              b.at());
        }
        return new Checked.Bin(
            b.op().equals("==") ? Operator.EQUAL : Operator.NEQUAL, b.op(), l, r, Type.BOOL);
      case "<":
      case ">":
      case "<=":
      case ">=":
        ordered(l, r, b);
        return new Checked.Bin(ordering(b.op()), b.op(), l, r, Type.BOOL);
      case "contains":
        return contains(l, r, b);
      case "+":
        if (l.type().numeric() && r.type().numeric()) {
          return new Checked.Bin(Operator.ADD, "+", l, r, arithmetic(l, r));
        }
        if (l.type().is(Type.Kind.LIST) || r.type().is(Type.Kind.LIST)
            || l.type().is(Type.Kind.MAP) || r.type().is(Type.Kind.MAP)
            || l.type().is(Type.Kind.RECORD) || r.type().is(Type.Kind.RECORD)) {
          return error(
              ErrorCode.TYPE_MISMATCH,
              "+ adds numbers or joins text, not " + article(l.type().toString()) + " and "
                  + article(r.type().toString()),
              b.at());
        }
        boolean text = l.type().is(Type.Kind.STRING) || r.type().is(Type.Kind.STRING);
        return new Checked.Fn("__kc_add", List.of(l, r), text ? Type.STRING : Type.DYN);
      default:
        numeric(l, b.op(), b.left().at());
        numeric(r, b.op(), b.right().at());
        int op =
            switch (b.op()) {
              case "-" -> Operator.SUB;
              case "*" -> Operator.MULT;
              case "/" -> Operator.DIV;
              default -> Operator.MOD;
            };
        Type t = b.op().equals("/") ? Type.DOUBLE : arithmetic(l, r);
        return new Checked.Bin(op, b.op(), l, r, t);
    }
  }

  private static Type arithmetic(Checked l, Checked r) {
    if (l.type().is(Type.Kind.INT) && r.type().is(Type.Kind.INT)) {
      return Type.INT;
    }
    return l.type().dyn() || r.type().dyn() ? Type.DYN : Type.DOUBLE;
  }

  private void numeric(Checked c, String op, int at) {
    if (!c.type().numeric() && !c.type().dyn()) {
      error(
          ErrorCode.TYPE_MISMATCH,
          "the operands of " + op + " must be numbers, not " + article(c.type().toString()),
          at);
    }
  }

  private void ordered(Checked l, Checked r, Expr.Binary b) {
    Type a = l.type();
    Type c = r.type();
    boolean ok =
        a.dyn() || c.dyn() || a.is(Type.Kind.NULL) || c.is(Type.Kind.NULL)
            || (a.numeric() && c.numeric())
            || (a.is(Type.Kind.STRING) && c.is(Type.Kind.STRING));
    if (!ok) {
      error(
          ErrorCode.TYPE_MISMATCH,
          b.op() + " compares two numbers or two strings, not " + article(a.toString()) + " and "
              + article(c.toString()),
          b.at());
    }
  }

  private static int ordering(String op) {
    return switch (op) {
      case "<" -> Operator.LTHAN;
      case ">" -> Operator.GTHAN;
      case "<=" -> Operator.LETHAN;
      default -> Operator.GETHAN;
    };
  }

  private Checked contains(Checked l, Checked r, Expr.Binary b) {
    Type t = l.type();
    Type elem;
    if (t.is(Type.Kind.LIST)) {
      elem = t.elem();
    } else if (t.is(Type.Kind.STRING) || t.is(Type.Kind.MAP)) {
      elem = Type.STRING;
    } else if (t.dyn() || t.is(Type.Kind.NULL)) {
      elem = Type.DYN;
    } else {
      return error(
          ErrorCode.TYPE_MISMATCH,
          "contains needs a list, a map or a string on its left, not " + article(t.toString()),
          b.at());
    }
    if (!Type.comparable(elem, r.type())) {
      error(
          ErrorCode.TYPE_MISMATCH,
          article(t.toString()) + " cannot contain " + article(r.type().toString()),
          b.right().at());
    }
    // Keycard's function, not MVEL's operator: String.contains is quadratic in the worst case
    return new Checked.Fn("__kc_contains", List.of(l, r), Type.BOOL);
  }

  private Checked regex(Expr.Regex r) {
    Checked subject = node(r.subject());
    Type t = subject.type();
    if (t.is(Type.Kind.LIST) || t.is(Type.Kind.MAP) || t.is(Type.Kind.RECORD)) {
      error(
          ErrorCode.TYPE_MISMATCH,
          "~= matches text, not " + article(t.toString()),
          r.subject().at());
    }
    long cost = RegexCost.of(r.pattern());
    if (cost > RegexCost.MAX) {
      // checked before compiling: RE2J expands counted repetitions, and would fill the heap
      return error(
          ErrorCode.RULE_LIMIT_EXCEEDED,
          "regular expression too large: its counted repetitions make a program of about "
              + cost + " instructions (at most " + RegexCost.MAX + ")",
          r.at());
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(r.pattern());
    } catch (PatternSyntaxException e) {
      return error(
          ErrorCode.INVALID_REGEX, "invalid regular expression: " + e.getMessage(), r.at());
    }
    return new Checked.Fn(
        "__kc_re2",
        List.of(subject, slot(Type.DYN, new Intrinsics.Regex(pattern, cost))),
        Type.BOOL);
  }

  private Checked cond(Expr.Cond c) {
    Checked test = node(c.cond());
    expect(test, Type.Kind.BOOL, "the condition of ?:", c.cond().at());
    Checked a = node(c.then());
    Checked b = node(c.otherwise());
    return new Checked.Cond(test, a, b, Type.unify(a.type(), b.type()));
  }

  private Checked projection(Expr.Projection p) {
    if (!p.element().any(x -> x instanceof Expr.Name n && n.name().equals(Parser.DOLLAR))) {
      error(
          ErrorCode.IN_IS_NOT_MEMBERSHIP,
          "'in' is not a membership test; write 'list contains x' "
              + "(a projection's element must use $, as in ($.name in list))",
          p.inAt());
    }
    Checked list = node(p.list());
    Type lt = list.type();
    if (!lt.is(Type.Kind.LIST) && !lt.dyn()) {
      return error(
          ErrorCode.TYPE_MISMATCH,
          "a projection iterates a list, not " + article(lt.toString()),
          p.list().at());
    }
    Type saved = dollar;
    dollar = lt.dyn() ? Type.DYN : lt.elem();
    long before = nodes;
    Checked element = node(p.element());
    Checked filter = null;
    if (p.filter() != null) {
      filter = node(p.filter());
      expect(filter, Type.Kind.BOOL, "the filter of a projection", p.filter().at());
    }
    long inner = nodes - before + 1;
    nodes = before;
    dollar = saved;
    String field =
        list instanceof Checked.Path path
                && path.root().equals(Parser.INPUT)
                && path.fields().size() == 1
            ? path.fields().get(0)
            : null;
    loops.add(new Loop(field, inner));
    return new Checked.Fold(element, list, filter, Type.list(element.type()));
  }
}
