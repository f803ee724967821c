package dev.keycard.engine;

import dev.keycard.model.Container;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvel2.compiler.CompiledExpression;

/**
 * The gate every rule expression and message template goes through, as CEL compiles: lex, parse
 * into a tree with positions, check it against the field catalogue and the function declarations
 * (every problem at once), emit MVEL from the checked tree's shape alone (literals are bound as
 * constant slots, so no caller character reaches MVEL's lexer), compile it locked, and hold MVEL's
 * compiled tree node for node against the checked one; then one warm-up evaluation. Thread-safe.
 */
public final class RuleCompiler {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(RuleCompiler.class);

  private static final Map<String, Object> SAMPLE = FrozenModel.freeze(sampleContainer());

  /** An element to bind {@code item} to while warming up (its type may not match: harmless). */
  private static final Object SAMPLE_ITEM = ((List<?>) SAMPLE.get("mounts")).get(0);

  private final Limits limits;

  public RuleCompiler(Limits limits) {
    this.limits = limits;
  }

  /** A compiler with the ad-hoc defaults ({@link Limits#DEFAULT}). */
  public RuleCompiler() {
    this(Limits.DEFAULT);
  }

  public Limits limits() {
    return limits;
  }

  /** Compiles one expression (a rule's {@code when}, or any value expression) without {@code item}. */
  public Program compileExpression(String expr) throws RuleCompileException {
    return compileExpression(expr, null);
  }

  /**
   * Compiles an expression; with {@code forEach} (a container list field, or null), {@code item}
   * names one element of that list.
   */
  public Program compileExpression(String expr, String forEach) throws RuleCompileException {
    List<GateError> errors = new ArrayList<>();
    Program p = compile(expr, errors, itemType(forEach, expr, errors), forEach);
    if (p == null) {
      throw new RuleCompileException(expr, errors);
    }
    return p;
  }

  /** The type of {@code item} for a for_each field, or null; an error when it is no list field. */
  private static Type itemType(String forEach, String source, List<GateError> errors) {
    if (forEach == null) {
      return null;
    }
    Type t = Checker.elementOf(forEach);
    if (t == null) {
      errors.add(
          GateError.at(
              ErrorCode.UNKNOWN_FIELD,
              "for_each must name a list field of the container, not '" + forEach + "'",
              source,
              0));
      return Type.DYN;
    }
    return t;
  }

  /**
   * Compiles a message template: literal text, {@code @@} for a literal {@code @}, and
   * {@code @{expr}} where each expression goes through the same gate. Any other {@code @} is
   * refused. MVEL's template engine is never used: Keycard joins the parts itself.
   */
  public Template compileTemplate(String template) throws RuleCompileException {
    return compileTemplate(template, null);
  }

  /** Compiles a template; with {@code forEach}, its expressions may read {@code item}. */
  public Template compileTemplate(String template, String forEach) throws RuleCompileException {
    List<GateError> errors = new ArrayList<>();
    Type item = itemType(forEach, template, errors);
    List<Object> parts = new ArrayList<>();
    if (template.length() > limits.maxTemplateLength()) {
      errors.add(
          GateError.at(
              ErrorCode.RULE_LIMIT_EXCEEDED,
              "template longer than " + limits.maxTemplateLength(),
              template,
              limits.maxTemplateLength()));
      throw new RuleCompileException(template, errors);
    }
    StringBuilder text = new StringBuilder();
    int expressions = 0;
    int i = 0;
    while (i < template.length()) {
      char ch = template.charAt(i);
      if (ch != '@') {
        text.append(ch);
        i++;
        continue;
      }
      char next = i + 1 < template.length() ? template.charAt(i + 1) : 0;
      if (next == '@') {
        text.append('@');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(template, i + 2);
        if (end < 0) {
          errors.add(GateError.at(ErrorCode.RULE_SYNTAX_ERROR, "unterminated @{", template, i));
          break;
        }
        if (++expressions > limits.maxTemplateExpressions()) {
          errors.add(
              GateError.at(
                  ErrorCode.RULE_LIMIT_EXCEEDED,
                  "more than " + limits.maxTemplateExpressions() + " expressions in a template",
                  template,
                  i));
          break;
        }
        if (text.length() > 0) {
          parts.add(text.toString());
          text.setLength(0);
        }
        List<GateError> local = new ArrayList<>();
        Program p = compile(template.substring(i + 2, end), local, item, forEach);
        for (GateError e : local) {
          errors.add(e.shift(template, i + 2));
        }
        parts.add(p);
        i = end + 1;
      } else {
        int j = i + 1;
        while (j < template.length() && Character.isLetter(template.charAt(j))) {
          j++;
        }
        String directive = template.substring(i, j);
        errors.add(
            GateError.at(
                ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
                j > i + 1
                    ? "template directive not allowed: " + directive + " (only @{...} and @@)"
                    : "a lone '@' is not allowed; write @@ for a literal @",
                template,
                i));
        i = Math.max(j, i + 1);
      }
    }
    if (text.length() > 0) {
      parts.add(text.toString());
    }
    if (!errors.isEmpty()) {
      throw new RuleCompileException(template, errors);
    }
    return new Template(template, parts);
  }

