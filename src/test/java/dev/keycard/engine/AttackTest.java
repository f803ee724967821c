package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile expressions and templates (mvel-sandbox.md section 4 and more): each is refused at
 * compile time with a specific code at a specific place, and none of them ran.
 */
public class AttackTest {
  private static final Path PWNED =
      Path.of(System.getProperty("java.io.tmpdir"), "keycard-engine-pwned");
  private static final String T = PWNED.toString();
  private static final RuleCompiler COMPILER = new RuleCompiler();
  private static final Map<String, Object> RISKY = FrozenModel.freeze(Containers.risky());

  @BeforeAll
  static void noSentinelYet() throws Exception {
    Files.deleteIfExists(PWNED);
    System.clearProperty("pwned");
  }

  /** name, payload, expected code, text at the expected error position (null: not checked). */
  public static Stream<Arguments> expressions() {
    String deep = "(".repeat(100) + "1" + ")".repeat(100);
    String longExpr = "c.user == '" + "a".repeat(1_200) + "'";
    String manyTokens = "1" + " + 1".repeat(100);
    String bigList = "[" + "1, ".repeat(64) + "1] contains 1";
    String fiveProjections =
        "($ in c.cap_add).size() + ($ in c.cap_add).size() + "
            + "($ in c.cap_add).size() + ($ in c.cap_add).size() + ($ in c.cap_add).size() > 0";
    return Stream.of(
        row(
            "01 Runtime.exec via class literal",
            "Runtime.getRuntime().exec('touch " + T + "')",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "Runtime"),
        row(
            "02 Runtime.exec via FQCN",
            "java.lang.Runtime.getRuntime().exec('touch " + T + "')",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "java"),
        row(
            "03 System.exit via FQCN",
            "java.lang.System.exit(0)",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "java"),
        row("04 System.exit", "System.exit(0)", ErrorCode.UNKNOWN_IDENTIFIER, "System"),
        row(
            "05 System.setProperty",
            "System.setProperty('pwned', '1')",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "System"),
        row(
            "06 Class.forName",
            "Class.forName('java.lang.Runtime')",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "Class"),
        row(
            "07 getClass on a literal",
            "''.getClass().forName('java.lang.Runtime')",
            ErrorCode.METHOD_NOT_ALLOWED,
            "getClass"),
        row(
            "08 getClass on input",
            "c.getClass().getClassLoader()",
            ErrorCode.METHOD_NOT_ALLOWED,
            "getClass"),
        row(
            "09 .class property",
            "c.user.class.forName('java.lang.Runtime')",
            ErrorCode.TYPE_MISMATCH,
            "class"),
        row(
            "10 getter-less getClass",
            "c.getClass.getClassLoader()",
            ErrorCode.UNKNOWN_FIELD,
            "getClass"),
        row(
            "11 LITERALS fallback Runtime",
            "c.Runtime.getRuntime().exec('touch " + T + "')",
            ErrorCode.UNKNOWN_FIELD,
            "Runtime"),
        row(
            "12 LITERALS fallback System",
            "c.System.getProperty('user.home') != null",
            ErrorCode.UNKNOWN_FIELD,
            "System"),
        row(
            "13 Thread via null-safe property",
            "c.?Thread.currentThread() != null",
            ErrorCode.UNKNOWN_FIELD,
            "Thread"),
        row(
            "14 static field TYPE",
            "c.memory.TYPE != null",
            ErrorCode.TYPE_MISMATCH,
            "TYPE"),
        row(
            "15 wait() via property",
            "c.user.wait == null",
            ErrorCode.TYPE_MISMATCH,
            "wait"),
        row(
            "16 .class inside projection",
            "($.class in c.mounts)",
            ErrorCode.UNKNOWN_FIELD,
            "class"),
        row(
            "17 reflection chain",
            "''.getClass().forName('java.lang.Runtime')"
                + ".getMethod('getRuntime').invoke(null).exec('touch "
                + T
                + "')",
            ErrorCode.METHOD_NOT_ALLOWED,
            "getClass"),
        row(
            "18 new File",
            "new java.io.File('/etc/passwd').exists()",
            ErrorCode.RULE_SYNTAX_ERROR,
            "java"),
        row(
            "19 new ProcessBuilder",
            "new java.lang.ProcessBuilder('touch', '" + T + "').start()",
            ErrorCode.RULE_SYNTAX_ERROR,
            "java"),
        row(
            "20 nio file read",
            "java.nio.file.Files.readString(java.nio.file.Path.of('/etc/passwd'))",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "java"),
        row("21 Thread.sleep", "Thread.sleep(100000)", ErrorCode.UNKNOWN_IDENTIFIER, "Thread"),
        row("22 while loop", "while (true) { }", ErrorCode.ILLEGAL_CHARACTER, "{"),
        row("23 for loop", "for (;;) { }", ErrorCode.ILLEGAL_CHARACTER, ";"),
        row("24 recursive def", "def f() { f() }; f()", ErrorCode.ILLEGAL_CHARACTER, "{"),
        row("25 function keyword", "function f() { f() }; f()", ErrorCode.ILLEGAL_CHARACTER, "{"),
        row(
            "26 import",
            "import java.io.File; new File('/').list()",
            ErrorCode.ILLEGAL_CHARACTER,
            ";"),
        row("27 assignment", "c.user = 'nobody'", ErrorCode.ILLEGAL_CHARACTER, "="),
        row(
            "28 string bomb",
            "s = 'aaaaaaaaaa'; s = s + s; s = s + s; s.length()",
            ErrorCode.ILLEGAL_CHARACTER,
            "="),
        row(
            "29 String.repeat bomb",
            "c.user.repeat(2000000000).length() > 0",
            ErrorCode.METHOD_NOT_ALLOWED,
            "repeat"),
        row("30 list mutation", "c.cap_add.add('SYS_ADMIN')", ErrorCode.METHOD_NOT_ALLOWED, "add"),
        row("31 with block", "with (c) { user = 'nobody' }", ErrorCode.ILLEGAL_CHARACTER, "{"),
        row(
            "32 template syntax in expression",
            "@foreach{x : c.cap_add}@{x}@end{}",
            ErrorCode.ILLEGAL_CHARACTER,
            "@"),
        row(
            "33 MVEL.eval",
            "org.mvel2.MVEL.eval('System.exit(0)')",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "org"),
        row("34 isdef/empty", "isdef c && c.user == empty", ErrorCode.RULE_SYNTAX_ERROR, "c &&"),
        row("34b empty keyword", "c.user == empty", ErrorCode.UNKNOWN_IDENTIFIER, "empty"),
        row("35 line comment", "c.user == 'x' // || true", ErrorCode.COMMENT_NOT_ALLOWED, "//"),
        row("36 block comment", "c.user /* */ == 'root'", ErrorCode.COMMENT_NOT_ALLOWED, "/*"),
        row("37 unicode escape", "c.user == 'r\\u006Fot'", ErrorCode.INVALID_STRING, "\\u"),
        row(
            "38 non-ASCII identifier",
            "c.us\u00e9r == 'root'",
            ErrorCode.ILLEGAL_CHARACTER,
            "\u00e9"),
        row(
            "39 $-prefixed identifier",
            "$runtime.exec('id')",
            ErrorCode.DOLLAR_OUTSIDE_PROJECTION,
            "$"),
        row("40 $ outside projection", "$.source == '/'", ErrorCode.DOLLAR_OUTSIDE_PROJECTION, "$"),
        row(
            "41 class as projection element",
            "(Runtime in c.mounts)",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "Runtime"),
        row(
            "42 replaceAll ReDoS",
            "c.user.replaceAll('(a+)+$', 'x') == ''",
            ErrorCode.METHOD_NOT_ALLOWED,
            "replaceAll"),
        row("43 computed regex", "c.user ~= c.image", ErrorCode.REGEX_NOT_LITERAL, "c.image"),
        row("44 deep nesting", deep, ErrorCode.RULE_LIMIT_EXCEEDED, null),
        row("45 over-long expression", longExpr, ErrorCode.RULE_LIMIT_EXCEEDED, null),
        row(
            "46 nested projections x3",
            "($ in c.cap_add if ($ in c.cap_add if ($ in c.cap_add).size() > 0).size() > 0)"
                + ".size() > 0",
            ErrorCode.RULE_LIMIT_EXCEEDED,
            null),
        row(
            "47 property-syntax getBytes",
            "c.user.bytes.length > 0",
            ErrorCode.TYPE_MISMATCH,
            "bytes"),
        row("48 map method via property", "c.empty", ErrorCode.UNKNOWN_FIELD, "empty"),
        row("49 size via property", "c.cap_add.size == 0", ErrorCode.TYPE_MISMATCH, "size"),
        row("50 values via property", "c.values != null", ErrorCode.UNKNOWN_FIELD, "values"),
        row("51 hashCode", "c.user.hashCode() != 0", ErrorCode.METHOD_NOT_ALLOWED, "hashCode"),
        row("52 toString", "c.user.toString() == 'x'", ErrorCode.METHOD_NOT_ALLOWED, "toString"),
        row(
            "53 String.matches ReDoS",
            "c.user.matches('(a+)+$')",
            ErrorCode.METHOD_NOT_ALLOWED,
            "matches"),
        row(
            "54 regex on computed pattern",
            "c.user ~= ('(a+)+' + '$')",
            ErrorCode.REGEX_NOT_LITERAL,
            "("),
        row("55 invalid regex", "c.image ~= '(a'", ErrorCode.INVALID_REGEX, "'(a'"),
        row(
            "56 regex too long",
            "c.image ~= '" + "a".repeat(201) + "'",
            ErrorCode.RULE_LIMIT_EXCEEDED,
            "'aaa"),
        row(
            "57 string literal too long",
            "c.user == '" + "a".repeat(257) + "'",
            ErrorCode.RULE_LIMIT_EXCEEDED,
            "'aaa"),
        row("58 list literal too large", bigList, ErrorCode.RULE_LIMIT_EXCEEDED, null),
        row("59 too many tokens", manyTokens, ErrorCode.RULE_LIMIT_EXCEEDED, null),
        row(
            "60 unary nesting",
            "!".repeat(30) + "c.privileged",
            ErrorCode.RULE_LIMIT_EXCEEDED,
            null),
        row("61 five projections", fiveProjections, ErrorCode.RULE_LIMIT_EXCEEDED, null),
        row(
            "62 internal nav intrinsic",
            "__kc_nav(c, 'user') == 'root'",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "__kc_nav"),
        row(
            "63 internal helper name",
            "__kc_fn_bytes('1g') > 0",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "__kc_fn_bytes"),
        row(
            "64 internal regex intrinsic",
            "__kc_re2_matches(c.user, '.*')",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "__kc_re2_matches"),
        row("65 hex number", "0x1F == 31", ErrorCode.RULE_SYNTAX_ERROR, "0x1F"),
        row("66 long suffix", "10L == 10", ErrorCode.RULE_SYNTAX_ERROR, "10L"),
        row("67 octal-looking number", "010 == 8", ErrorCode.RULE_SYNTAX_ERROR, "010"),
        row("68 tab escape", "c.user == '\\t'", ErrorCode.INVALID_STRING, "\\t"),
        row(
            "69 statement separator",
            "c.user == 'a' ; System.exit(0)",
            ErrorCode.ILLEGAL_CHARACTER,
            ";"),
        row("70 hash", "c.user # x", ErrorCode.ILLEGAL_CHARACTER, "#"),
        row("71 bitwise and", "c.memory & 1", ErrorCode.ILLEGAL_CHARACTER, "&"),
        row(
            "72 membership with in",
            "'NET_ADMIN' in c.cap_add",
            ErrorCode.IN_IS_NOT_MEMBERSHIP,
            "in"),
        row(
            "73 membership with in, parenthesised",
            "('NET_ADMIN' in c.cap_add)",
            ErrorCode.IN_IS_NOT_MEMBERSHIP,
            "in"),
        row(
            "74 MAX_VALUE field",
            "c.memory.MAX_VALUE > 0",
            ErrorCode.TYPE_MISMATCH,
            "MAX_VALUE"),
        row("75 Math", "Math.pow(10, 100000000) > 0", ErrorCode.UNKNOWN_IDENTIFIER, "Math"),
        row("76 split", "c.user.split('').size() > 0", ErrorCode.METHOD_NOT_ALLOWED, "split"),
        row("77 stream", "c.cap_add.stream().count() > 0", ErrorCode.METHOD_NOT_ALLOWED, "stream"),
        row("78 null-safe class", "c.user.?class != null", ErrorCode.TYPE_MISMATCH, "class"),
        row(
            "79 class literal in ternary",
            "c.privileged ? System : 1",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "System"),
        row(
            "80 intern via property",
            "(c.user).intern == null",
            ErrorCode.TYPE_MISMATCH,
            "intern"),
        row("81 Array literal table", "c.Array != null", ErrorCode.UNKNOWN_FIELD, "Array"),
        row("82 unknown helper", "exec('id')", ErrorCode.UNKNOWN_IDENTIFIER, "exec"),
        row("83 helper wrong arity", "path_under('/etc')", ErrorCode.WRONG_ARITY, "path_under"),
        row("84 chained comparison", "1 < c.memory < 5", ErrorCode.RULE_SYNTAX_ERROR, "< 5"),
        row("85 backtick", "c.user == `id`", ErrorCode.ILLEGAL_CHARACTER, "`"),
        // angles of a later attack round: what MVEL's lexer decodes or widens and ours does not
        row("86 Cyrillic e in a field name", "c.privil\u0435ged", ErrorCode.ILLEGAL_CHARACTER, "\u0435"),
        row("87 \\u escape in a name", "c.\\u0070rivileged", ErrorCode.ILLEGAL_CHARACTER, "\\"),
        row("88 line continuation", "c.privileged \\\n && true", ErrorCode.ILLEGAL_CHARACTER, "\\"),
        row("89 exponent", "c.memory > 1e999999", ErrorCode.RULE_SYNTAX_ERROR, "1e999999"),
        row("90 BigDecimal suffix", "c.memory > 10B", ErrorCode.RULE_SYNTAX_ERROR, "10B"),
        row("91 BigInteger suffix", "c.memory > 10I", ErrorCode.RULE_SYNTAX_ERROR, "10I"),
        row("92 19 digits", "c.memory > 9223372036854775808", ErrorCode.RULE_LIMIT_EXCEEDED, "9223"),
        row("93 named $ variable", "($x in c.mounts).size() > 0", ErrorCode.DOLLAR_OUTSIDE_PROJECTION, "$x"),
        row("94 map literal with a computed value", "['a': c.user]['a'] == 'x'", ErrorCode.RULE_SYNTAX_ERROR, "c.user"),
        row(
            "95 regex expanding to a billion instructions",
            "c.user ~= '((a{1000}){1000}){1000}'",
            ErrorCode.RULE_LIMIT_EXCEEDED,
            "'(("));
  }

