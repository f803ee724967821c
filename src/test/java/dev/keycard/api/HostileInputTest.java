package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and odd input over HTTP: every case gets the right 4xx (or 200 when the input is merely
 * odd) with a problem+json body that says what is wrong, never a 5xx and never a hang, and the
 * service is still ready afterwards. Nothing a request names is read from the server's disk or
 * environment. Each case logs its elapsed milliseconds; nothing asserts on time.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
  private static final String PROBLEM = "application/problem+json";
  private static final int MIB = 1024 * 1024;
  private static final Set<Integer> OK = Set.of(200);
  private static final Set<Integer> BAD = Set.of(400);
  private static final Set<Integer> OK_OR_BAD = Set.of(200, 400);
  private static RestAssuredConfig previous;

  @BeforeAll
  static void generousTimeouts() {
    previous = RestAssured.config;
    RestAssured.config =
        RestAssured.config()
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 30_000)
                    .setParam("http.socket.timeout", 30_000));
  }

  @AfterAll
  static void restore() {
    RestAssured.config = previous;
  }

  /** One hostile request: where it goes, as what, and the statuses that are right for it. */
  record Case(String name, String path, String type, Supplier<byte[]> body, Set<Integer> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> hostileBodies() {
    return Stream.of(
            c(
                "binary garbage as text/plain",
                "/v1/evaluate",
                "text/plain",
                HostileInputTest::garbage,
                OK_OR_BAD),
            c(
                "binary garbage as octet-stream",
                "/v1/evaluate",
                "application/octet-stream",
                HostileInputTest::garbage,
                Set.of(415)),
            c(
                "binary garbage as JSON",
                "/v1/evaluate",
                "application/json",
                HostileInputTest::garbage,
                BAD),
            c(
                "invalid UTF-8 in compose",
                "/v1/evaluate",
                "application/yaml",
                () -> invalidUtf8(),
                OK_OR_BAD),
            c(
                "invalid UTF-8 in JSON",
                "/v1/parse",
                "application/json",
                () ->
                    concat(
                        "{\"input\": \"docker run ".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
                        " nginx\"}".getBytes(StandardCharsets.UTF_8)),
                OK_OR_BAD),
            c(
                "10 MB body",
                "/v1/evaluate",
                "text/plain",
                () -> repeat("docker run nginx\n", 10 * MIB),
                Set.of(413)),
            c(
                "10 MB body to /v1/parse",
                "/v1/parse",
                "application/yaml",
                () -> repeat("#", 10 * MIB),
                Set.of(413)),
            c(
                "10 MB body to /v1/rulesets/check",
                "/v1/rulesets/check",
                "application/yaml",
                () -> repeat("#", 10 * MIB),
                Set.of(413)),
            c(
                "1 MiB + 1 byte",
                "/v1/evaluate",
                "text/plain",
                () -> repeat("x", MIB + 1),
                Set.of(413)),
            c(
                "billion laughs (YAML alias bomb)",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8(billionLaughs()),
                Set.of(413)), // issue 16: max-yaml-nodes, a refusal naming the limit
            c(
                "billion laughs in /v1/rulesets/check",
                "/v1/rulesets/check",
                "application/yaml",
                () -> utf8(billionLaughs()),
                OK_OR_BAD),
            c(
                "10,000-deep YAML flow nesting",
                "/v1/evaluate",
                "application/yaml",
                () ->
                    utf8(
                        "services: {app: {image: nginx, x: "
                            + "[".repeat(10_000)
                            + "]".repeat(10_000)
                            + "}}"),
                BAD),
            c(
                "10,000-deep YAML block nesting",
                "/v1/evaluate",
                "application/yaml",
                () ->
                    utf8(
                        "services:\n  app:\n    image: nginx\n    x:\n      "
                            + "- ".repeat(10_000)
                            + "x\n"),
                BAD),
            c(
                "10,000-deep JSON request nesting",
                "/v1/evaluate",
                "application/json",
                () ->
                    utf8(
                        "{\"input\": " + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"),
                BAD),
            c(
                "10,000-deep JSON engine-api input",
                "/v1/evaluate",
                "text/plain",
                () ->
                    utf8(
                        "{\"Image\": \"nginx\", \"x\": "
                            + "[".repeat(10_000)
                            + "]".repeat(10_000)
                            + "}"),
                BAD),
            c(
                "10,000-deep nesting in /v1/rulesets/check",
                "/v1/rulesets/check",
                "application/yaml",
                () -> utf8("id: KC-900\nx: " + "[".repeat(10_000) + "]".repeat(10_000)),
                OK_OR_BAD),
            c(
                "100,000 services",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8(manyServices(100_000)),
                BAD),
            c(
                "1 MB single line docker run",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("docker run nginx " + "a".repeat(1_000_000)),
                OK_OR_BAD),
            c(
                "1 MB single-line compose",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8("services: {app: {image: \"" + "a".repeat(1_000_000) + "\"}}"),
                OK_OR_BAD),
            c(
                "docker run with 100,000 flags",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("docker run " + "-t ".repeat(100_000) + "nginx"),
                BAD),
            c(
                "docker run with 100,000 -e flags",
                "/v1/parse",
                "text/plain",
                () -> utf8("docker run " + "-e A=b ".repeat(100_000) + "nginx"),
                BAD),
            c(
                "unbalanced double quote",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("docker run -e \"A=b nginx"),
                BAD),
            c(
                "unbalanced single quote",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("docker run -e 'A=b nginx"),
                BAD),
            c(
                "unbalanced quote in compose",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8("services:\n  app:\n    image: \"nginx\n"),
                BAD),
            c(
                "unbalanced brace in JSON input",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("{\"Image\": \"nginx\""),
                BAD),
            c(
                "NUL bytes in docker run",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("docker run\u0000 --privileged\u0000 nginx"),
                OK_OR_BAD),
            c(
                "NUL bytes in compose",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8("services:\n  app:\n    image: ngi\u0000nx\n"),
                OK_OR_BAD),
            c(
                "NUL bytes in JSON string",
                "/v1/evaluate",
                "application/json",
                () -> utf8("{\"input\": \"docker run \\u0000 nginx\"}"),
                OK_OR_BAD),
            c("only NUL bytes", "/v1/evaluate", "text/plain", () -> new byte[4096], OK_OR_BAD),
            c("empty body", "/v1/evaluate", "text/plain", () -> new byte[0], BAD),
            c("whitespace only", "/v1/parse", "application/yaml", () -> utf8(" \n\t\n "), BAD),
            c("JSON null", "/v1/evaluate", "application/json", () -> utf8("null"), BAD),
            c("JSON array body", "/v1/evaluate", "application/json", () -> utf8("[1,2,3]"), BAD),
            c(
                "input of the wrong type",
                "/v1/evaluate",
                "application/json",
                () -> utf8("{\"input\": 42}"),
                BAD),
            c(
                "unknown format",
                "/v1/evaluate",
                "application/json",
                () -> utf8("{\"input\": \"docker run nginx\", \"format\": \"helm\"}"),
                BAD),
            c(
                "unknown rule set",
                "/v1/evaluate",
                "application/json",
                () -> utf8("{\"input\": \"docker run nginx\", \"ruleset\": \"nope@9\"}"),
                Set.of(404)),
            c(
                "garbage rule set selector",
                "/v1/evaluate",
                "application/json",
                () -> utf8("{\"input\": \"docker run nginx\", \"ruleset\": \"@@@\\u0000\"}"),
                Set.of(400, 404)),
            c(
                "odd but valid: CRLF compose",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8("services:\r\n  app:\r\n    image: nginx\r\n"),
                OK),
            c(
                "odd but valid: BOM and tabs in docker run",
                "/v1/evaluate",
                "text/plain",
                () -> utf8("\uFEFFdocker\trun\t--privileged\tnginx"),
                OK_OR_BAD),
            c(
                "odd but valid: emoji names",
                "/v1/evaluate",
                "application/yaml",
                () -> utf8("services:\n  \"\uD83D\uDE00\":\n    image: nginx\n"),
                OK),
            c(
                "rules check: binary garbage",
                "/v1/rulesets/check",
                "application/yaml",
                HostileInputTest::garbage,
                OK_OR_BAD),
            c(
                "rules check: rule with a huge expression",
                "/v1/rulesets/check",
                "application/yaml",
                () ->
                    utf8(
                        "id: KC-901\ntitle: t\nseverity: low\nwhen: "
                            + "c.privileged && ".repeat(20_000)
                            + "true\nmessage: m\n"),
                Set.of(200, 400, 422)))
        .map(Arguments::of);
  }

  private static Case c(
      String name, String path, String type, Supplier<byte[]> body, Set<Integer> expected) {
    return new Case(name, path, type, body, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void hostileBody_getsAClearAnswer_neverA5xx(Case c) {
    Response r =
        timed(c.name(), () -> given().contentType(c.type()).body(c.body().get()).post(c.path()));
    assertClear(c.name(), r, c.expected());
  }

  static Stream<Arguments> wrongContentTypes() {
    List<String> types =
        List.of(
            "application/octet-stream",
            "application/xml",
            "image/png",
            "text/html",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "not a media type");
    List<String> posts = List.of("/v1/parse", "/v1/evaluate", "/v1/rulesets/check");
    return posts.stream().flatMap(p -> types.stream().map(t -> Arguments.of(p, t)));
  }

  @ParameterizedTest(name = "POST {0} as {1} -> 415")
  @MethodSource("wrongContentTypes")
  void wrongContentType_is415Problem(String path, String type) {
    Response r =
        timed(
            path + " " + type,
            () ->
                type.endsWith("x-www-form-urlencoded")
                    // RestAssured encodes form bodies itself and only from a String
                    ? given().contentType(type).body("services: {app: {image: nginx}}").post(path)
                    : given()
                        .contentType(type)
                        .body("services: {app: {image: nginx}}".getBytes(StandardCharsets.UTF_8))
                        .post(path));
    assertClear(path + " " + type, r, Set.of(415));
  }

  static Stream<Arguments> oddRequests() {
    return Stream.of(
        Arguments.of(
            "GET /v1/rulesets with a garbage content type",
            "GET",
            "/v1/rulesets",
            "image/png",
            Set.of(200)),
        Arguments.of(
            "GET /v1/rulesets/restricted with a body",
            "GET",
            "/v1/rulesets/restricted",
            "application/yaml",
            Set.of(200)),
        Arguments.of(
            "GET /v1/rulesets/restricted/1", "GET", "/v1/rulesets/restricted/1", null, Set.of(200)),
        Arguments.of("GET /v1/rules/KC-001", "GET", "/v1/rules/KC-001", "text/html", Set.of(200)),
        // a name or version that cannot be a selector is malformed (400, issue 18), not unknown
        Arguments.of("GET an unknown rule set", "GET", "/v1/rulesets/%00%ff", null, Set.of(400)),
        Arguments.of(
            "GET a malformed rule version",
            "GET",
            "/v1/rulesets/restricted/99.x",
            null,
            Set.of(400)),
        Arguments.of(
            "GET an unknown rule version", "GET", "/v1/rulesets/restricted/99", null, Set.of(404)),
        Arguments.of(
            "GET an unknown rule",
            "GET",
            "/v1/rules/" + "K".repeat(5000),
            null,
            Set.of(404, 414, 431)),
        Arguments.of("GET /v1/evaluate", "GET", "/v1/evaluate", null, Set.of(405)),
        Arguments.of("PUT /v1/parse", "PUT", "/v1/parse", "text/plain", Set.of(405)),
        Arguments.of("DELETE /v1/rulesets", "DELETE", "/v1/rulesets", null, Set.of(405)),
        Arguments.of("GET /v1/nothing-here", "GET", "/v1/nothing-here", null, Set.of(404)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddRequests")
  void oddRequest_getsItsStatus(
      String name, String method, String path, String type, Set<Integer> expected) {
    RequestSpecification spec = given().urlEncodingEnabled(false);
    if (type != null) {
      spec = spec.contentType(type).body("x: [".getBytes(StandardCharsets.UTF_8));
    }
    RequestSpecification s = spec;
    Response r = timed(name, () -> s.request(method, path));
    assertThat(r.statusCode()).as(name).isIn(expected);
    if (r.statusCode() >= 400 && r.statusCode() != 414 && r.statusCode() != 431) {
      assertThat(r.contentType()).as(name).startsWith(PROBLEM);
    }
  }

  @Test
  void wrongAccept_is406Problem() {
    Response r =
        timed(
            "Accept: image/png",
            () ->
                given()
                    .accept("image/png")
                    .contentType("text/plain")
                    .body("docker run nginx")
                    .post("/v1/evaluate"));
    assertThat(r.statusCode()).isIn(406, 200);
    assertThat(r.statusCode()).isLessThan(500);
  }

  // ---- nothing from a request reaches the server's disk or environment ----

  private static Path sentinelDir;
  private static final String SENTINEL = "KEYCARD-SENTINEL-7f3a9c";

  @BeforeAll
  static void sentinels() throws IOException {
    sentinelDir = Files.createTempDirectory("keycard-hostile");
    Files.writeString(
        sentinelDir.resolve("app.env"), "DB_PASSWORD=" + SENTINEL + "\nIMAGE=" + SENTINEL + "\n");
    Files.writeString(
        sentinelDir.resolve("base.yml"),
        "services:\n  base:\n    image: "
            + SENTINEL
            + "\n    privileged: true\n    user: "
            + SENTINEL
            + "\n");
    Files.writeString(
        sentinelDir.resolve("profile.json"), "{\"defaultAction\": \"" + SENTINEL + "\"}");
    Files.writeString(sentinelDir.resolve("Dockerfile"), "FROM alpine\nUSER " + SENTINEL + "\n");
    System.setProperty("KEYCARD_SENTINEL", SENTINEL);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    System.clearProperty("KEYCARD_SENTINEL");
    try (Stream<Path> s = Files.list(sentinelDir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(sentinelDir);
  }

  static Stream<Arguments> serverSideReferences() {
    String d = "SENTINEL_DIR";
    return Stream.of(
        Arguments.of(
            "compose env_file",
            "application/yaml",
            "services:\n  app:\n    image: nginx\n    env_file: " + d + "/app.env\n",
            "not read"),
        Arguments.of(
            "compose env_file list",
            "application/yaml",
            "services:\n  app:\n    image: nginx\n    env_file:\n      - path: " + d + "/app.env\n",
            "not read"),
        Arguments.of(
            "compose extends.file",
            "application/yaml",
            "services:\n  app:\n    extends:\n      file: "
                + d
                + "/base.yml\n      service: base\n",
            "not read"),
        Arguments.of(
            "compose include",
            "application/yaml",
            "include:\n  - " + d + "/base.yml\nservices:\n  app:\n    image: nginx\n",
            "not read"),
        Arguments.of(
            "compose seccomp=/etc/passwd",
            "application/yaml",
            "services:\n  app:\n    image: nginx\n    security_opt: [\"seccomp=/etc/passwd\"]\n",
            null),
        Arguments.of(
            "compose seccomp=<sentinel profile>",
            "application/yaml",
            "services:\n  app:\n    image: nginx\n    security_opt: [\"seccomp="
                + d
                + "/profile.json\"]\n",
            null),
        Arguments.of(
            "compose ${HOME} and ${PATH}",
            "application/yaml",
            "services:\n"
                + "  app:\n"
                + "    image: \"${HOME}\"\n"
                + "    user: \"${PATH}\"\n"
                + "    environment:\n"
                + "      A: ${KEYCARD_SENTINEL}\n"
                + "      B: ${USER:-x}\n",
            "HOME"),
        Arguments.of(
            "docker run $HOME and --env-file",
            "text/plain",
            "docker run --env-file "
                + d
                + "/app.env -e A=$PATH -u $HOME -e B=${KEYCARD_SENTINEL} nginx",
            null),
        Arguments.of(
            "docker run seccomp=/etc/passwd",
            "text/plain",
            "docker run --security-opt seccomp=/etc/passwd --security-opt seccomp="
                + d
                + "/profile.json nginx",
            null));
  }

  @ParameterizedTest(name = "{0} reads nothing on the server")
  @MethodSource("serverSideReferences")
  void serverSideReference_isNeverRead(String name, String type, String input, String warning) {
    String text = input.replace("SENTINEL_DIR", sentinelDir.toString());
    for (String endpoint : List.of("/v1/parse", "/v1/evaluate")) {
      Response r =
          timed(
              name + " " + endpoint,
              () ->
                  given()
                      .contentType(type)
                      .body(text.getBytes(StandardCharsets.UTF_8))
                      .post(endpoint));
      assertThat(r.statusCode()).as(name).isIn(200, 400);
      assertNothingLeaks(name, r.asString());
      if (warning != null && r.statusCode() == 200) {
        assertThat(r.jsonPath().getList("warnings.message", String.class))
            .as(name + " warnings")
            .anyMatch(m -> m.contains(warning));
      }
    }
  }

  @Test
  void dockerfileCopyPaths_areNeverRead() {
    String dockerfile =
        "FROM alpine\nCOPY "
            + sentinelDir
            + "/app.env /app/\nADD "
            + sentinelDir
            + "/Dockerfile /x\nCOPY --from="
            + sentinelDir
            + " /etc/passwd /y\nUSER 1000\n";
    Map<String, Object> body =
        Map.of(
            "input",
            "services:\n  app:\n    build: " + sentinelDir + "\n    image: nginx\n",
            "files",
            Map.of("Dockerfile", dockerfile));
    Response r =
        timed(
            "Dockerfile COPY",
            () -> given().contentType("application/json").body(body).post("/v1/evaluate"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertNothingLeaks("Dockerfile COPY", r.asString());
    assertThat(r.jsonPath().getList("findings.rule_id", String.class)).doesNotContain("KC-003");
  }

  @Test
  void composeBuildContext_dockerfileIsNotReadFromTheServer() {
    Response r =
        timed(
            "build context",
            () ->
                given()
                    .contentType("application/yaml")
                    .body(
                        ("services:\n  app:\n    build:\n      context: "
                                + sentinelDir
                                + "\n      dockerfile: Dockerfile\n    image: nginx\n")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("/v1/evaluate"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertNothingLeaks("build context", r.asString());
    assertThat(r.jsonPath().getList("findings.rule_id", String.class)).contains("KC-003");
  }

  private static void assertNothingLeaks(String name, String response) {
    assertThat(response).as(name).doesNotContain(SENTINEL);
    assertThat(response).as(name + ": /etc/passwd content").doesNotContain("root:x:0:0");
    for (String var : List.of("PATH", "HOME", "USER", "JAVA_HOME")) {
      String value = System.getenv(var);
      if (value != null && value.length() > 3) {
        assertThat(response).as(name + ": value of $" + var).doesNotContain(value);
      }
    }
  }

  /** Runs last by its order, not by its name: the other cases have the default order. */
  @Test
  @Order(Integer.MAX_VALUE)
  void serviceIsStillReady_afterEverything() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  // ---- helpers ----

  private static Response timed(String name, Supplier<Response> call) {
    long start = System.nanoTime();
    Response r = call.get();
    System.out.printf(
        "hostile-input: %-55s -> %d in %d ms%n",
        name, r.statusCode(), (System.nanoTime() - start) / 1_000_000);
    return r;
  }

  private static void assertClear(String name, Response r, Set<Integer> expected) {
    assertThat(r.statusCode()).as(name + ": " + r.asString()).isLessThan(500).isIn(expected);
    if (r.statusCode() >= 400) {
      assertThat(r.contentType()).as(name).startsWith(PROBLEM);
      assertThat(r.jsonPath().getString("detail")).as(name + " detail").isNotBlank();
      assertThat(r.jsonPath().getString("code")).as(name + " code").isNotBlank();
      assertThat(r.jsonPath().getInt("status")).as(name).isEqualTo(r.statusCode());
    }
  }

  private static byte[] garbage() {
    byte[] b = new byte[64 * 1024];
    new Random(4242).nextBytes(b);
    return b;
  }

  private static byte[] invalidUtf8() {
    return concat(
        "services:\n  app:\n    image: ngi".getBytes(StandardCharsets.UTF_8),
        new byte[] {
          (byte) 0xC3,
          0x28,
          (byte) 0xA0,
          (byte) 0xA1,
          (byte) 0xFF,
          (byte) 0xED,
          (byte) 0xA0,
          (byte) 0x80
        },
        "nx\n".getBytes(StandardCharsets.UTF_8));
  }

  private static String billionLaughs() {
    StringBuilder sb =
        new StringBuilder(
            "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      String prev = "*a" + (i - 1);
      sb.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, prev)))
          .append("]\n");
    }
    return sb.append("services:\n  app:\n    image: nginx\n    command: *a9\n").toString();
  }

  private static String manyServices(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> Integer.toString(i, 36) + ":{}")
        .collect(Collectors.joining(",", "services: {", "}\n"));
  }

  private static byte[] repeat(String s, int size) {
    byte[] unit = utf8(s);
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = unit[i % unit.length];
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
