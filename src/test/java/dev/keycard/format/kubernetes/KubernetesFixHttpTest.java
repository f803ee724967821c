package dev.keycard.format.kubernetes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes manifests over HTTP: /v1/fix on a Deployment and on a stream, and every view of a stream. */
@QuarkusTest
class KubernetesFixHttpTest {
  static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
          + "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
          + "    spec:\n      hostPID: true # debugging, remove\n      containers:\n      - name: web\n"
          + "        image: nginx:1.27 # pinned\n        securityContext:\n          privileged: true\n";

  static final String STREAM =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n"
          + "    securityContext: {allowPrivilegeEscalation: false, runAsUser: 1000, readOnlyRootFilesystem: true,"
          + " capabilities: {drop: [ALL]}}\n"
          + "    resources: {limits: {memory: 64Mi, cpu: 100m}}\n    volumeMounts: [{name: t, mountPath: /tmp}]\n"
          + "  volumes: [{name: t, emptyDir: {medium: Memory}}]\n"
          + "---\n"
          + "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n  - name: b\n    image: nginx\n"
          + "    securityContext:\n      privileged: true\n";

  @Test
  void fix_deployment_editsItsTemplate_keepsComments_andReturnsThePatch() {
    given()
        .queryParam("apply", "all")
        .queryParam("ruleset", "restricted")
        .contentType("application/yaml")
        .body(DEPLOYMENT.getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("kubernetes"))
        .body("findings.rule_id", hasItem("KC-001"))
        .body("fixed", not(containsString("privileged")))
        .body("fixed", not(containsString("hostPID")))
        .body("fixed", containsString("        image: nginx:1.27 # pinned\n"))
        .body("fixed", containsString("\n        securityContext:\n"))
        .body("fixed", containsString("          allowPrivilegeEscalation: false\n"))
        .body("fixed", containsString("          readOnlyRootFilesystem: true\n"))
        .body("fixed", containsString("            memory: 512Mi\n"))
        .body("diff", containsString("-      hostPID: true # debugging, remove\n"))
        .body("patch.path", everyItem(startsWith("/spec/template/spec/")))
        .body("remaining", hasSize(0)); // KC-042 (no PID limit) does not run on Kubernetes
  }

  @Test
  void fix_stream_returnsTheWholeStream_withOnlyTheSecondDocumentChanged() {
    String first = STREAM.substring(0, STREAM.indexOf("---\n") + 4);
    given()
        .queryParam("apply", "all")
        .queryParam("ruleset", "baseline")
        .contentType("application/yaml")
        .body(STREAM.getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("fixed", startsWith(first))
        .body("fixed", equalTo(first + "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n  - name: b\n    image: nginx\n"))
        .body("patch", hasSize(1))
        .body("patch[0].op", equalTo("remove"))
        .body("patch[0].path", equalTo("/1/spec/containers/0/securityContext"))
        .body("remaining", hasSize(0));
  }

  @Test
  void sarif_ofAStream_pointsIntoTheSecondDocument() {
    given()
        .queryParam("output", "sarif")
        .queryParam("ruleset", "baseline")
        .queryParam("filename", "k8s/app.yaml")
        .contentType("application/yaml")
        .body(STREAM.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        // the file, and each document inside it (ASCII: bytes are characters here)
        .body("runs[0].artifacts", hasSize(3))
        .body("runs[0].artifacts[0].location.uri", equalTo("k8s/app.yaml"))
        .body("runs[0].artifacts[1].location.uri", equalTo("document-0"))
        .body("runs[0].artifacts[1].parentIndex", equalTo(0))
        .body("runs[0].artifacts[1].offset", equalTo(0))
        .body("runs[0].artifacts[2].location.uri", equalTo("document-1"))
        .body("runs[0].artifacts[2].parentIndex", equalTo(0))
        .body("runs[0].artifacts[2].offset", equalTo(STREAM.indexOf("---\n") + 4))
        .body("runs[0].artifacts[2].length", equalTo(STREAM.stripTrailing().length() - STREAM.indexOf("---\n") - 4))
        .body("runs[0].artifacts[2].description.text", equalTo("document 1 of k8s/app.yaml"))
        .body("runs[0].results.find { it.ruleId == 'KC-001' }.locations[0].physicalLocation.region.startLine", equalTo(23))
        .body(
            "runs[0].results.find { it.ruleId == 'KC-001' }.locations[0].logicalLocations[0].fullyQualifiedName",
            equalTo("/1/spec/containers/0/securityContext/privileged"))
        .body("runs[0].results.find { it.ruleId == 'KC-001' }.properties.container", equalTo("pod/b/b"))
        .body(
            "runs[0].results.find { it.ruleId == 'KC-001' }.fixes[0].artifactChanges[0].replacements[0].deletedRegion.startLine",
            equalTo(22));
  }

  @Test
  void lsp_ofAStream_rangesOnTheSecondDocumentsLines() {
    given()
        .queryParam("output", "lsp")
        .queryParam("ruleset", "baseline")
        .contentType("application/json")
        .body(Map.of("input", STREAM, "uri", "file:///work/app.yaml"))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("diagnostics.find { it.code == 'KC-001' }.range.start.line", equalTo(22))
        .body("diagnostics.find { it.code == 'KC-001' }.range.start.character", equalTo(6))
        .body("code_actions[0].kind", equalTo("quickfix"))
        .body("code_actions[0].edit.changes", hasKey("file:///work/app.yaml"));
  }

  @Test
  void markdown_ofAStream_showsTheFixedStreamInAYamlFence() {
    given()
        .queryParam("output", "markdown")
        .queryParam("ruleset", "restricted")
        .contentType("application/yaml")
        .body(STREAM.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body(startsWith("❌ **Denied**"))
        .body(containsString("```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n"))
        .body(containsString("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n"))
        .body(containsString("(line 23)"));
  }
}
