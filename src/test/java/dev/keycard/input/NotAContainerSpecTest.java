package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A text is compose only if it looks like compose: a workflow, a manifest, a {@code kubectl} line,
 * a Dockerfile or prose is refused with an error that names what it looks like, never "no services
 * found" and never a compose evaluation of a "service" called {@code jobs} or {@code metadata}.
 */
class NotAContainerSpecTest {
  static final InputReader READER = Formats.reader();

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of(
            "GitHub Actions workflow",
            "name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                + "    services:\n      redis:\n        image: redis\n    steps:\n      - uses: actions/checkout@v4\n",
            "a GitHub Actions workflow"),
        Arguments.of(
            "kubectl run", "kubectl run nginx --image=nginx --privileged", "a kubectl command"),
        Arguments.of(
            "kubectl in a shell block",
            "I ran\n```sh\nkubectl run nginx --image=nginx --privileged\n```\n",
            "a kubectl command"),
        Arguments.of(
            "docker compose up", "docker compose up -d", "a docker compose command"),
        Arguments.of("Dockerfile", "FROM alpine:3.20\nUSER root\nRUN apk add curl\n", "a Dockerfile"),
        Arguments.of(
            "prose",
            "How do I make my containers more secure? Any tips?",
            "prose"),
        Arguments.of(
            "prose with a colon",
            "Question: how do I run nginx securely?",
            "prose"),
        Arguments.of(
            "GitLab CI",
            "stages: [test]\ntest:\n  image: alpine\n  script:\n    - echo hi\n",
            "a GitLab CI configuration"),
        Arguments.of(
            "GitHub Actions jobs without on:",
            "jobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      redis:\n        image: redis\n",
            "a GitHub Actions workflow"));
  }

  /**
   * Kubernetes manifests: read as such without a format (issue 20), and still no compose file
   * when the caller asks for compose, with a hint to send them as what they are.
   */
  static Stream<Arguments> manifests() {
    return Stream.of(
        Arguments.of(
            "Kubernetes manifest",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n"
                + "spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n",
            "a Kubernetes manifest (kind: Deployment)"),
        Arguments.of(
            "Kubernetes manifest in a chat block",
            "Is this pod ok?\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n"
                + "  containers:\n    - name: x\n      image: nginx\n      securityContext:\n        privileged: true\n```\n",
            "a Kubernetes manifest (kind: Pod)"),
        Arguments.of(
            // kubernetes.io, "Managing Workloads": a Service and a Deployment in one file
            "Kubernetes stream of two documents",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: my-nginx-svc\nspec:\n  type: LoadBalancer\n"
                + "  ports:\n  - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                + "  name: my-nginx\nspec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n"
                + "        image: nginx:1.14.2\n",
            "a Kubernetes manifest (kind: Service)"),
        Arguments.of(
            "Kubernetes manifest as JSON (kubectl get -o json)",
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"x\"},\n"
                + "  \"spec\": {\"containers\": [{\"name\": \"x\", \"image\": \"nginx\","
                + " \"securityContext\": {\"privileged\": true}}]}\n}\n",
            "a Kubernetes manifest (kind: Pod)"));
  }

  static Stream<Arguments> textsAndManifests() {
    return Stream.concat(texts(), manifests());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void aManifest_withoutFormat_isReadAsKubernetes(String name, String text, String what) {
    ParsedInput p = READER.read(text, false, null, ParseOptions.defaults());
    assertThat(p.errors()).isEmpty();
    assertThat(p.format()).isEqualTo(Formats.named("kubernetes"));
    assertThat(p.containers()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void aManifest_withFormatCompose_saysToSendItAsKubernetes(String name, String text, String what) {
    ParsedInput p = READER.read(text, false, Formats.named("compose"), ParseOptions.defaults());
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("format=kubernetes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textsAndManifests")
  void notASpec_withFormatCompose_isTheSameError(String name, String text, String what) {
    ParsedInput p = READER.read(text, false, Formats.named("compose"), ParseOptions.defaults());
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_not_a_container_spec");
              assertThat(d.message()).contains("looks like " + what).doesNotContain("no services");
              assertThat(d.span()).isNotNull();
            });
  }

  @org.junit.jupiter.api.Test
  void aDockerRunCommand_withFormatCompose_saysToSendItAsACommand() {
    ParsedInput p =
        READER.read(
            "docker run --privileged nginx", false, Formats.named("compose"), ParseOptions.defaults());
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .contains("looks like a docker run command, not a compose file")
                    .contains("format=docker-run"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void notASpec_isAnErrorNamingWhatItLooksLike(String name, String text, String what) {
    ParsedInput p = READER.read(text, false, null, ParseOptions.defaults());
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_not_a_container_spec");
              assertThat(d.message()).contains("looks like " + what).doesNotContain("no services");
              assertThat(d.span()).isNotNull();
            });
  }
}
