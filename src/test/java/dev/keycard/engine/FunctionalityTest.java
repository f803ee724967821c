package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionalityTest {
  private static final RuleCompiler COMPILER = new RuleCompiler(Limits.SHIPPED);
  private static final Map<String, Object> RISKY = FrozenModel.freeze(Containers.risky());
  private static final Map<String, Object> HARDENED = FrozenModel.freeze(Containers.hardened());
  private static final Map<String, Object> EMPTY = FrozenModel.freeze(Containers.empty());

  static Object eval(String expr, Map<String, Object> c) throws RuleCompileException {
    return COMPILER.compileExpression(expr).eval(c);
  }

  static Stream<Arguments> onRiskyAndHardened() {
    return Stream.of(
        // navigation, equality, boolean logic
        Arguments.of("c.privileged", true, false),
        Arguments.of("c.user == 'root'", true, false),
        Arguments.of("c['user'] == 'root'", true, false),
        Arguments.of("c.mounts[0].source == '/var/run/docker.sock'", true, false),
        Arguments.of("c.privileged && c.network_mode == 'host'", true, false),
        Arguments.of("c.privileged || c.read_only", true, true),
        Arguments.of("!c.read_only", true, false),
        Arguments.of("!(c.cap_drop contains 'ALL')", true, false),
        // contains, numbers normalised (pids 5e9 stays Long; ports are Integers)
        Arguments.of("c.cap_add contains 'SYS_ADMIN'", true, false),
        Arguments.of("['NET_ADMIN', 'SYS_ADMIN'] contains c.cap_add[0]", true, false),
        Arguments.of("(($.host_port in c.ports) contains 22)", true, false),
        Arguments.of("c.pids_limit > 4000000000", true, false),
        Arguments.of("c.memory == 0 || c.memory == null", true, false),
        Arguments.of("c.memory == bytes('512m')", false, true),
        Arguments.of("c.cpus > 1", true, false),
        // null handling
        Arguments.of("c.healthcheck == null", true, false),
        Arguments.of("c.?healthcheck.?test == null", true, false),
        Arguments.of("c.healthcheck != null && c.healthcheck.test.size() > 0", false, true),
        Arguments.of("c.restart_max_retries == null", true, false),
        // projections
        Arguments.of("($ in c.mounts if $.source.startsWith('/etc')).size() > 0", true, false),
        Arguments.of("($.source in c.mounts) contains '/var/run/docker.sock'", true, false),
        Arguments.of(
            "($ in c.mounts if $.read_only == false && $.propagation == 'rshared')"
                + ".isEmpty() == false",
            true,
            false),
        Arguments.of(
            "($ in c.ports if $.host_port != null && $.host_port < 1024).size() > 0", true, false),
        // ternary, arithmetic
        Arguments.of("(c.privileged ? 'p' : 'u') == 'p'", true, false),
        Arguments.of("c.cap_add.size() * 2 + 1 == 7", true, false),
        Arguments.of("10 / 4 == 2.5", true, true),
        Arguments.of("7 % 4 == 3 && -3 + 5 == 2 && 2 - -1 == 3", true, true),
        // string methods
        Arguments.of("c.image.endsWith(':latest')", true, false),
        Arguments.of("c.image.toUpperCase().contains('NGINX')", true, false),
        Arguments.of("c.user.equalsIgnoreCase('ROOT')", true, false),
        Arguments.of("' x '.trim().length() == 1 && 'A'.toLowerCase() == 'a'", true, true),
        Arguments.of("['a' : 1, 'b' : 2]['b'] == 2", true, true),
        Arguments.of("c.cap_add.size() > 1 && c.cap_add[1] == 'SYS_ADMIN'", true, false),
        Arguments.of("['a' : 1].containsKey('a')", true, true),
        Arguments.of("c.unknown contains 'user'", true, false),
        Arguments.of("c.image contains 'nginx'", true, false),
        Arguments.of("['a' : 1] contains 'a'", true, true),
        // regex on RE2J: full match
        Arguments.of("c.image ~= '^docker\\\\.io/library/[a-z]+:latest$'", true, false),
        Arguments.of("c.image ~= 'nginx'", false, false),
        Arguments.of("c.image ~= '.*nginx.*'", true, false),
        Arguments.of("c.name ~= '(.*a){12}$'", false, false),
        // helpers
        Arguments.of("is_root_user(c.user)", true, false),
        Arguments.of("($ in c.cap_add if !is_default_cap($)).size() == 2", true, false),
        Arguments.of("docker_default_caps().size() == 14", true, true),
        Arguments.of("($ in c.mounts if is_runtime_socket($.source)).size() > 0", true, false),
        Arguments.of(
            "($ in c.mounts if is_sensitive_path($.source) && !($.read_only && "
                + "['/etc/localtime', '/etc/timezone'] contains $.source)).size() == 1",
            true,
            false),
        Arguments.of("($ in c.security_opt if !is_valid_security_opt($)).size() > 0", true, false),
        Arguments.of("($ in c.sysctls if !is_safe_sysctl($.name)).size() > 0", true, false),
        Arguments.of(
            "($ in c.environment if looks_secret($.name) && $.value != null"
                + " && !$.value.startsWith('${')).size() == 1",
            true,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("onRiskyAndHardened")
  void documentedFeature_givesExpectedAnswer(String expr, boolean risky, boolean hardened)
      throws RuleCompileException {
    Program p = COMPILER.compileExpression(expr);
    assertThat(p.test(RISKY)).as("risky").isEqualTo(risky);
    assertThat(p.test(HARDENED)).as("hardened").isEqualTo(hardened);
  }

  @Test
  void frozenModel_hasSnakeCaseFieldsNullsAndNoPositions() {
    assertThat(EMPTY).containsKeys("user", "cap_add", "read_only", "healthcheck", "unknown");
    assertThat(EMPTY.get("user")).isNull();
    assertThat(EMPTY).doesNotContainKeys("origin", "locations", "capAdd");
    assertThat(RISKY.get("memory")).isEqualTo(0);
    assertThat(RISKY.get("pids_limit")).isEqualTo(5_000_000_000L);
    assertThat(RISKY.get("cpus")).isEqualTo(1.5);
    @SuppressWarnings("unchecked")
    Map<String, Object> mount = ((List<Map<String, Object>>) RISKY.get("mounts")).get(0);
    assertThat(mount.keySet())
        .containsExactlyInAnyOrder("type", "source", "target", "read_only", "propagation", "bind");
    assertThatThrownBy(() -> RISKY.put("user", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void frozenModel_normalisesLongToIntegerSoContainsMatchesLiterals() throws RuleCompileException {
    Object frozen = FrozenModel.freeze(Map.of("ports", List.of(22L, 80L)));
    @SuppressWarnings("unchecked")
    List<Object> ports = (List<Object>) ((Map<String, Object>) frozen).get("ports");
    assertThat(ports).containsExactly(22, 80);
    assertThat(COMPILER.compileExpression("($.host_port in c.ports) contains 22").test(RISKY))
        .isTrue();
  }

  @Test
  void absentFields_readAsNullWithoutNullSafeNavigation() throws RuleCompileException {
    assertThat(eval("c.user == null && c.healthcheck == null", EMPTY)).isEqualTo(true);
    assertThat(eval("c.?healthcheck.?test", EMPTY)).isNull();
  }

  @Test
  void unknownFields_areRefusedWithTheirPositionAndAHint() {
    assertThatThrownBy(() -> COMPILER.compileExpression("c.privilgd == true"))
        .isInstanceOfSatisfying(
            RuleCompileException.class,
            e -> {
              GateError g = e.errors().get(0);
              assertThat(g.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
              assertThat(g.column()).isEqualTo(3);
              assertThat(g.message()).contains("did you mean 'privileged'");
            });
    assertThatThrownBy(() -> COMPILER.compileExpression("($ in c.mounts if $.sorce == '/')"))
        .isInstanceOfSatisfying(
            RuleCompileException.class,
            e -> assertThat(e.errors().get(0).message()).contains("did you mean 'source'"));
  }

  @Test
  void typeMismatches_areRefusedNotSilentlyFalse() {
    for (String expr :
        List.of(
            "c.user == 0",
            "c.privileged == 'true'",
            "c.memory > '1g'",
            "c.cap_add contains 1",
            "c.privileged && c.user",
            "!c.user",
            "c.cap_add + 1 == 2",
            "is_root_user(c.uid)",
            "($ in c.privileged)",
            "c.user.size() > 0 && c.privileged.trim() == 'x'")) {
      assertThatThrownBy(() -> COMPILER.compileExpression(expr))
          .as(expr)
          .isInstanceOfSatisfying(
              RuleCompileException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(GateError::code)
                      .contains(ErrorCode.TYPE_MISMATCH));
    }
  }

  @Test
  void navigatingThroughNull_isEvaluationErrorUnlessNullSafe() throws RuleCompileException {
    Program p = COMPILER.compileExpression("c.healthcheck.test == null");
    assertThatThrownBy(() -> p.test(EMPTY)).isInstanceOf(RuleEvaluationException.class);
  }

  @Test
  void nonBooleanCondition_isEvaluationErrorNotCompileError() throws RuleCompileException {
    Program p = COMPILER.compileExpression("c.name");
    assertThatThrownBy(() -> p.test(RISKY))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("true or false");
    assertThat(p.eval(RISKY)).isEqualTo("web");
  }

  @Test
  void divisionIsReal_andModuloByZeroIsEvaluationError() throws RuleCompileException {
    assertThat(eval("10 / 4", EMPTY)).isEqualTo(2.5);
    assertThat(eval("1 / 0 == 0", EMPTY)).isEqualTo(false);
    Program p = COMPILER.compileExpression("c.cap_add.size() % 0 == 0");
    assertThatThrownBy(() -> p.test(EMPTY)).isInstanceOf(RuleEvaluationException.class);
    // literals are constants bound at run time, never folded by MVEL: also an evaluation error
    Program q = COMPILER.compileExpression("7 % 0 == 0");
    assertThatThrownBy(() -> q.test(EMPTY)).isInstanceOf(RuleEvaluationException.class);
  }

  @Test
  void invalidSizeInBytes_isEvaluationError() throws RuleCompileException {
    Program p = COMPILER.compileExpression("bytes('lots') > 0");
    assertThatThrownBy(() -> p.test(EMPTY)).isInstanceOf(RuleEvaluationException.class);
  }

  @Test
  void referencedFields_listsRootContainerFields() throws RuleCompileException {
    Program p =
        COMPILER.compileExpression(
            "c.user == 'root' || ($ in c.mounts if $.source == '/').size() > 0"
                + " || c.?healthcheck == null || c['pid'] == 'host'"
                + " || c.healthcheck.test.size() > 0");
    assertThat(p.referencedFields())
        .containsExactlyInAnyOrder("user", "mounts", "healthcheck", "pid");
  }

  @Test
  void canonicalForm_isFullyParenthesisedMvelWithoutCallerText() throws RuleCompileException {
    Program p =
        COMPILER.compileExpression(
            "c.memory == 1 || c.privileged && !c.read_only || c.user.trim() ~= 'r.*t'");
    assertThat(p.canonical())
        .isEqualTo(
            "(((c['memory'] == __k0) || (c['privileged'] && !(c['read_only'])))"
                + " || __kc_re2(__kc_m_trim(c['user']), __k1))");
  }

  @Test
  void template_rendersTextExpressionsListsAndAt() throws RuleCompileException {
    Template t =
        COMPILER.compileTemplate(
            "Container '@{c.name}' adds @{c.cap_add} (@{c.cap_add.size()}) mail@@example.com");
    assertThat(t.render(RISKY))
        .isEqualTo("Container 'web' adds NET_ADMIN, SYS_ADMIN, CHOWN (3) mail@example.com");
    assertThat(t.referencedFields()).containsExactlyInAnyOrder("name", "cap_add");
    assertThat(COMPILER.compileTemplate("user @{c.user}").render(EMPTY)).isEqualTo("user null");
    assertThat(COMPILER.compileTemplate("x @{c.name == '}' ? 1 : 2}").render(RISKY))
        .isEqualTo("x 2");
  }

  @Test
  void projectionStrings_mayHoldAnything_theyAreConstantsMvelNeverReads()
      throws RuleCompileException {
    assertThat(eval("($ in c.cap_add if $ == 'in' || $ == 'x if').size()", RISKY)).isEqualTo(0);
    assertThat(eval("($ in c.cap_add if $ == 'a in b' || $ == ' if ').size()", RISKY))
        .isEqualTo(0);
    assertThat(eval("($ + ' in ' in c.cap_add if $ != ' if (x) ')", RISKY))
        .isEqualTo(List.of("NET_ADMIN in ", "SYS_ADMIN in ", "CHOWN in "));
  }

  @Test
  void pathUnder_normalisesSlashesAndDotDot() throws RuleCompileException {
    assertThat(eval("path_under('/etc/', '/etc')", EMPTY)).isEqualTo(true);
    assertThat(eval("path_under('/etc//ssl/../passwd', '/etc')", EMPTY)).isEqualTo(true);
    assertThat(eval("path_under('/etcetera', '/etc')", EMPTY)).isEqualTo(false);
    assertThat(eval("path_under('/srv/../etc/x', '/etc/')", EMPTY)).isEqualTo(true);
    assertThat(eval("path_under('/../../etc', '/etc')", EMPTY)).isEqualTo(true);
    assertThat(eval("path_under('anything', '/')", EMPTY)).isEqualTo(false);
    assertThat(eval("path_under(c.user, '/')", EMPTY)).isEqualTo(false);
  }

  @Test
  void helpers_followTheCatalogueSemantics() throws RuleCompileException {
    assertThat(
            eval(
                "is_root_user('0:0') && is_root_user('root:wheel') && is_root_user('0') &&"
                    + " !is_root_user('1000') && !is_root_user('rooted') && !is_root_user(c.user)",
                EMPTY))
        .isEqualTo(true);
    assertThat(eval("is_default_cap('cap_chown') && !is_default_cap('SYS_ADMIN')", EMPTY))
        .isEqualTo(true);
    assertThat(
            eval(
                "is_sensitive_path('/') && is_sensitive_path('/etc/ssl') &&"
                    + " is_sensitive_path('/var/lib/docker/volumes') && is_sensitive_path('/usr')"
                    + " && !is_sensitive_path('/usr/share') && !is_sensitive_path('/srv') &&"
                    + " !is_sensitive_path('data')",
                EMPTY))
        .isEqualTo(true);
    assertThat(
            eval(
                "is_runtime_socket('/run/docker.sock') && is_runtime_socket('/var/run/')"
                    + " && is_runtime_socket('/run/containerd/containerd.sock')"
                    + " && is_runtime_socket('/run/user/1000/docker.sock')"
                    + " && !is_runtime_socket('/run/secrets')",
                EMPTY))
        .isEqualTo(true);
    assertThat(
            eval(
                "is_valid_security_opt('no-new-privileges')"
                    + " && is_valid_security_opt('no-new-privileges=true')"
                    + " && is_valid_security_opt('seccomp=unconfined')"
                    + " && is_valid_security_opt('seccomp:/etc/profile.json')"
                    + " && !is_valid_security_opt('seccomp=default')"
                    + " && !is_valid_security_opt('seccomp')"
                    + " && is_valid_security_opt('label=type:svirt_t')"
                    + " && is_valid_security_opt('label:disable')"
                    + " && !is_valid_security_opt('label=bogus')"
                    + " && is_valid_security_opt('apparmor=unconfined')"
                    + " && is_valid_security_opt('systempaths=unconfined')"
                    + " && !is_valid_security_opt('nonsense=1')",
                EMPTY))
        .isEqualTo(true);
    assertThat(
            eval(
                "is_safe_sysctl('net.ipv4.tcp_syncookies') && !is_safe_sysctl('kernel.msgmax') &&"
                    + " !is_safe_sysctl('net.ipv4.ip_forward')",
                EMPTY))
        .isEqualTo(true);
    assertThat(
            eval(
                "looks_secret('db_password') && looks_secret('GITHUB_TOKEN')"
                    + " && looks_secret('aws-access-key-id') && !looks_secret('DB_PASSWORD_FILE')"
                    + " && !looks_secret('PATH')",
                EMPTY))
        .isEqualTo(true);
    assertThat(
            eval(
                "bytes('1g') == 1073741824 && bytes('512M') == 536870912"
                    + " && bytes('8g') > bytes('1g')",
                EMPTY))
        .isEqualTo(true);
  }

  @Test
  void fieldCatalogue_namesExactlyWhatJacksonWritesOfTheModel() {
    // Jackson's snake_case view of the record is the independent oracle for the field names
    Map<String, Object> viaJackson = FrozenModel.viaJackson(Containers.risky());
    assertThat(Schema.CONTAINER.fields().keySet())
        .containsExactlyInAnyOrderElementsOf(viaJackson.keySet());
    @SuppressWarnings("unchecked")
    Map<String, Object> mount = ((List<Map<String, Object>>) viaJackson.get("mounts")).get(0);
    assertThat(Schema.CONTAINER.fields().get("mounts").elem().fields().keySet())
        .containsExactlyInAnyOrderElementsOf(mount.keySet());
    assertThat(Schema.CONTAINER.fields().get("memory")).isEqualTo(Type.INT);
    assertThat(Schema.CONTAINER.fields().get("cpus")).isEqualTo(Type.DOUBLE);
    assertThat(Schema.CONTAINER.fields().get("cap_add")).isEqualTo(Type.list(Type.STRING));
  }
}
