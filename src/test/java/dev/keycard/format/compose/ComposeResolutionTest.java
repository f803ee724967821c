package dev.keycard.format.compose;

import static dev.keycard.format.compose.Compose.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anchors, aliases, {@code <<} merges and same-file {@code extends}. */
class ComposeResolutionTest {

  private static Container named(ParsedInput in, String name) {
    return in.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void mergeKey_singleMap_appliesAnchorAndKeepsWrittenPosition() {
    String yaml =
        "x-common: &common\n  privileged: true\n  cap_add: [NET_ADMIN]\n"
            + "services:\n  web:\n    <<: *common\n    image: nginx\n";
    ParsedInput in = parse(yaml);
    Container web = in.containers().get(0);
    assertThat(web.privileged()).isTrue();
    assertThat(web.capAdd()).containsExactly("NET_ADMIN");
    assertThat(web.locate("privileged").path()).isEqualTo("/services/web/<</privileged");
    assertThat(web.locate("privileged").span().start().line()).isEqualTo(2);
    assertThat(Pointers.resolves(in.document(), web.locate("privileged").path())).isTrue();
  }

  @Test
  void mergeKey_listOfMaps_earlierWinsAndExplicitKeysWinOverAll() {
    String yaml =
        "x-a: &a {privileged: true, user: a}\nx-b: &b {privileged: false, user: b,"
            + " read_only: true}\nservices:\n  web:\n    <<: [*a, *b]\n    user: own\n";
    Container web = parse(yaml).containers().get(0);
    assertThat(web.privileged()).isTrue();
    assertThat(web.readOnly()).isTrue();
    assertThat(web.user()).isEqualTo("own");
    assertThat(web.locate("read_only").path()).isEqualTo("/services/web/<</1/read_only");
  }

  @Test
  void alias_ofWholeList_isExpandedWithAnchorPosition() {
    String yaml = "services:\n  a:\n    cap_drop: &drop [ALL]\n  b:\n    cap_drop: *drop\n";
    ParsedInput in = parse(yaml);
    Container b = named(in, "b");
    assertThat(b.capDrop()).containsExactly("ALL");
    assertThat(b.locate("cap_drop[0]").path()).isEqualTo("/services/b/cap_drop/0");
    assertThat(b.locate("cap_drop[0]").span().start().line()).isEqualTo(3);
  }

  @Test
  void document_expandsAliasesButKeepsMergeKeysAndRawText() {
    String yaml =
        "x: &x {privileged: true}\nservices:\n  web:\n    <<: *x\n    user: ${U}\n"
            + "    ports: [80]\n    cpus: 0.5\n    read_only: null\n";
    Object doc = parse(yaml).document();
    @SuppressWarnings("unchecked")
    Map<String, Object> web =
        (Map<String, Object>) ((Map<?, ?>) ((Map<?, ?>) doc).get("services")).get("web");
    assertThat(web).containsEntry("<<", Map.of("privileged", true));
    assertThat(web).containsEntry("user", "${U}");
    assertThat(web).containsEntry("ports", List.of(80L));
    assertThat(web).containsEntry("cpus", 0.5);
    assertThat(web).containsEntry("read_only", null);
  }

  @Test
  void extends_sameFile_mergesMapsAppendsListsAndLocalWins() {
    String yaml =
        "services:\n  base:\n    image: base\n    privileged: true\n"
            + "    cap_add: [NET_ADMIN]\n    environment: {A: '1', B: '2'}\n    command: [a]\n"
            + "  web:\n    extends: base\n    image: web\n    cap_add: [SYS_TIME, NET_ADMIN]\n"
            + "    environment: {B: three}\n    command: [b]\n";
    ParsedInput in = parse(yaml);
    assertThat(in.diagnostics()).isEmpty();
    Container web = named(in, "web");
    assertThat(web.image()).isEqualTo("web");
    assertThat(web.privileged()).isTrue();
    assertThat(web.locate("privileged").path()).isEqualTo("/services/base/privileged");
    assertThat(web.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
    assertThat(web.environment())
        .extracting(e -> e.name() + "=" + e.value())
        .containsExactly("A=1", "B=three");
    assertThat(web.command()).containsExactly("b");
  }

  @Test
  void extends_mapFormAndChains_resolve() {
    String yaml =
        "services:\n  a:\n    read_only: true\n  b:\n    extends: {service: a}\n"
            + "    user: '1'\n  c:\n    extends:\n      service: b\n";
    Container c = named(parse(yaml), "c");
    assertThat(c.readOnly()).isTrue();
    assertThat(c.user()).isEqualTo("1");
  }

  @Test
  void extends_cycle_isAnError() {
    String yaml = "services:\n  a:\n    extends: b\n  b:\n    extends: a\n";
    ParsedInput in = parse(yaml);
    assertThat(in.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("extends cycle"));
  }

  @Test
  void extends_missingService_warns() {
    ParsedInput in = parse("services:\n  a:\n    extends: nope\n    image: x\n");
    assertThat(in.errors()).isEmpty();
    assertThat(in.warnings())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'nope' not found"));
  }
}
