package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.budget.LimitExceeded;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every byte is hostile: aliases, nesting and streams end in a diagnostic or a 413, quickly. */
class KubernetesHostileInputTest {
  static final KubernetesParser PARSER = new KubernetesParser();

  static ParsedInput parse(String yaml) {
    return PARSER.parse(Source.of(yaml), ParseOptions.defaults());
  }

  @Test
  void billionLaughs_isRefusedByTheAliasLimitOrTheNodeCap() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      sb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    sb.append("spec: {containers: [{name: c, image: x}]}\n");
    long t0 = System.nanoTime();
    try {
      ParsedInput p = parse(sb.toString());
      assertThat(p.errors()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("invalid YAML"));
    } catch (LimitExceeded e) {
      assertThat(e.getMessage()).contains("max-yaml-nodes");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void scalarAliasesPastTheNodeCap_are413() {
    // scalar aliases are not limited by SnakeYAML: every node they expand to is counted
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: &n x}\nspec:\n  containers:\n");
    sb.append("  - name: c\n    image: x\n    args: [");
    for (int i = 0; i < 120_000; i++) {
      sb.append(i == 0 ? "" : ",").append("*n");
    }
    sb.append("]\n");
    assertThatThrownBy(() -> parse(sb.toString()))
        .isInstanceOf(LimitExceeded.class)
        .hasMessageContaining("max-yaml-nodes");
  }

  @Test
  void deepNesting_isAnErrorWithItsPlace() {
    String deep = "apiVersion: v1\nkind: Pod\nmetadata: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    ParsedInput p = parse(deep);
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("nesting deeper than 64");
              assertThat(d.span().start().line()).isEqualTo(3);
            });
  }

  @Test
  void aHugeStreamOfWorkloads_stopsAtTheContainerLimit() {
    String one = "apiVersion: v1\nkind: Pod\nmetadata: {name: p%d}\nspec: {containers: [{name: c, image: x}]}\n---\n";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1_200; i++) {
      sb.append(one.formatted(i));
    }
    ParsedInput p = parse(sb.toString());
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("more than 1000 containers in the input"));
  }

  @Test
  void aHugeStreamOfOtherObjects_isOneWarning() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      sb.append("apiVersion: v1\nkind: K").append(i % 300).append("\nmetadata: {name: s}\n---\n");
    }
    sb.append("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n");
    ParsedInput p = parse(sb.toString());
    assertThat(p.errors()).isEmpty();
    assertThat(p.warnings())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("5000 objects without containers").contains("other kinds"));
  }

  @Test
  void manyWarnings_areCappedAtMaxDiagnostics() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    env:\n");
    for (int i = 0; i < 500; i++) {
      sb.append("    - {name: V").append(i).append(", value: [not, a, string]}\n");
    }
    ParsedInput p = PARSER.parse(Source.of(sb.toString()), new ParseOptions(Map.of(), Map.of(), new ParseLimits(100, 64, 20_000, 1_000, 20)));
    assertThat(p.warnings()).hasSize(20);
    assertThat(p.containers()).hasSize(1);
  }

  @Test
  void aManyDuplicateKeysDocument_keepsItsErrorsBounded() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n");
    for (int i = 0; i < 300; i++) {
      sb.append("  labels: {a: b}\n");
    }
    ParsedInput p = parse(sb.toString());
    assertThat(p.errors()).hasSizeBetween(1, 100);
  }

  @Test
  void quantities_areBounded() {
    assertThat(Quantities.parse("1e999999999")).isNull();
    assertThat(Quantities.parse("9".repeat(10_000))).isNull();
    assertThat(Quantities.bytes("9e100")).isEqualTo(Long.MAX_VALUE);
    assertThat(Quantities.parse("1e1000")).isNull();
    assertThat(Quantities.bytes("900Ei")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aLongKeyAboveManyNodes_doesNotRepeatItInEveryPointer() {
    // a 500 KB explicit key over 2,000 list items: a pointer written per node held the key 2,000
    // times (1 GB), and the JVM of a 256 MiB heap died of it on a 504 KB body
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ? \"");
    sb.append("k".repeat(500_000)).append("\"\n  : [");
    for (int i = 0; i < 2_000; i++) {
      sb.append(i == 0 ? "" : ",").append("1");
    }
    sb.append("]\nspec: {containers: [{name: c, image: x}]}\n");
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    ParsedInput p = parse(sb.toString());
    long held = rt.totalMemory() - rt.freeMemory() - before;
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).hasSize(1);
    assertThat(p.containers().get(0).origin().path()).isEqualTo("/spec/containers/0");
    assertThat(held).as("bytes allocated and still held").isLessThan(200L << 20);
  }

  @Test
  void pointers_areEscapedAndWrittenOnlyWhenAsked() {
    KNode.Path p = KNode.Path.ROOT.child("metadata").child("annotations").child("a/b~c").child(3);
    assertThat(p.toString()).isEqualTo("/metadata/annotations/a~1b~0c/3");
    assertThat(KNode.Path.ROOT.toString()).isEmpty();
  }
}