  private static Arguments row(String name, String payload, ErrorCode code, String at) {
    return Arguments.of(name, payload, code, at);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void hostileExpression_isRefusedAtCompileWithCodeAndPosition(
      String name, String payload, ErrorCode code, String at) {
    RuleCompileException e =
        catchThrowableOfType(RuleCompileException.class, () -> COMPILER.compileExpression(payload));
    assertThat(e).as("refused: " + payload).isNotNull();
    List<GateError> matching = e.errors().stream().filter(g -> g.code() == code).toList();
    assertThat(matching).as(e.getMessage()).isNotEmpty();
    GateError g = matching.get(0);
    assertThat(g.line()).isGreaterThanOrEqualTo(1);
    assertThat(g.column()).isGreaterThanOrEqualTo(1);
    if (at != null) {
      assertThat(payload.indexOf(at, g.offset())).as(e.getMessage()).isEqualTo(g.offset());
    }
    assertThat(e.formatWithCaret()).contains(code.code()).contains("^");
  }

  public static Stream<Arguments> templates() {
    List<Arguments> rows = new ArrayList<>();
    rows.add(
        row(
            "T1 @{} with Runtime",
            "Denied: @{Runtime.getRuntime().exec('touch " + T + "')}",
            ErrorCode.UNKNOWN_IDENTIFIER,
            "Runtime"));
    rows.add(
        row(
            "T2 @code",
            "@code{ java.lang.System.exit(0) } hi",
            ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
            "@code"));
    rows.add(
        row(
            "T3 @foreach",
            "@foreach{x : c.cap_add}@{x}@end{}",
            ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
            "@foreach"));
    rows.add(
        row(
            "T4 @include file read",
            "@include{'/etc/passwd'}",
            ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
            "@include"));
    rows.add(
        row(
            "T5 @declare",
            "@declare{'x'}@{c.user}@end{}",
            ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
            "@declare"));
    rows.add(
        row(
            "T6 @includeNamed",
            "x @includeNamed{'x'}",
            ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
            "@includeNamed"));
    rows.add(
        row(
            "T7 @if",
            "@{c.user}@if{true}x@end{}",
            ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED,
            "@if"));
    rows.add(
        row(
            "T8 statement inside @{}",
            "name: @{c.user; System.exit(0)}",
            ErrorCode.ILLEGAL_CHARACTER,
            ";"));
    rows.add(row("T9 lone @", "mail me@ home", ErrorCode.TEMPLATE_DIRECTIVE_NOT_ALLOWED, "@"));
    rows.add(row("T10 unterminated @{", "x @{c.user", ErrorCode.RULE_SYNTAX_ERROR, "@{"));
    rows.add(
        row(
            "T11 getClass in @{}",
            "@{c.name.getClass()}",
            ErrorCode.METHOD_NOT_ALLOWED,
            "getClass"));
    rows.add(
        row("T12 too many expressions", "@{1}".repeat(17), ErrorCode.RULE_LIMIT_EXCEEDED, null));
    rows.add(row("T13 too long", "x".repeat(2_001), ErrorCode.RULE_LIMIT_EXCEEDED, null));
    rows.add(
        row(
            "T14 multi-line position",
            "line one\nline @{c.user.wait}",
            ErrorCode.TYPE_MISMATCH,
            "wait"));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void hostileTemplate_isRefusedAtCompileWithCodeAndPosition(
      String name, String payload, ErrorCode code, String at) {
    RuleCompileException e =
        catchThrowableOfType(RuleCompileException.class, () -> COMPILER.compileTemplate(payload));
    assertThat(e).as("refused: " + payload).isNotNull();
    GateError g =
        e.errors().stream()
            .filter(x -> x.code() == code)
            .findFirst()
            .orElseThrow(() -> new AssertionError(e.getMessage()));
    if (at != null) {
      assertThat(payload.indexOf(at, g.offset())).as(e.getMessage()).isEqualTo(g.offset());
    }
  }

  @Test
  void templateErrorPosition_isLineAndColumnOfTheTemplate() {
    RuleCompileException e =
        catchThrowableOfType(
            RuleCompileException.class,
            () -> COMPILER.compileTemplate("line one\nline @{c.user.wait}"));
    GateError g = e.errors().get(0);
    assertThat(g.line()).isEqualTo(2);
    assertThat(g.column()).isEqualTo(15);
    assertThat(g.formatWithCaret(e.source()))
        .isEqualTo(
            "2:15: type_mismatch: cannot read field 'wait' of a string"
                + "\n | line @{c.user.wait}\n |               ^");
  }

  @Test
  void compiler_reportsEveryProblemAtOnce() {
    RuleCompileException e =
        catchThrowableOfType(
            RuleCompileException.class,
            () -> COMPILER.compileExpression("c.user.class == 1 || c.x.getClass() == Runtime"));
    assertThat(e.errors())
        .extracting(GateError::code)
        .containsExactly(
            ErrorCode.TYPE_MISMATCH,
            ErrorCode.UNKNOWN_FIELD,
            ErrorCode.METHOD_NOT_ALLOWED,
            ErrorCode.UNKNOWN_IDENTIFIER);
  }

  static Stream<String> rawHostileMvel() {
    return Stream.of(
        "new java.io.File('/').exists()",
        "java.lang.Runtime.getRuntime()",
        "System.exit(0)",
        "Runtime.getRuntime()",
        "x = 1",
        "while (true) { }",
        "def f() { 1 }; f()",
        "import java.util.HashMap; new HashMap()",
        "foreach (x : [1,2]) { x }",
        "Thread.currentThread()",
        "org.mvel2.MVEL.eval('1')",
        "with (c) { user = 'x' }");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawHostileMvel")
  void lockedCompileAndTreeMatcher_refuseHostileMvelEvenWithoutTheGrammar(String mvel) {
    assertThat(RuleCompiler.refusesRawMvel(mvel)).as(mvel).isTrue();
  }

  @Test
  void restrictedClassLoader_deniesEverythingButDataMvelAndHelpers() {
    ClassLoader loader = RestrictedClassLoader.INSTANCE;
    for (String name :
        List.of(
            "java.lang.Runtime",
            "java.lang.System",
            "java.lang.ProcessBuilder",
            "java.io.File",
            "java.lang.Class",
            "java.lang.Thread",
            "org.mvel2.MVEL",
            "org.mvel2.templates.TemplateRuntime",
            "org.mvel2.sh.Main",
            "dev.keycard.engine.RuleCompiler")) {
      assertThatThrownBy(() -> Class.forName(name, false, loader))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
    }
    assertThat(loader.getResource("META-INF/MANIFEST.MF")).isNull();
  }

  @Test
  void inertProbes_areRefusedOrHarmless() throws RuleCompileException {
    for (String probe :
        List.of("c['class'] == null", "c['getClass'] == null", "c['Runtime'] == null", "c['empty'] == null")) {
      assertThatThrownBy(() -> COMPILER.compileExpression(probe))
          .as(probe)
          .isInstanceOfSatisfying(
              RuleCompileException.class,
              e -> assertThat(e.errors().get(0).code()).isEqualTo(ErrorCode.UNKNOWN_FIELD));
    }
    assertThat(
            COMPILER.compileExpression("'aaaaaaaaaaaaaaaaaaaaaaaaaab' ~= '(.*a){12}$'").test(RISKY))
        .isFalse();
    assertThat(COMPILER.compileExpression("1 / 0 == 0").test(RISKY)).isFalse();
  }

  @AfterAll
  static void nothingRan() {
    assertThat(Files.exists(PWNED)).as("sentinel file").isFalse();
    assertThat(System.getProperty("pwned")).as("system property").isNull();
    assertThat(Runtime.getRuntime().availableProcessors()).as("JVM alive").isPositive();
  }
}
