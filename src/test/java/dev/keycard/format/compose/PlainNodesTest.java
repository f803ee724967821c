package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The plain subset as SnakeYAML nodes agrees with SnakeYAML's composer (failsafe schema, as the fix
 * renderer composes) on everything the renderer reads: node kinds, scalar values and styles, flow
 * styles, start indexes, end indexes of scalars and flow collections; a block collection ends where
 * its last child ends, never after the composer's end. Checked on the corpus, generated documents
 * and mutants (fixed seeds).
 */
class PlainNodesTest {
  private static Node composed(String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setAllowDuplicateKeys(false)
            .setSchema(new FailsafeSchema())
            .setUseMarks(true)
            .build();
    return new Compose(settings).composeString(text).orElseThrow();
  }

  /** True when the text is of the plain subset; then its nodes must agree with the composer's. */
  private static boolean assertAgrees(String text) {
    Node fast = PlainNodes.composeOrNull(text);
    if (fast == null) {
      return false;
    }
    assertSame(fast, composed(text), text, "");
    return true;
  }

  private static int start(Node n) {
    return n.getStartMark().orElseThrow().getIndex();
  }

  private static int end(Node n) {
    return n.getEndMark().orElseThrow().getIndex();
  }

  private static void assertSame(Node fast, Node slow, String text, String at) {
    String where = "node " + at + " of:\n" + text;
    assertThat(fast.getClass()).as(where).isEqualTo(slow.getClass());
    assertThat(start(fast)).as("start of " + where).isEqualTo(start(slow));
    if (fast instanceof ScalarNode f) {
      ScalarNode s = (ScalarNode) slow;
      assertThat(f.getValue()).as("value of " + where).isEqualTo(s.getValue());
      assertThat(f.getScalarStyle()).as("style of " + where).isEqualTo(s.getScalarStyle());
      assertThat(end(fast)).as("end of " + where).isEqualTo(end(slow));
      return;
    }
    FlowStyle flow =
        fast instanceof MappingNode m ? m.getFlowStyle() : ((SequenceNode) fast).getFlowStyle();
    FlowStyle slowFlow =
        slow instanceof MappingNode m ? m.getFlowStyle() : ((SequenceNode) slow).getFlowStyle();
    assertThat(flow).as("flow style of " + where).isEqualTo(slowFlow);
    List<Node> fastChildren = children(fast);
    List<Node> slowChildren = children(slow);
    assertThat(fastChildren).as("children of " + where).hasSameSizeAs(slowChildren);
    for (int i = 0; i < fastChildren.size(); i++) {
      assertSame(fastChildren.get(i), slowChildren.get(i), text, at + "/" + i);
    }
    if (flow == FlowStyle.FLOW) {
      assertThat(end(fast)).as("end of " + where).isEqualTo(end(slow));
    } else {
      Node last = fastChildren.get(fastChildren.size() - 1);
      assertThat(end(fast))
          .as("end of " + where)
          .isEqualTo(end(last))
          .isLessThanOrEqualTo(end(slow));
    }
  }

  private static List<Node> children(Node n) {
    List<Node> out = new ArrayList<>();
    if (n instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        out.add(t.getKeyNode());
        out.add(t.getValueNode());
      }
    } else {
      out.addAll(((SequenceNode) n).getValue());
    }
    return out;
  }

  @Test
  void corpus_agrees() throws IOException {
    int taken = 0;
    for (Path p : ComposeCorpusTest.corpus().toList()) {
      if (assertAgrees(Files.readString(p, StandardCharsets.UTF_8))) {
        taken++;
      }
    }
    assertThat(taken).as("corpus files of the plain subset").isGreaterThan(200);
  }

  @Test
  void generatedAndMutatedDocuments_agree() {
    PlainYamlTest.Generator g = new PlainYamlTest.Generator(20261129L);
    Random r = new Random(11);
    int taken = 0;
    for (int i = 0; i < 3_000; i++) {
      String t = g.document();
      if (assertAgrees(t)) {
        taken++;
      }
      if (assertAgrees(PlainYamlTest.mutate(t, r))) {
        taken++;
      }
    }
    assertThat(taken).as("documents of the plain subset").isGreaterThan(1_000);
  }

  @Test
  void outsideTheSubset_orEmpty_isLeftToTheComposer() {
    assertThat(PlainNodes.composeOrNull("a: &x 1\nb: *x\n")).isNull();
    assertThat(PlainNodes.composeOrNull("a: b\r\n")).isNull();
    assertThat(PlainNodes.composeOrNull("# nothing\n")).isNull();
    assertThat(PlainNodes.composeOrNull("a: [b\n")).isNull();
  }
}
