package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FixResourceTest {
  @Test
  void fix_dockerRunJson_returnsFixedCommandDiffAndNoPatch() {
    given()
        .queryParam("apply", "all")
        .contentType("application/json")
        .body(
            Map.of(
                "input",
                "docker run --privileged -v /var/run/docker.sock:/var/run/docker.sock myapp",
                "ruleset",
                "baseline@1"))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("docker-run"))
        .body("findings.rule_id", hasItem("KC-001"))
        .body(
            "findings[0].remediation.command",
            equalTo("docker run -v /var/run/docker.sock:/var/run/docker.sock myapp"))
        .body("fixed", equalTo("docker run myapp"))
        .body("applied", equalTo(2))
        .body("diff", containsString("-docker run --privileged"))
        .body("diff", containsString("+docker run myapp"))
        .body("patch", hasSize(0))
        .body("remaining", hasSize(0));
  }

  @Test
  void fix_dockerRunInAChatMessage_fixesTheCommandInTheWholeMessage() {
    // as for a compose block in a message: "fixed" is the whole input, the prose kept
    String message = "hey, is this ok?\n\n    docker run --privileged myapp\n\nthanks\n";
    given()
        .queryParam("apply", "all")
        .contentType("text/plain")
        .queryParam("ruleset", "baseline@1")
        .body(message.getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("fixed", equalTo("hey, is this ok?\n\n    docker run myapp\n\nthanks\n"))
        .body("diff", containsString("-    docker run --privileged myapp\n+    docker run myapp\n"))
        .body("findings[0].remediation.command", equalTo("docker run myapp"));
  }

  @Test
  void fix_rawComposeBody_keepsCommentsAndReturnsPatch() {
    String compose =
        "services:\n  web:\n    image: nginx # pinned\n    # legacy networking\n"
            + "    network_mode: host\n    user: root\n";
    given()
        .queryParam("apply", "all")
        .contentType("application/yaml")
        .queryParam("ruleset", "restricted@1")
        .body(compose.getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body(
            "fixed",
            equalTo(
                // the comment that documented network_mode went with it; the others stay
                "services:\n  web:\n    image: nginx # pinned\n"
                    + "    user: 1000:1000\n    security_opt:\n      - no-new-privileges:true\n"
                    + "    cap_drop:\n      - ALL\n    read_only: true\n    tmpfs:\n      - /tmp\n"
                    + "    mem_limit: 512m\n    pids_limit: 100\n    cpus: 1\n"))
        .body("patch.op", hasItem("remove"))
        .body("patch.find { it.op == 'remove' }.path", equalTo("/services/web/network_mode"))
        .body("patch.find { it.op == 'remove' }", not(org.hamcrest.Matchers.hasKey("value")))
        .body("patch.find { it.op == 'replace' }.value", equalTo("1000:1000"))
        .body("diff", containsString("-    network_mode: host"));
  }

  @Test
  void fix_engineApiObject_patchesWithoutEdits() {
    given()
        .queryParam("apply", "all")
        .contentType("application/json")
        .body(
            Map.of(
                "input",
                Map.of("Image", "nginx", "HostConfig", Map.of("Privileged", true)),
                "ruleset",
                "baseline"))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("input.format", equalTo("engine-api"))
        .body("findings[0].remediation.patch[0].op", equalTo("remove"))
        .body("findings[0].remediation.patch[0].path", equalTo("/HostConfig/Privileged"))
        .body("findings[0].remediation.edits", nullValue())
        .body("fixed", containsString("\"HostConfig\":{}"))
        .body("fixed", not(containsString("Privileged")));
  }

  @Test
  void fix_engineApiText_editsKeepFormatting() {
    String body = "{\n  \"Image\": \"nginx\",\n  \"User\": \"root\"\n}\n";
    given()
        .queryParam("apply", "all")
        .contentType("text/plain")
        .queryParam("ruleset", "restricted")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body(
            "fixed",
            equalTo(
                "{\n  \"Image\": \"nginx\",\n  \"User\": \"1000:1000\",\n  \"HostConfig\":"
                    + " {\"SecurityOpt\": [\"no-new-privileges:true\"], \"CapDrop\": [\"ALL\"],"
                    + " \"ReadonlyRootfs\": true, \"Tmpfs\": {\"/tmp\": \"\"}, \"Memory\": 536870912,"
                    + " \"PidsLimit\": 100, \"NanoCpus\": 1000000000}\n}\n"))
        .body("patch[0].path", equalTo("/User"));
  }

  @Test
  void fix_toCompose_returnsFixedContainerAsComposeDocument() {
    given()
        .queryParam("apply", "all")
        .contentType("text/plain")
        .queryParam("to", "compose")
        .queryParam("ruleset", "restricted")
        .body("docker run --privileged -p 8080:80 nginx".getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body(
            "fixed",
            equalTo(
                // the flags go in together; no-new-privileges is a finding only once
                // --privileged is gone, so it comes in a second round, last
                "docker run -p 8080:80 --user 1000:1000 --cap-drop ALL --read-only --tmpfs /tmp"
                    + " --memory 512m --pids-limit 100 --cpus 1"
                    + " --security-opt no-new-privileges:true nginx"))
        .body(
            "compose",
            equalTo(
                "services:\n  nginx:\n    image: nginx\n    user: 1000:1000\n"
                    + "    cap_drop:\n      - ALL\n    read_only: true\n    tmpfs:\n      - /tmp\n"
                    + "    security_opt:\n      - no-new-privileges:true\n    mem_limit: 512m\n"
                    + "    cpus: 1\n    pids_limit: 100\n    ports:\n      - \"8080:80\"\n"));
  }

  @Test
  void fix_unknownTarget_isBadRequest() {
    given()
        .contentType("text/plain")
        .queryParam("to", "kubernetes")
        .body("docker run nginx".getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void fix_byDefault_appliesOnlySafeFixes_andListsTheOthersWithWhatTheyBreak() {
    String compose =
        "services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n"
            + "      # so that traefik sees the containers\n"
            + "      - /var/run/docker.sock:/var/run/docker.sock:ro\n";
    given()
        .contentType("application/yaml")
        .queryParam("ruleset", "restricted@1")
        .body(compose.getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("apply", equalTo("safe"))
        .body("fixed", containsString("- /var/run/docker.sock:/var/run/docker.sock:ro"))
        .body("fixed", containsString("so that traefik sees the containers"))
        .body("fixed", containsString("no-new-privileges:true"))
        .body("fixed", containsString("mem_limit: 512m"))
        .body("fixed", not(containsString("read_only")))
        .body("remaining.rule_id", hasItem("KC-030"))
        .body("not_applied.rule_id", hasItem("KC-030"))
        .body("not_applied.rule_id", not(hasItem("KC-004")))
        .body("not_applied.find { it.rule_id == 'KC-030' }.remediation.impact", equalTo("review"))
        .body(
            "not_applied.find { it.rule_id == 'KC-030' }.remediation.breaks",
            containsString("traefik needs the Docker socket for its Docker provider"))
        .body(
            "not_applied.find { it.rule_id == 'KC-030' }.remediation.alternatives[0].snippet",
            containsString("tecnativa/docker-socket-proxy"))
        .body("findings.find { it.rule_id == 'KC-004' }.remediation.impact", equalTo("safe"))
        .body("findings.find { it.rule_id == 'KC-004' }.remediation.breaks", nullValue());
  }

  @Test
  void fix_applyAll_appliesEveryVerifiedFix_andListsNothingNotApplied() {
    given()
        .contentType("text/plain")
        .queryParam("ruleset", "baseline@1")
        .queryParam("apply", "all")
        .body("docker run --privileged -d docker:dind".getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("apply", equalTo("all"))
        .body("fixed", equalTo("docker run -d docker:dind"))
        .body("not_applied", hasSize(0));
  }

  @Test
  void fix_safe_leavesPrivilegedOnDockerInDocker_andSaysWhy() {
    given()
        .contentType("text/plain")
        .queryParam("ruleset", "baseline@1")
        .queryParam("apply", "safe")
        .body("docker run --privileged -d docker:dind".getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(200)
        .body("fixed", equalTo("docker run --privileged -d docker:dind"))
        .body("applied", equalTo(0))
        .body("not_applied[0].rule_id", equalTo("KC-001"))
        .body(
            "not_applied[0].remediation.breaks",
            containsString("docker:dind runs a Docker daemon, which needs --privileged"));
  }

  @Test
  void fix_unknownApplyMode_isBadRequest() {
    given()
        .contentType("text/plain")
        .queryParam("apply", "everything")
        .body("docker run nginx".getBytes(StandardCharsets.UTF_8))
        .post("/v1/fix")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'safe' (the default) or 'all'"));
  }

  @Test
  void evaluate_compose_findingsCarryPatchAndEdits() {
    String compose =
        "services:\n  web:\n    image: nginx\n    network_mode: host\n    user: root\n";
    given()
        .contentType("application/yaml")
        .queryParam("ruleset", "restricted@1.0.0")
        .body(compose.getBytes(StandardCharsets.UTF_8))
        .post("/v1/evaluate")
        .then()
        .statusCode(200)
        .body("findings.find { it.rule_id == 'KC-010' }.remediation.patch[0].op", equalTo("remove"))
        .body(
            "findings.find { it.rule_id == 'KC-010' }.remediation.edits[0].start.line", equalTo(4))
        .body(
            "findings.find { it.rule_id == 'KC-010' }.remediation.edits[0].start.column",
            equalTo(1))
        .body("findings.find { it.rule_id == 'KC-010' }.remediation.edits[0].end.line", equalTo(5))
        .body("findings.find { it.rule_id == 'KC-010' }.remediation.edits[0].text", equalTo(""))
        .body(
            "findings.find { it.rule_id == 'KC-002' }.remediation.edits[0].text",
            equalTo("1000:1000"));
  }
}
