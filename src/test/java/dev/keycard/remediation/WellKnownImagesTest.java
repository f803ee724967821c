package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.remediation.ImpactData.Entry;
import dev.keycard.remediation.ImpactData.KnownImage;
import dev.keycard.report.Evaluation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of well-known images (keycard/well-known-images.yaml): a finding on what such an
 * image legitimately needs stays a finding, but its fix is review, says what the image needs it for
 * and where that is documented, and offers the image's own alternative first.
 */
class WellKnownImagesTest {
  private final Harness h = Harness.of("policies");

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "traefik, traefik",
    "traefik:v3.1, traefik",
    "docker.io/library/traefik:latest, traefik",
    "library/postgres@sha256:0123456789abcdef0123456789abcdef, postgres",
    "gcr.io/cadvisor/cadvisor:v0.49.1, cadvisor/cadvisor",
    "ghcr.io/home-assistant/home-assistant:stable, home-assistant/home-assistant",
    "lscr.io/linuxserver/wireguard:latest, linuxserver/wireguard",
    "docker:dind, docker",
    "docker.elastic.co/elasticsearch/elasticsearch:8.15.0, elasticsearch/elasticsearch",
    "localhost:5000/traefik:2, traefik",
    "registry.gitlab.com/gitlab-org/gitlab-runner:v17, gitlab-org/gitlab-runner",
    "${REGISTRY}/traefik:${TAG}, traefik"
  })
  void imageReference_isMatchedByRepository(String ref, String repository) {
    assertThat(ImageRef.repository(ref)).isEqualTo(repository);
  }

  @Test
  void catalogue_holdsTheImagesIssue17Names_eachWithItsDocumentation() {
    List<KnownImage> images = ImpactData.images();
    List<String> repositories = images.stream().flatMap(k -> k.images().stream()).toList();
    assertThat(repositories)
        .contains(
            "traefik",
            "portainer/portainer-ce",
            "containrrr/watchtower",
            "cadvisor/cadvisor",
            "prom/node-exporter",
            "linuxserver/wireguard",
            "pihole/pihole",
            "homeassistant/home-assistant",
            "home-assistant/home-assistant",
            "docker",
            "jenkins/inbound-agent",
            "gitlab/gitlab-runner",
            "netdata/netdata",
            "postgres",
            "elasticsearch",
            "elasticsearch/elasticsearch");
    assertThat(images)
        .allSatisfy(
            k -> {
              assertThat(k.docs()).startsWith("https://");
              assertThat(k.needs()).isNotEmpty();
            });
  }

  @Test
  void everyNeed_isAnOperationTheImpactTableKnows() {
    for (KnownImage k : ImpactData.images()) {
      for (Entry need : k.needs()) {
        assertThat(
                Impacts.standard()
                    .covers(
                        new dev.keycard.policy.FixOperation(
                            need.op(), need.field(), need.value(), null)))
            .as(need.where())
            .isTrue();
      }
    }
  }

  static Stream<Arguments> needs() {
    return Stream.of(
        Arguments.of(
            "traefik's socket",
            "services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n"
                + "      - /var/run/docker.sock:/var/run/docker.sock:ro\n",
            "KC-030",
            "traefik needs the Docker socket for its Docker provider",
            "doc.traefik.io"),
        Arguments.of(
            "WireGuard's NET_ADMIN",
            "docker run --cap-add=NET_ADMIN lscr.io/linuxserver/wireguard:latest",
            "KC-007",
            "wireguard needs NET_ADMIN",
            "docs.linuxserver.io"),
        Arguments.of(
            "docker:dind's privileged mode",
            "docker run --privileged -d docker:dind",
            "KC-001",
            "docker:dind runs a Docker daemon, which needs --privileged",
            "hub.docker.com/_/docker"),
        Arguments.of(
            "Home Assistant's host network",
            "services:\n  ha:\n    image: ghcr.io/home-assistant/home-assistant:stable\n"
                + "    network_mode: host\n",
            "KC-010",
            "home-assistant uses the host network to discover devices",
            "home-assistant.io"),
        Arguments.of(
            "Elasticsearch's memory, raised from safe",
            "docker run docker.elastic.co/elasticsearch/elasticsearch:8.15.0",
            "KC-040",
            "elasticsearch needs memory beyond its JVM heap",
            "elastic.co"),
        Arguments.of(
            "PostgreSQL's capabilities",
            "docker run postgres:16",
            "KC-005",
            "postgres's entrypoint starts as root",
            "hub.docker.com/_/postgres"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("needs")
  void aNeedOfAWellKnownImage_makesItsFixReviewAndSaysWhy(
      String name, String input, String rule, String sentence, String docs) {
    InputRequest r = Harness.request(input);
    Answer answer = h.answer(r, "restricted");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
    Remedy remedy = answer.remedies().of(f);
    assertThat(remedy).as("the fix is still offered, verified").isNotNull();
    assertThat(remedy.impact().impact()).isEqualTo(Impact.REVIEW);
    assertThat(remedy.impact().breaks()).startsWith(sentence).contains(docs);
    assertThat(remedy.impact().alternatives()).isNotEmpty();
  }

  @Test
  void traefik_findingStays_andTheSocketProxyComesFirst() {
    String input =
        "services:\n  proxy:\n    image: traefik\n    volumes:\n"
            + "      - /var/run/docker.sock:/var/run/docker.sock\n";
    InputRequest r = Harness.request(input);
    Answer answer = h.answer(r, "restricted");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals("KC-030")).findFirst().orElseThrow();
    assertThat(f.message()).as("the finding is the rule's own").contains("mounts the host's container runtime socket");
    Alternative first =
        answer.remedies()
            .of(f)
            .impact()
            .alternatives()
            .get(0);
    assertThat(first.description()).contains("socket proxy");
    assertThat(first.snippet())
        .contains("tecnativa/docker-socket-proxy", "CONTAINERS: 1", ":ro", "in proxy:");
  }

  @Test
  void anImageNotInTheCatalogue_getsTheGenericSentence() {
    InputRequest r =
        Harness.request("docker run -v /var/run/docker.sock:/var/run/docker.sock myorg/tool");
    Answer answer = h.answer(r, "restricted");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals("KC-030")).findFirst().orElseThrow();
    String breaks =
        answer.remedies().of(f).impact().breaks();
    assertThat(breaks).startsWith("The container can no longer reach the container runtime");
  }

  @Test
  void aNeedTheImageDoesNotHave_leavesTheGenericImpact() {
    // traefik needs the socket, not host networking: the generic sentence, no citation
    InputRequest r = Harness.request("docker run --network host traefik");
    Answer answer = h.answer(r, "restricted");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals("KC-010")).findFirst().orElseThrow();
    String breaks =
        answer.remedies().of(f).impact().breaks();
    assertThat(breaks)
        .startsWith("The container gets a network namespace")
        .doesNotContain("https://");
  }
}
