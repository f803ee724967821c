package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every CI recipe in the README, run as CI would run it: its shell is taken from the README (the
 * GitHub step with {@code id: keycard}, the GitLab job's {@code script}, the plain shell block),
 * only {@code KEYCARD_URL} is pointed at the test service, and it runs with {@code bash -euo
 * pipefail} in a directory holding the input. A recipe must fail the job on a denied input (one
 * clean service next to a denied one, so that a per-suite check is caught), on an HTTP error and,
 * with {@code on_unknown=deny}, on an undecided rule; pass on an allowed input; and never leave a
 * problem document where its report file goes.
 */
@QuarkusTest
class ReadmeRecipesTest {
  static final List<String> RECIPES = List.of("github", "gitlab", "shell", "kubernetes");

  /** Passes {@code restricted@1.2.0}: every setting that rule set asks for, on two services. */
  static final String ALLOWED =
      "services:\n"
          + "  web:\n"
          + "    image: nginx:1.27\n"
          + "    user: \"1000:1000\"\n"
          + "    cap_drop: [ALL]\n"
          + "    read_only: true\n"
          + "    tmpfs: [/tmp]\n"
          + "    security_opt: [\"no-new-privileges:true\"]\n"
          + "    mem_limit: 512m\n"
          + "    pids_limit: 100\n"
          + "    cpus: 1\n"
          + "  worker:\n"
          + "    image: busybox:1.37\n"
          + "    user: \"1000:1000\"\n"
          + "    cap_drop: [ALL]\n"
          + "    read_only: true\n"
          + "    security_opt: [\"no-new-privileges:true\"]\n"
          + "    mem_limit: 256m\n"
          + "    pids_limit: 50\n"
          + "    cpus: 0.5\n";

  static final String DENIED = ALLOWED + "    privileged: true\n";
  static final String UNDECIDED = ALLOWED + "    privileged: ${PRIV}\n";
  static final String UNPARSEABLE = "services:\n  web: [\n";
  static final String TOO_LARGE = ALLOWED + ("#" + "x".repeat(1023) + "\n").repeat(1100);

  /**
   * Passes {@code pss-restricted@1.0.0}: a rendered stream as {@code helm template} writes it, two
   * hardened Deployments and a Service, with {@code # Source:} comments.
   */
  static final String K8S_ALLOWED =
      "---\n# Source: app/templates/web.yaml\n" + deployment("web", "")
          + "---\n# Source: app/templates/service.yaml\n"
          + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n"
          + "---\n# Source: app/templates/worker.yaml\n" + deployment("worker", "");

  /** The same stream with the second workload privileged (the first is still clean). */
  static final String K8S_DENIED =
      "---\n" + deployment("web", "") + "---\n" + deployment("worker", "            privileged: true\n");

  /** A chart template, not its rendering: a 400 that says to render it first. */
  static final String K8S_TEMPLATE =
      deployment("web", "").replace("image: nginx:1.27", "image: {{ .Values.image }}");

  static final String K8S_TOO_LARGE = K8S_ALLOWED + ("#" + "x".repeat(1023) + "\n").repeat(1100);

  static String deployment(String name, String extra) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n"
        + "spec:\n  selector: {matchLabels: {app: " + name + "}}\n  template:\n"
        + "    metadata: {labels: {app: " + name + "}}\n    spec:\n"
        + "      securityContext:\n        runAsNonRoot: true\n        runAsUser: 1000\n"
        + "        seccompProfile: {type: RuntimeDefault}\n"
        + "      containers:\n        - name: " + name + "\n          image: nginx:1.27\n"
        + "          securityContext:\n            allowPrivilegeEscalation: false\n"
        + "            capabilities: {drop: [ALL]}\n" + extra;
  }

  @TestHTTPResource("/")
  URI base;

  @BeforeAll
  static void tools() throws Exception {
    Readme.requireTools("curl", "jq");
  }

  /** The premises: the inputs mean what their names say, in the service itself. */
  @Test
  void inputs_areAllowedDeniedAndUndecided_asTheirNamesSay() throws Exception {
    String q = "/v1/evaluate?ruleset=restricted@1.2.0";
    evaluate(ALLOWED, q).then().statusCode(200).body("allow", equalTo(true));
    evaluate(DENIED, q).then().statusCode(200).body("allow", equalTo(false));
    evaluate(UNDECIDED, q).then().statusCode(200).body("allow", equalTo(true))
        .body("undecided.rule_id", hasItem("KC-001"));
    evaluate(UNDECIDED, q + "&on_unknown=deny").then().statusCode(200).body("allow", equalTo(false));
    evaluate(UNPARSEABLE, q).then().statusCode(400);
    evaluate(TOO_LARGE, q).then().statusCode(413);
    String k = "/v1/evaluate?ruleset=pss-restricted@1.0.0";
    evaluate(K8S_ALLOWED, k).then().statusCode(200).body("allow", equalTo(true))
        .body("input.containers", hasItem("deployment/worker/worker"));
    evaluate(K8S_DENIED, k).then().statusCode(200).body("allow", equalTo(false));
    evaluate(K8S_TEMPLATE, k).then().statusCode(400);
    evaluate(K8S_TOO_LARGE, k).then().statusCode(413);
  }

  @Test
  void everyRecipe_isInTheReadme() throws IOException {
    List<String> found = new ArrayList<>();
    for (Readme.Block b : Readme.blocks(Readme.README)) {
      if (b.marked("recipe")) {
        found.add(b.name());
      }
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(RECIPES);
  }

  @TestFactory
  Stream<DynamicTest> everyRecipe_failsTheJobWhenItShould(@TempDir Path tmp) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Readme.Block b : Readme.blocks(Readme.README)) {
      if (!b.marked("recipe")) {
        continue;
      }
      String script = shell(b);
      String input = b.attributes().getOrDefault("input", "docker-compose.yml");
      String report = b.attributes().get("report");
      assertThat(report).as("%s names its report file (report=...)", b).isNotNull();
      String name = b.name();
      if ("kubernetes".equals(b.attributes().get("inputs"))) {
        // a manifest has no value only the client knows: no undecided case to run
        tests.add(run(name, "allowed stream passes", tmp, script, input, report, K8S_ALLOWED, true));
        tests.add(run(name, "denied stream fails", tmp, script, input, report, K8S_DENIED, false));
        tests.add(run(name, "chart template (400) fails", tmp, script, input, report, K8S_TEMPLATE, false));
        tests.add(run(name, "413 fails", tmp, script, input, report, K8S_TOO_LARGE, false));
        continue;
      }
      tests.add(run(name, "allowed input passes", tmp, script, input, report, ALLOWED, true));
      tests.add(run(name, "denied input fails", tmp, script, input, report, DENIED, false));
      tests.add(run(name, "undecided rule fails", tmp, script, input, report, UNDECIDED, false));
      tests.add(run(name, "400 fails", tmp, script, input, report, UNPARSEABLE, false));
      tests.add(run(name, "413 fails", tmp, script, input, report, TOO_LARGE, false));
    }
    return tests.stream();
  }

  private DynamicTest run(
      String recipe,
      String what,
      Path tmp,
      String script,
      String input,
      String report,
      String content,
      boolean passes) {
    return DynamicTest.dynamicTest(
        recipe + ": " + what,
        () -> {
          Path dir = Files.createTempDirectory(tmp, recipe);
          Files.writeString(dir.resolve(input), content, StandardCharsets.UTF_8);
          String url = base.toString().replaceAll("/$", "");
          Readme.Run r = Readme.bash(script, dir, url);
          String why = recipe + " (" + what + ")\nstdout: " + r.stdout() + "\nstderr: " + r.stderr();
          if (passes) {
            assertThat(r.exit()).as(why).isZero();
            assertThat(dir.resolve(report)).as(why).exists();
          } else {
            assertThat(r.exit()).as(why).isNotZero();
          }
          Path file = dir.resolve(report);
          if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(why + "\nthe report file holds a problem document")
                .doesNotContain("keycard.dev/problems/");
            assertThat(text.strip()).as(why + "\nthe report file is a report").isNotEmpty();
          }
        });
  }

  /** The shell a CI system would run for a recipe block. */
  @SuppressWarnings("unchecked")
  static String shell(Readme.Block b) {
    if (b.lang().equals("sh")) {
      return b.text();
    }
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(b.text());
    assertThat(doc).as("%s is a YAML mapping", b).isInstanceOf(Map.class);
    Map<String, Object> root = (Map<String, Object>) doc;
    if (root.containsKey("jobs")) { // GitHub Actions: the step with id: keycard
      assertThat(root.get("env")).as("%s sets KEYCARD_URL", b).isInstanceOf(Map.class);
      assertThat((Map<String, Object>) root.get("env")).as("%s sets KEYCARD_URL", b)
          .containsKey("KEYCARD_URL");
      Map<String, Object> jobs = (Map<String, Object>) root.get("jobs");
      for (Object job : jobs.values()) {
        for (Object step : (List<Object>) ((Map<String, Object>) job).get("steps")) {
          Map<String, Object> s = (Map<String, Object>) step;
          if ("keycard".equals(s.get("id"))) {
            return (String) s.get("run");
          }
        }
      }
      throw new AssertionError(b + ": no step with id: keycard");
    }
    // GitLab CI: the job's script lines, which GitLab runs one after another in one shell
    Map<String, Object> job = (Map<String, Object>) root.get("keycard");
    assertThat(job).as("%s has a job named keycard", b).isNotNull();
    assertThat((Map<String, Object>) job.get("variables")).as("%s sets KEYCARD_URL", b)
        .containsKey("KEYCARD_URL");
    List<Object> lines = (List<Object>) job.get("script");
    StringBuilder script = new StringBuilder();
    for (Object line : lines) {
      assertThat(line).as("%s: every script line is a string (quote a line holding ': ')", b)
          .isInstanceOf(String.class);
      script.append(line).append('\n');
    }
    return script.toString();
  }

  private static io.restassured.response.Response evaluate(String yaml, String path)
      throws InterruptedException {
    return Readme.retrying(
        () ->
            given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post(path));
  }
}
