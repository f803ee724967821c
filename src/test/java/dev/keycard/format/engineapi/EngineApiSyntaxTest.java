package dev.keycard.format.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.remediation.JsonDoc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The renderer's JSON document is the parser's tree, as the text would be read again. */
class EngineApiSyntaxTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"Image\":\"nginx\",\"HostConfig\":{\"Privileged\":true}}",
        "{\n  \"Image\": \"nginx\",\n  \"HostConfig\" : {\n    \"CapAdd\": [\"ALL\", \"NET_ADMIN\"],\n"
            + "    \"Memory\": 0, \"NanoCpus\": 1.5e9, \"PidsLimit\": null\n  }\n}\n",
        "[{\"Config\":{\"Image\":\"a\"},\"HostConfig\":{\"Binds\":[\"/:/h\"]}},\n"
            + " {\"Config\": {\"Image\": \"b\\u0041\\\"q\"}, \"HostConfig\": {}}]",
        "  {\"Image\":\"x\",\"Env\":[],\"Labels\":{},\"HostConfig\":{\"Privileged\":false}}  \n",
        "{\"Image\":\"é ü 🐳\",\"HostConfig\":{\"SecurityOpt\":[\"seccomp=unconfined\"]}}"
      })
  void theTreeIsTheOneTheTextReadsAs(String text) {
    ParsedInput in = new EngineApiParser().parse(Source.of(text), ParseOptions.defaults());
    assertThat(in.hasErrors()).isFalse();
    EngineApiSyntax syntax = EngineApiSyntax.of(in);
    assertThat(syntax).isNotNull();
    assertThat(syntax.doc().at("").toString()).isEqualTo(JsonDoc.parse(text).at("").toString());
  }

  @Test
  void oneInputBuildsItsDocumentOnceAndAnotherParseItsOwn() {
    String text = "{\"Image\":\"nginx\",\"HostConfig\":{\"Privileged\":true}}";
    ParsedInput a = new EngineApiParser().parse(Source.of(text), ParseOptions.defaults());
    ParsedInput b = new EngineApiParser().parse(Source.of(text), ParseOptions.defaults());
    assertThat(EngineApiSyntax.of(a).doc()).isSameAs(EngineApiSyntax.of(a).doc());
    assertThat(EngineApiSyntax.of(a).doc()).isNotSameAs(EngineApiSyntax.of(b).doc());
  }

  @Test
  void anInputWithoutContainersKeepsNoTree() {
    ParsedInput in = new EngineApiParser().parse(Source.of("[]"), ParseOptions.defaults());
    assertThat(in.syntax()).isNull();
  }
}
