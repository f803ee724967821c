package dev.keycard.format.kubernetes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /v1/parse, /v1/evaluate and /v1/fix over HTTP with Kubernetes manifests. */
@QuarkusTest
class KubernetesHttpTest {
  static final String STREAM =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            hostPID: true
            volumes:
            - name: sock
              hostPath: {path: /var/run/docker.sock}
            containers:
            - name: nginx
              image: nginx:1.27
              securityContext:
                privileged: true
              volumeMounts:
              - {name: sock, mountPath: /var/run/docker.sock}
      """;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parse_aStream_isTheModelWithPointersNamingTheDocument() {
    given()
        .contentType("application/yaml")
        .body(bytes(STREAM))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("kubernetes"))
        .body("containers", hasSize(1))
        .body("containers[0].name", equalTo("deployment/web/nginx"))
        .body("containers[0].format", equalTo("kubernetes"))
        .body("containers[0].privileged", equalTo(true))
        .body("containers[0].pid", equalTo("host"))
        .body("containers[0].run_as_non_root", equalTo(false))
        .body("containers[0].seccomp_default", equalTo("unconfined"))
        .body("containers[0].mounts[0].source", equalTo("/var/run/docker.sock"))
        .body("containers[0].volumes[0].type", equalTo("hostPath"))
        .body("containers[0].locations.privileged.path", equalTo("/1/spec/template/spec/containers/0/securityContext/privileged"))
        .body("containers[0].locations.privileged.start.line", equalTo(21))
        .body("containers[0].locations.privileged.start.column", equalTo(11))
        .body("warnings.code", hasItem("input_objects_skipped"));
  }

  @Test
  void evaluate_aDeployment_findsWhatTheSameRulesFindForDocker() {
    given()
        .contentType("application/yaml")
        .queryParam("ruleset", "baseline")
        .body(bytes(STREAM))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("allow", equalTo(false))
        .body("input.format", equalTo("kubernetes"))
        .body("findings.rule_id", hasItems("KC-001", "KC-011", "KC-030"))
        .body("findings.find { it.rule_id == 'KC-001' }.location.start.line", equalTo(21));
  }

  @Test
  void evaluate_aJsonPodBody_isKubernetes() {
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "apiVersion", "v1",
                "kind", "Pod",
                "metadata", Map.of("name", "p"),
                "spec", Map.of("containers", new Object[] {Map.of("name", "c", "image", "nginx", "securityContext", Map.of("privileged", true))})))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("kubernetes"))
        .body("findings.rule_id", hasItem("KC-001"));
  }

  @Test
  void evaluate_aPodAsTheInputObject_isKubernetes() {
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "input",
                Map.of(
                    "apiVersion", "v1",
                    "kind", "Pod",
                    "metadata", Map.of("name", "p"),
                    "spec", Map.of("hostNetwork", true, "containers", new Object[] {Map.of("name", "c", "image", "nginx")}))))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("kubernetes"))
        .body("containers[0].network_mode", equalTo("host"))
        .body("containers[0].locations.network_mode.path", equalTo("/spec/hostNetwork"))
        .body("containers[0].locations.network_mode.start", nullValue());
  }

  @Test
  void aHelmTemplate_is400SayingToRenderItFirst() {
    given()
        .contentType("application/yaml")
        .body(bytes("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n"))
        .post("/v1/evaluate")
        .then()
        .statusCode(400)
        .body("code", equalTo("input_parse_error"))
        .body("errors[0].message", containsString("helm template"))
        .body("errors[0].line", equalTo(4))
        .body("errors[0].column", equalTo(9));
  }

  @Test
  void views_sarifAndMarkdown_work() {
    given()
        .contentType("application/yaml")
        .queryParam("output", "sarif")
        .body(bytes(STREAM))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("runs[0].results.ruleId", hasItem("KC-001"));
    given()
        .contentType("application/yaml")
        .queryParam("output", "markdown")
        .body(bytes(STREAM))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body(containsString("deployment/web/nginx"));
  }
}
