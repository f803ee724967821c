package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParseResourceTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parse_dockerRun_returnsTheModelWithLocations() {
    given()
        .contentType("text/plain")
        .body(bytes("docker run --privileged -v /:/host --cap-add sys_admin myapp"))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("docker-run"))
        .body("containers", hasSize(1))
        .body("containers[0].name", equalTo("myapp"))
        .body("containers[0].privileged", equalTo(true))
        .body("containers[0].cap_add", contains("SYS_ADMIN"))
        .body("containers[0].mounts[0].source", equalTo("/"))
        .body("containers[0].mounts[0].target", equalTo("/host"))
        .body("containers[0].mounts[0].read_only", equalTo(false))
        .body("containers[0].locations.privileged.start.line", equalTo(1))
        .body("containers[0].locations.privileged.start.column", equalTo(12))
        .body("containers[0].locations.privileged.end.column", equalTo(24))
        .body("containers[0].locations.privileged.start.offset", nullValue())
        .body("containers[0].location.start.column", equalTo(56));
  }

  @Test
  void parse_composeYaml_hasPointersAndSnakeCaseFields() {
    given()
        .contentType("application/yaml")
        .body(bytes("services:\n  web:\n    image: nginx\n    read_only: true\n    mem_limit: 512m\n    ports: ['127.0.0.1:8080:80']\n"))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("compose"))
        .body("containers[0].name", equalTo("web"))
        .body("containers[0].read_only", equalTo(true))
        .body("containers[0].memory", equalTo(536870912))
        .body("containers[0].ports[0].host_ip", equalTo("127.0.0.1"))
        .body("containers[0].ports[0].host_port", equalTo(8080))
        .body("containers[0].ports[0].container_port", equalTo(80))
        .body("containers[0].locations.read_only.path", equalTo("/services/web/read_only"))
        .body("containers[0].locations.read_only.start.line", equalTo(4))
        .body("containers[0].location.path", equalTo("/services/web"));
  }

  @Test
  void parse_chatMessageWithFence_positionsPointIntoTheMessage() {
    String message = "Is this OK?\n\n```yaml\nservices:\n  app:\n    image: x\n    privileged: true\n```\nthanks";
    given()
        .contentType("text/markdown")
        .body(bytes(message))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("containers[0].locations.privileged.start.line", equalTo(7))
        .body("containers[0].locations.privileged.start.column", equalTo(5));
  }

  @Test
  void parse_engineApiObject_hasPointersButNoSpans() {
    given()
        .contentType("application/json")
        .body(Map.of("input", Map.of("Image", "nginx", "HostConfig", Map.of("Privileged", true, "CapAdd", new String[] {"cap_net_admin"}))))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("format", equalTo("engine-api"))
        .body("containers[0].cap_add", contains("NET_ADMIN"))
        .body("containers[0].locations.privileged.path", equalTo("/HostConfig/Privileged"))
        .body("containers[0].locations.privileged.start", nullValue());
  }

  @Test
  void parse_composeInterpolation_usesOnlyRequestVariables() {
    given()
        .contentType("application/json")
        .body(Map.of(
            "input", "services:\n  a:\n    image: app:${TAG}\n    user: ${HOME}\n",
            "variables", Map.of("TAG", "1.2.3")))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("containers[0].image", equalTo("app:1.2.3"))
        .body("containers[0].user", equalTo("${HOME}"))
        .body("containers[0].unknown", hasItem("user"))
        .body("warnings.message", hasItem(containsString("HOME")));
  }

  @Test
  void parse_brokenYaml_is400WithLineAndColumn() {
    given()
        .contentType("application/yaml")
        .body(bytes("services:\n  web:\n    image: [nginx\n"))
        .post("/v1/parse")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("input_parse_error"))
        .body("errors[0].line", equalTo(4));
  }

  @Test
  void parse_flagMissingItsValue_is400() {
    given()
        .contentType("text/plain")
        .body(bytes("docker run nginx --memory"))
        .post("/v1/parse")
        .then()
        .statusCode(200)
        .body("containers[0].command", contains("--memory"));
    given()
        .contentType("text/plain")
        .body(bytes("docker run --memory"))
        .post("/v1/parse")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("--memory"))
        .body("errors[0].column", equalTo(12));
  }
}
