package dev.keycard.remediation.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which comments above a removed line are commented-out YAML (and go with it). */
class YamlEditorCommentTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"#- ./data:/data", "# - NET_ADMIN", "#dns:", "# restart: always", "#-"})
  void commentedOutYaml_isRecognised(String comment) {
    assertThat(YamlEditor.commentedOut(comment)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "# So that Traefik can listen to the Docker events",
        "# keycard:ignore KC-030 the proxy only reads events",
        "# see https://example.com/x",
        "#"
      })
  void wordsAboutTheLineBelow_areNotCommentedOutYaml(String comment) {
    assertThat(YamlEditor.commentedOut(comment)).isFalse();
  }
}
