package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.FormatDetector;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Detection with the Kubernetes format: manifests are found, and nothing else is taken. */
class KubernetesDetectionTest {
  static final InputReader READER = Formats.reader();

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("a Pod", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n", Formats.named("kubernetes")),
        Arguments.of("kind before apiVersion, quoted keys", "\"kind\": Pod\n'apiVersion': v1\nspec: {containers: [{name: c, image: x}]}\n", Formats.named("kubernetes")),
        Arguments.of("a stream starting with comments", "# Source: x\n---\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: c, image: x}]}\n", Formats.named("kubernetes")),
        Arguments.of("JSON", "{\"kind\": \"Pod\", \"apiVersion\": \"v1\", \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"x\"}]}}", Formats.named("kubernetes")),
        Arguments.of("a chat block tagged yaml", "Is this ok?\n```yaml\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n```\n", Formats.named("kubernetes")),
        Arguments.of("a JSON document after ---", "---\n{\"kind\": \"Pod\", \"apiVersion\": \"v1\", \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"x\"}]}}\n", Formats.named("kubernetes")),
        Arguments.of("a ConfigMap then a JSON Pod", "apiVersion: v1\nkind: ConfigMap\n---\n{\"kind\": \"Pod\", \"apiVersion\": \"v1\", \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"x\"}]}}\n", Formats.named("kubernetes")),
        Arguments.of("a compose file", "services:\n  web:\n    image: nginx\n    privileged: true\n", Formats.named("compose")),
        Arguments.of("a compose file with kind and apiVersion labels", "services:\n  web:\n    image: nginx\n    labels:\n      apiVersion: v1\n      kind: Pod\n", Formats.named("compose")),
        Arguments.of("a compose block tagged compose", "```compose\nservices:\n  web:\n    image: nginx\n```\n", Formats.named("compose")),
        Arguments.of("an engine-api body", "{\"Image\": \"nginx\", \"HostConfig\": {\"Privileged\": true}}", Formats.named("engine-api")),
        Arguments.of("an engine-api body with kind and apiVersion labels", "{\"Image\": \"nginx\", \"Labels\": {\"apiVersion\": \"v1\", \"kind\": \"Pod\"}}", Formats.named("engine-api")),
        Arguments.of("docker inspect output", "[{\"Config\": {\"Image\": \"nginx\"}, \"HostConfig\": {}}]", Formats.named("engine-api")),
        Arguments.of("a docker run line", "docker run --privileged nginx", Formats.named("docker-run")),
        Arguments.of("a docker run line in prose", "Why does docker run --privileged -v /:/host nginx fail?", Formats.named("docker-run")));
  }

  /**
   * Lines that each open a JSON object and never close it are scanned once in all, not once per
   * line (a scan per line read 100,000 lines 100,000 times). A hang guard, not a timing test.
   */
  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Timeout(30)
  void manyUnclosedObjectLines_areScannedOnce() {
    String text = "{ \"a\": \n".repeat(100_000);
    assertThat(KubernetesFormat.isKubernetes("x: 1\n" + text)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void detected(String name, String text, InputFormat format) {
    ParsedInput p = READER.read(text, false, null, ParseOptions.defaults());
    assertThat(p.format()).isEqualTo(format);
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).isNotEmpty();
    if (!text.contains("```")) {
      assertThat(KubernetesFormat.isKubernetes(text)).isEqualTo(format == Formats.named("kubernetes"));
    }
  }
}
