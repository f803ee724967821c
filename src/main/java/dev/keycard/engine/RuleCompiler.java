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
 * The gate every rule expression and message template goes through: lex, parse, re-emit canonical
 * MVEL, locked compile, tree check, one warm-up evaluation. Thread-safe; every problem found is
 * reported at once in a {@link RuleCompileException}.
 */
public final class RuleCompiler {
  private static final Map<String, Object> SAMPLE = FrozenModel.freeze(sampleContainer());

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

  /** Compiles one expression (a rule's {@code when}, or any value expression). */
  public Program compileExpression(String expr) throws RuleCompileException {
    return compileExpression(expr, false);
  }

  /** Compiles an expression; with {@code allowItem}, {@code item} names a for_each element. */
  public Program compileExpression(String expr, boolean allowItem) throws RuleCompileException {
    List<GateError> errors = new ArrayList<>();
    Program p = compile(expr, errors, allowItem);
    if (p == null) {
      throw new RuleCompileException(expr, errors);
    }
    return p;
  }

  /**
   * Compiles a message template: literal text, {@code @@} for a literal {@code @}, and
   * {@code @{expr}} where each expression goes through the same gate. Any other {@code @} is
   * refused.
   */
  public Template compileTemplate(String template) throws RuleCompileException {
    return compileTemplate(template, false);
  }

  /** Compiles a template; with {@code allowItem}, its expressions may read {@code item}. */
  public Template compileTemplate(String template, boolean allowItem)
      throws RuleCompileException {
    List<GateError> errors = new ArrayList<>();
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
        Program p = compile(template.substring(i + 2, end), local, allowItem);
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

  private Program compile(String expr, List<GateError> errors, boolean allowItem) {
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
    Parser.Parsed parsed = Parser.parse(expr, tokens, limits, errors, allowItem);
    if (parsed == null) {
      return null;
    }
    List<String> problems = new ArrayList<>();
    CompiledExpression compiled = LockedMvel.compile(parsed.canonical(), problems);
    if (compiled == null) {
      ErrorCode code =
          problems.stream().anyMatch(m -> m.startsWith(LockedMvel.MVEL_REFUSED))
              ? ErrorCode.RULE_COMPILE_ERROR
              : ErrorCode.SANDBOX_VIOLATION;
      errors.add(GateError.at(code, String.join("; ", problems), expr, 0));
      return null;
    }
    Program program = new Program(expr, parsed.canonical(), compiled, parsed.fields());
    warmUp(program);
    return program;
  }

  /**
   * Evaluates once on one thread so MVEL builds its accessors before the program is shared
   * (mvel-sandbox.md section 7). The sample's answer does not matter, nor does an error on it.
   */
  private static void warmUp(Program program) {
    try {
      program.eval(SAMPLE);
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
