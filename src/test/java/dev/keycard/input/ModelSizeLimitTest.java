package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.format.Formats;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Attack 2 of issue 16: one anchored list reused by many services. {@code x-v: &v} with 800 mounts
 * given to 99 services is 28 KB of text and 79,200 mounts, which killed the JVM in {@code
 * /v1/parse}. The list elements of an input's containers after alias expansion, merges and {@code
 * extends} are bounded by {@code max-model-elements}, and YAML nodes after alias expansion (scalar
 * aliases too) by {@code max-yaml-nodes}; both refuse with a 413 naming the limit, in every format.
 */
class ModelSizeLimitTest {
  private static final InputReader READER = Formats.reader();

  private static ParsedInput read(String text) {
    return READER.read(text, false, null, ParseOptions.defaults());
  }

  private static Caps caps(int maxYamlNodes, int maxModelElements) {
    Caps d = Caps.DEFAULTS;
    return new Caps(
        d.maxAdhocRules(),
        d.maxFindings(),
        d.maxMessageLength(),
        d.maxAnswerSize(),
        maxYamlNodes,
        d.maxRuleCost(),
        d.maxExamples(),
        d.maxStringLength(),
        d.maxExpandedValue(),
        maxModelElements,
        d.maxFixes(),
        d.maxRuleText());
  }

  @SuppressWarnings("try") // the binding is the point: it is in force inside
  private static <T> T under(Caps caps, Supplier<T> work) {
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), caps).bind()) {
      return work.get();
    }
  }

  private static void refused(Runnable work, String limit) {
    assertThatThrownBy(work::run)
        .isInstanceOfSatisfying(
            LimitExceeded.class,
            e -> {
              assertThat(e.limit()).isEqualTo(limit);
              assertThat(e.tooLarge()).as("413").isTrue();
              assertThat(e.getMessage()).contains("keycard.limits." + limit);
            });
  }

  static String anchoredList(int entries, int services) {
    StringBuilder y = new StringBuilder("x-v: &v\n");
    for (int i = 0; i < entries; i++) {
      y.append("  - /var/run/docker.sock:/s").append(i).append('\n');
    }
    y.append("services:\n");
    for (int i = 0; i < services; i++) {
      y.append("  s").append(i).append(":\n    image: alpine\n    volumes: *v\n");
    }
    return y.toString();
  }

  @Test
  void anchoredListOf800MountsIn99Services_isRefusedNamingTheElementLimit() {
    String text = anchoredList(800, 99);
    assertThat(text.length()).isLessThan(30_000);
    refused(() -> read(text), "max-model-elements");
  }

  @Test
  void anchoredListWithinTheLimit_isRead() {
    ParsedInput p = read(anchoredList(100, 20));
    assertThat(p.hasErrors()).isFalse();
    assertThat(p.containers()).hasSize(20).allSatisfy(c -> assertThat(c.mounts()).hasSize(100));
  }

  @Test
  void extendsCopyingALongList_countsEveryCopy() {
    StringBuilder y = new StringBuilder("services:\n  base:\n    image: alpine\n    volumes:\n");
    for (int i = 0; i < 100; i++) {
      y.append("      - /d").append(i).append(":/d").append(i).append('\n');
    }
    for (int i = 0; i < 60; i++) {
      y.append("  s").append(i).append(":\n    extends: base\n");
    }
    refused(() -> under(caps(100_000, 5_000), () -> read(y.toString())), "max-model-elements");
    assertThat(read(y.toString()).containers()).hasSize(61);
  }

  @Test
  void scalarAliases_countAsNodes() {
    StringBuilder y = new StringBuilder("x: &a /var/run/docker.sock:/s\nservices:\n  app:\n");
    y.append("    image: alpine\n    volumes: [")
        .append(String.join(", ", Collections.nCopies(2_000, "*a")))
        .append("]\n");
    refused(() -> under(caps(1_000, 50_000), () -> read(y.toString())), "max-yaml-nodes");
    assertThat(read(y.toString()).containers().get(0).mounts()).hasSize(2_000);
  }

  @Test
  void plainYamlWithoutAliases_countsItsNodesToo() {
    String y = "services:\n  app:\n    image: alpine\n    cap_add:\n" + "      - A\n".repeat(2_000);
    refused(() -> under(caps(1_000, 50_000), () -> read(y)), "max-yaml-nodes");
  }

  @Test
  void dockerRunAndEngineApi_countTheirElements() {
    String run = "docker run" + " -v /a:/b".repeat(200) + " alpine";
    refused(() -> under(caps(100_000, 100), () -> read(run)), "max-model-elements");
    String body =
        "["
            + String.join(
                ",",
                Collections.nCopies(
                    3,
                    "{\"Image\":\"a\",\"HostConfig\":{\"CapAdd\":["
                        + String.join(",", Collections.nCopies(40, "\"X\""))
                        + "]}}"))
            + "]";
    refused(() -> under(caps(100_000, 100), () -> read(body)), "max-model-elements");
    assertThat(under(caps(100_000, 120), () -> read(body)).containers()).hasSize(3);
  }
}