  /** Index of the {@code }} closing an {@code @{}, skipping quoted strings; -1 when none. */
  private static int closingBrace(String s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '}') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Parse, check, emit, compile, match: the whole gate for one expression. Returns null with
   * {@code errors} filled when any layer refuses it.
   */
  private Program compile(String expr, List<GateError> errors, Type item, String forEach) {
    if (expr.length() > limits.maxLength()) {
      errors.add(
          GateError.at(
              ErrorCode.RULE_LIMIT_EXCEEDED,
              "expression longer than " + limits.maxLength() + " characters",
              expr,
              limits.maxLength()));
      return null;
    }
    if (expr.isBlank()) {
      errors.add(GateError.at(ErrorCode.RULE_SYNTAX_ERROR, "empty expression", expr, 0));
      return null;
    }
    int before = errors.size();
    List<Token> tokens = Lexer.lex(expr, limits, errors);
    if (errors.size() > before) {
      return null;
    }
    Expr tree = Parser.parse(expr, tokens, limits, errors);
    if (tree == null) {
      return null;
    }
    Checker.Result checked =
        Checker.check(expr, tree, item, item == null ? null : forEach, errors);
    if (checked == null) {
      return null;
    }
    String text = Emitter.text(checked.tree());
    List<String> problems = new ArrayList<>();
    CompiledExpression compiled = LockedMvel.compile(text, problems);
    if (compiled == null) {
      LOG.warnf("MVEL refused an emitted expression: %s", String.join("; ", problems));
      errors.add(
          GateError.at(
              ErrorCode.RULE_COMPILE_ERROR, "MVEL refused the rule's emitted form", expr, 0));
      return null;
    }
    String expected = Emitter.shape(checked.tree());
    try {
      String actual =
          TreeMatcher.shape(
              compiled,
              LockedMvel.FUNCTIONS.keySet(),
              arg -> LockedMvel.compile(arg, new ArrayList<>()));
      if (!actual.equals(expected)) {
        errors.add(
            GateError.at(
                ErrorCode.SANDBOX_VIOLATION,
                "MVEL compiled the rule into a different tree than the gate checked",
                expr,
                0));
        return null;
      }
    } catch (TreeMatcher.Mismatch e) {
      // the detail names MVEL's internals: the log keeps it, the caller gets the refusal
      LOG.warnf("compiled-tree check refused an expression: %s", e.getMessage());
      errors.add(
          GateError.at(
              ErrorCode.SANDBOX_VIOLATION,
              "MVEL compiled the rule into a tree the gate did not check",
              expr,
              0));
      return null;
    }
    Program program =
        new Program(
            expr,
            text,
            compiled,
            checked.slots(),
            checked.fields(),
            checked.reads(),
            checked.baseCost(),
            checked.loops());
    warmUp(program, item != null);
    return program;
  }

  /**
   * Whether the locked compile and the compiled-tree check refuse {@code mvel} written by hand, as
   * if it had come past the emitter: the defence behind the checker, tested on its own.
   */
  static boolean refusesRawMvel(String mvel) {
    CompiledExpression compiled = LockedMvel.compile(mvel, new ArrayList<>());
    if (compiled == null) {
      return true;
    }
    try {
      TreeMatcher.shape(
          compiled, LockedMvel.FUNCTIONS.keySet(), arg -> LockedMvel.compile(arg, new ArrayList<>()));
      return false;
    } catch (TreeMatcher.Mismatch e) {
      return true;
    }
  }

  /**
   * Evaluates once on one thread so MVEL builds its accessors before the program is shared
   * (mvel-sandbox.md section 7). The sample's answer does not matter, nor does an error on it.
   */
  private static void warmUp(Program program, boolean item) {
    try {
      program.eval(SAMPLE, item ? SAMPLE_ITEM : null);
    } catch (RuleEvaluationException e) {
      // data-dependent (an empty list indexed, a non-boolean...): judged per real input
    }
  }

  private static Container sampleContainer() {
    Container.Builder b = Container.builder();
    b.name = "sample";
    b.image = "nginx:1.27";
    b.user = "1000:1000";
    b.capAdd.add("NET_BIND_SERVICE");
    b.capDrop.add("ALL");
    b.securityOpt.add("no-new-privileges:true");
    b.memory = 536870912L;
    b.pidsLimit = 100L;
    b.mounts.add(new Mount("bind", "/srv/data", "/data", true, null));
    b.ports.add(new Port("127.0.0.1", 8080, null, 80, null, "tcp"));
    b.sysctls.add(new Sysctl("net.ipv4.tcp_syncookies", "1"));
    b.environment.add(new EnvVar("MODE", "prod"));
    b.healthcheck = new Healthcheck(List.of("CMD", "true"), false);
    return b.build();
  }
}
