package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.Caps;
import dev.keycard.model.Container;
import java.security.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Differential fuzzing of the gate against MVEL: expressions and templates full of quotes of both
 * kinds, backslashes, brackets, {@code @{}, {@code ''}, unicode escapes and comment markers inside
 * literals. Whatever compiles must (1) have been emitted with Keycard's names only, (2) agree with
 * the checker on every literal — a string literal evaluates to exactly the text Keycard's lexer
 * read, so the two readers never disagree — and (3) evaluate without loading a class outside the
 * allow-list, without touching files, processes, sockets or the environment, and within its
 * deadline. Seeds are fixed; a long run raises {@code jqwik.tries.default} (docs/fuzzing.md).
 */
@SuppressWarnings("removal") // a recording SecurityManager is the one way to see getenv and files
class GateDifferentialProperties {
  private static final RuleCompiler GATE = new RuleCompiler();

  /** What emitted MVEL may hold: Keycard's names, slots, catalogue fields, operators, brackets. */
  static final Pattern EMITTED =
      Pattern.compile(
          "([ ()\\[\\],?:!=<>&|+\\-*/%$]|c|item|in|if|contains|__k[0-9]+|__kc_[A-Za-z0-9_]+"
              + "|'[a-z_]+')*");

  /** Names MVEL may ask the restricted loader for: its own bare identifiers, or allowed classes. */
  private static final Pattern BARE = Pattern.compile("c|item|\\$|__k[0-9]+|__kc_[A-Za-z0-9_]+");

  private static final List<String> PIECES =
      List.of(
          "'", "\"", "\\", "''", "\"\"", "[", "]", "{", "}", "@{", "@", "${", "$", "(", ")", ",",
          ":", ";", "#", "//", "/*", "*/", " in ", " if ", "\\u0027", "\\n", ".getClass()",
          "Runtime", ".exec('touch /tmp/x')", "new ", "java.lang.System", "],'", "''[", " ", "a",
          "Z", "0", "=", "==", "&&", "||", "!", "?", "~=", "+", "`", "%");

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(24).map(l -> String.join("", l));
  }

  /** A literal of {@code s} in the rule language, with either quote. */
  static String literal(String s, char quote) {
    StringBuilder sb = new StringBuilder().append(quote);
    for (char ch : s.toCharArray()) {
      if (ch == '\\' || ch == quote) {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.append(quote).toString();
  }

  private static Map<String, Object> container(String image, String name) {
    Container.Builder b = Container.builder();
    b.name = name;
    b.image = image;
    b.user = image;
    b.capAdd.add(image);
    b.capAdd.add("X");
    return FrozenModel.freeze(b.build());
  }

  @Property(seed = "20261207")
  void literals_evaluateToExactlyWhatTheLexerRead(
      @ForAll("hostile") String s, @ForAll("hostile") String t, @ForAll boolean single)
      throws RuleCompileException {
    char q = single ? '\'' : '"';
    char r = single ? '"' : '\'';
    Map<String, Object> c = container(s, t);
    String ls = literal(s, q);
    String lt = literal(t, r);
    List<String> exprs =
        List.of(
            "c.image == " + ls,
            "[" + ls + ", " + lt + "] contains c.image",
            "c.name == " + lt + " && !(c.image != " + ls + ")",
            ls + " + " + lt + " == c.image + c.name",
            "($ in c.cap_add if $ == " + ls + ").size() >= 1",
            "(c.privileged ? " + lt + " : " + ls + ") == c.user",
            "['k' : " + ls + "]['k'] == c.image",
            "c.image.startsWith(" + ls + ") && c.image.endsWith(" + ls + ")",
            "c.image.contains(" + ls + ") && c.cap_add.contains(" + ls + ")");
    for (String e : exprs) {
      Program p = GATE.compileExpression(e);
      assertThat(p.canonical()).as(e).matches(EMITTED);
      assertThat(p.test(c)).as(e).isTrue();
    }
    Template tpl = GATE.compileTemplate("<@{" + ls + "}|@{c.name}>");
    assertThat(tpl.render(c)).isEqualTo(Program.render("<" + s + "|" + t + ">", 10_000));
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> atoms =
        Arbitraries.oneOf(
            Arbitraries.of(
                "c.image", "c.name", "c.user", "c.privileged", "c.read_only", "c.cap_add",
                "c.memory", "c.cpus", "c.mounts", "$", "$.source", "item", "c.healthcheck",
                "c.?healthcheck.?test", "true", "null", "1", "2.5", "docker_default_caps()"),
            hostile().map(s -> literal(s, '\'')),
            hostile().map(s -> literal(s, '"')));
    return Combinators.combine(atoms, atoms, atoms, Arbitraries.integers().between(0, 15))
        .as(
            (a, b, x, shape) ->
                switch (shape) {
                  case 0 -> a + " == " + b;
                  case 1 -> a + " contains " + b;
                  case 2 -> "(" + a + " ? " + b + " : " + x + ")";
                  case 3 -> "($ in " + a + " if " + b + " == " + x + ")";
                  case 4 -> "[" + a + ", " + b + "]";
                  case 5 -> a + ".startsWith(" + b + ")";
                  case 6 -> a + " ~= " + b;
                  case 7 -> "is_root_user(" + a + ") || " + b;
                  case 8 -> a + " + " + b + " + " + x;
                  case 9 -> "!(" + a + ") && " + b + " != " + x;
                  case 10 -> a + "[" + b + "]";
                  case 11 -> "(" + a + " in " + b + ")";
                  case 12 -> a + "." + b;
                  case 13 -> "@{" + a + "}" + b;
                  case 14 -> a + ".size() > " + b.length() + " || " + b + ".isEmpty()";
                  default -> a + " " + b + " " + x;
                });
  }

  @Property(seed = "20261207")
  void whateverCompiles_isKeycardNamesOnly_andEvaluatesSafelyWithinTheDeadline(
      @ForAll("expressions") String expr) {
    Program p;
    try {
      p = GATE.compileExpression(expr);
    } catch (RuleCompileException e) {
      assertThat(e.errors()).isNotEmpty();
      e.errors().forEach(g -> assertThat(g.offset()).isBetween(0, expr.length()));
      return;
    }
    assertThat(p.canonical()).as(expr).matches(EMITTED);
    evaluateWatched(p, expr);
  }

  @Property(seed = "20261207")
  void templates_compileTheirExpressionsThroughTheSameGate(
      @ForAll("hostile") String text, @ForAll("expressions") String expr) {
    String template = text.replace("@", "@@") + "@{" + expr + "}" + text.replace("@", "@@");
    try {
      Template t = GATE.compileTemplate(template);
      for (Object part : t.parts()) {
        if (part instanceof Program p) {
          assertThat(p.canonical()).as(template).matches(EMITTED);
          evaluateWatched(p, template);
        }
      }
    } catch (RuleCompileException e) {
      e.errors().forEach(g -> assertThat(g.offset()).isBetween(0, template.length()));
    }
  }

  /** Evaluates under a one-second budget with the security watchdog on this thread. */
  @SuppressWarnings("try")
  private static void evaluateWatched(Program p, String what) {
    Map<String, Object> c = container("nginx", "web");
    RestrictedClassLoader.REQUESTED.clear();
    Watchdog dog = Watchdog.install();
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(1), Caps.DEFAULTS).bind()) {
      p.eval(c, List.of("a"));
    } catch (RuleEvaluationException | BudgetExceeded expected) {
      // a data-dependent error or the deadline: both are answers
    } finally {
      dog.uninstall();
    }
    assertThat(dog.events()).as(what).isEmpty();
    for (String name : RestrictedClassLoader.REQUESTED) {
      assertThat(BARE.matcher(name).matches() || RestrictedClassLoader.allowed(name))
          .as(what + " asked for class " + name)
          .isTrue();
    }
  }

  @net.jqwik.api.Example
  void watchdog_seesEnvironmentFilesAndProcesses() throws Exception {
    Watchdog dog = Watchdog.install();
    try {
      System.getenv("HOME");
      try (var in = new java.io.FileInputStream("/etc/hostname")) {
        in.read();
      } catch (java.io.IOException ignored) {
        // reading is enough to be seen
      }
    } finally {
      dog.uninstall();
    }
    assertThat(dog.events()).anyMatch(e -> e.contains("getenv")).anyMatch(e -> e.contains("/etc/hostname"));
  }

  @AfterContainer
  static void noWatchdogLeft() {
    assertThat(System.getSecurityManager()).isNull();
  }

  /**
   * Records, for one thread, every attempt to run a process, read or write a file that is not
   * code, open a socket, read the environment or exit: a rule must never do any of it.
   */
  @SuppressWarnings("removal")
  static final class Watchdog extends SecurityManager {
    private final Thread watched = Thread.currentThread();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final SecurityManager previous;

    private Watchdog(SecurityManager previous) {
      this.previous = previous;
    }

    static Watchdog install() {
      Watchdog d = new Watchdog(System.getSecurityManager());
      System.setSecurityManager(d);
      return d;
    }

    void uninstall() {
      System.setSecurityManager(previous);
    }

    List<String> events() {
      return events;
    }

    private void record(String what) {
      if (Thread.currentThread() == watched) {
        events.add(what);
      }
    }

    @Override
    public void checkPermission(Permission perm) {
      String name = perm.getName();
      if (perm instanceof RuntimePermission
          && (name.startsWith("getenv.") || name.startsWith("exitVM"))) {
        record(perm.toString());
      }
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
      checkPermission(perm);
    }

    @Override
    public void checkExec(String cmd) {
      record("exec " + cmd);
    }

    @Override
    public void checkRead(String file) {
      if (!(file.endsWith(".jar") || file.endsWith(".class") || file.contains("/jmods/")
          || file.endsWith("/modules") || file.endsWith("/classes") || file.endsWith("/"))) {
        record("read " + file);
      }
    }

    @Override
    public void checkWrite(String file) {
      record("write " + file);
    }

    @Override
    public void checkDelete(String file) {
      record("delete " + file);
    }

    @Override
    public void checkConnect(String host, int port) {
      record("connect " + host + ":" + port);
    }

    @Override
    public void checkListen(int port) {
      record("listen " + port);
    }
  }
}
