package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.remediation.yaml.YamlDoc;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The renderer's document comes from the parse, once per input, never from another request's. */
class ComposeSyntaxTest {
  private static final String PLAIN = "services:\n  app:\n    image: nginx\n    privileged: true\n";

  @Test
  void aPlainTextIsConvertedFromTheParsersTree() {
    ParsedInput in = Compose.parse(PLAIN);
    YamlDoc doc = ComposeSyntax.of(in).doc().orElseThrow();
    assertThat(doc.at("/services/app/privileged")).isInstanceOf(ScalarNode.class);
    assertThat(doc.start(doc.at("/services/app/image"))).isEqualTo(PLAIN.indexOf("nginx"));
    assertThat(ComposeSyntax.of(in).doc().orElseThrow()).isSameAs(doc);
  }

  @Test
  void aTextWithAliasesIsComposedWithTheAliasWhereItWasWritten() {
    String text = "x: &b\n  image: nginx\nservices:\n  app: *b\n  web:\n    <<: *b\n    user: root\n";
    ParsedInput in = Compose.parse(text);
    YamlDoc doc = ComposeSyntax.of(in).doc().orElseThrow();
    assertThat(doc.at("/services/web")).isInstanceOf(MappingNode.class);
    assertThat(doc.at("/services/web/<<")).isNotNull(); // the merge key kept as written
    assertThat(doc.isAlias(doc.walk("/services/app").get(1))).isTrue();
  }

  @Test
  void twoParsesOfOneTextHaveTwoDocuments() {
    String text = new String(PLAIN);
    YamlDoc a = ComposeSyntax.of(Compose.parse(text)).doc().orElseThrow();
    YamlDoc b = ComposeSyntax.of(Compose.parse(text)).doc().orElseThrow();
    assertThat(a).isNotSameAs(b);
  }

  @Test
  void anInputWithoutServicesKeepsNoTree() {
    assertThat(Compose.parse("services: {}\n").syntax()).isNull();
  }
}
