package dev.keycard.format.compose;

import static dev.keycard.format.compose.Compose.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole documents, bare service fragments and named fragments without {@code services:}. */
class ComposeShapesTest {

  static Stream<Arguments> fragmentNames() {
    return Stream.of(
        Arguments.of("image: nginx\nprivileged: true\n", "nginx"),
        Arguments.of("image: ghcr.io/org/app:1.2@sha256:abc\nprivileged: true\n", "app"),
        Arguments.of("image: localhost:5000/tools/busybox:latest\nprivileged: true\n", "busybox"),
        Arguments.of("build: .\nprivileged: true\n", "app"),
        Arguments.of("image: ${IMG}\nprivileged: true\n", "app"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("fragmentNames")
  void bareFragment_isOneServiceNamedAfterImage(String yaml, String name) {
    ParsedInput in = parse(yaml);
    assertThat(in.errors()).isEmpty();
    Container c = in.containers().get(0);
    assertThat(c.name()).isEqualTo(name);
    assertThat(c.privileged()).isTrue();
    assertThat(c.locate("privileged").path()).isEqualTo("/privileged");
    assertThat(c.origin().path()).isEmpty();
    assertThat(Pointers.resolves(in.document(), c.locate("privileged").path())).isTrue();
  }

  @Test
  void namedFragment_withoutServicesKey_usesKeyAsNameAndPointerRoot() {
    ParsedInput in = parse("web:\n  image: nginx\n  privileged: true\n");
    assertThat(in.errors()).isEmpty();
    Container c = in.containers().get(0);
    assertThat(c.name()).isEqualTo("web");
    assertThat(c.origin().path()).isEqualTo("/web");
    assertThat(c.locate("privileged").path()).isEqualTo("/web/privileged");
    assertThat(Compose.text(in, c.locate("privileged").span())).isEqualTo("privileged: true");
  }

  @Test
  void namedFragments_several_eachBecomeAContainer() {
    ParsedInput in = parse("version: '3'\nweb:\n  image: a\ndb:\n  image: b\nx-foo: {image: c}\n");
    assertThat(in.containers()).extracting(Container::name).containsExactly("web", "db");
  }

  @Test
  void fullDocument_topLevelKeysAreFine() {
    ParsedInput in =
        parse(
            "version: '3.8'\n"
                + "name: proj\n"
                + "x-defaults: {a: 1}\n"
                + "services:\n"
                + "  app:\n"
                + "    image: x\n"
                + "networks: {n: {}}\n"
                + "volumes: {v: {}}\n"
                + "configs: {}\n"
                + "secrets: {}\n");
    assertThat(in.diagnostics()).isEmpty();
    assertThat(in.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("app"));
  }

  @Test
  void servicesHoldingServiceKeys_isReadAsOneServiceWithWarning() {
    ParsedInput in = parse("services:\n  image: docker\n  privileged: true\n");
    assertThat(in.errors()).isEmpty();
    assertThat(in.warnings()).hasSize(1);
    Container c = in.containers().get(0);
    assertThat(c.name()).isEqualTo("docker");
    assertThat(c.locate("privileged").path()).isEqualTo("/services/privileged");
  }

  @Test
  void chatPaste_twoLines_isUnderstood() {
    ParsedInput in = parse("image: nginx\nprivileged: true");
    assertThat(in.containers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("nginx");
              assertThat(c.privileged()).isTrue();
            });
  }

  @Test
  void extractedSource_spansPointIntoTheOriginalMessage() {
    String message = "Is this ok?\n```yaml\nimage: nginx\nprivileged: true\n```\n";
    int from = message.indexOf("image");
    int to = message.indexOf("```", from);
    String text = message.substring(from, to);
    int[] map = new int[text.length() + 1];
    for (int i = 0; i <= text.length(); i++) {
      map[i] = from + i;
    }
    ParsedInput in =
        new ComposeParser()
            .parse(
                dev.keycard.input.Source.extracted(message, text, map),
                dev.keycard.input.ParseOptions.defaults());
    var span = in.containers().get(0).locate("privileged").span();
    assertThat(span.start().line()).isEqualTo(4);
    assertThat(Compose.text(in, span)).isEqualTo("privileged: true");
  }

  @Test
  void sourceWithoutSpans_stillParsesWithPointersOnly() {
    ParsedInput in =
        new ComposeParser()
            .parse(
                dev.keycard.input.Source.withoutSpans(
                    "{\"services\": {\"app\": {\"privileged\": true}}}"),
                dev.keycard.input.ParseOptions.defaults());
    Container c = in.containers().get(0);
    assertThat(c.privileged()).isTrue();
    assertThat(c.locate("privileged").path()).isEqualTo("/services/app/privileged");
    assertThat(c.locate("privileged").span()).isNull();
  }
}
