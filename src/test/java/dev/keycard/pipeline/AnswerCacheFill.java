package dev.keycard.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.keycard.engine.Finding;
import dev.keycard.policy.Severity;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.report.Evaluation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an answer cache with every kind of large side input a request may carry (the text, a
 * companion file, a variable, a waiver's reason, a caller rule) and with large answers (long
 * messages, fixes holding the whole command), each request sent twice so that it is kept. Run in a
 * JVM of its own with the production heap by {@link AnswerCacheHeapTest}; also the source of the
 * entries {@link AnswerCacheUnitTest} weighs.
 */
public final class AnswerCacheFill {
  static final LocalDate DAY = LocalDate.of(2026, 11, 29);

  /** Side-input kinds, one per thing a cache key holds. */
  enum Kind {
    TEXT,
    FILE,
    VARIABLE,
    WAIVER_REASON,
    CALLER_RULE,
    ANSWER
  }

  private AnswerCacheFill() {}

  static AnswerCacheConfig config(long maxBytes) {
    return new AnswerCacheConfig() {
      @Override
      public MemorySize maxSize() {
        return new MemorySize(BigInteger.valueOf(maxBytes));
      }

      @Override
      public Duration idle() {
        return Duration.ofMinutes(10);
      }
    };
  }

  /** {@code chars} characters, two bytes each in memory ('€' is not Latin-1), distinct by {@code i}. */
  static String big(int i, int chars) {
    String head = i + "-";
    return head + "€".repeat(Math.max(0, chars - head.length()));
  }

  /** A request whose {@code kind} of side input is {@code chars} long. */
  static AnswerCache.Key key(Kind kind, int i, int chars) {
    String text = "docker run nginx";
    Map<String, String> files = Map.of();
    Map<String, String> variables = Map.of();
    JsonNode rules = null;
    JsonNode exclude = null;
    JsonNodeFactory json = JsonNodeFactory.instance;
    switch (kind) {
      case TEXT -> text = "docker run nginx # " + big(i, chars);
      case FILE -> files = Map.of("Dockerfile", "FROM alpine\n# " + big(i, chars));
      case VARIABLE -> variables = Map.of("V", big(i, chars));
      case WAIVER_REASON ->
          exclude =
              json.arrayNode()
                  .add(json.objectNode().put("rule_id", "KC-001").put("reason", big(i, chars)));
      case CALLER_RULE ->
          rules =
              json.arrayNode()
                  .add(
                      json.objectNode()
                          .put("id", "X-1")
                          .put("title", big(i, chars))
                          .put("when", "c.privileged"));
      case ANSWER -> text = "docker run nginx # " + i;
    }
    return new AnswerCache.Key(
        new InputRequest(text, false, null, files, variables),
        new Keycard.Sent("restricted", rules, exclude, null, null),
        DAY);
  }

  static final Evaluation SMALL =
      new Evaluation(
          "id", true, null, null, List.of(), List.of(), List.of(), 0, List.of(), false, null);

  static Finding finding(int n, String message) {
    return new Finding(
        "KC-" + n, "title", Severity.HIGH, message, "app", 0, "privileged", null, List.of(), "fix",
        List.of(), -1, "fp-" + n);
  }

  /** An answer of {@code findings} findings whose messages take {@code chars} characters in all. */
  static Evaluation largeAnswer(int i, int findings, int chars) {
    List<Finding> list = new ArrayList<>();
    for (int n = 0; n < findings; n++) {
      list.add(finding(n, big(i * 1000 + n, chars / findings)));
    }
    return new Evaluation(
        "id", false, null, null, list, List.of(), List.of(), 0, List.of(), false, null);
  }

  /** Fixes for every finding of {@code e}, each holding a command of {@code chars} characters. */
  static Remedies fixes(Evaluation e, int chars) {
    Map<Finding, Remedy> byFinding = new HashMap<>();
    int n = 0;
    for (Finding f : e.findings()) {
      byFinding.put(f, new Remedy("remove it", List.of(), List.of(), big(n++, chars)));
    }
    return Remedies.of(byFinding);
  }

  /**
   * Sends {@code perKind} distinct requests of each kind twice (the second keeps it), proves the
   * fixes of the large answers, and prints the weighted size against the bound.
   */
  static long fill(AnswerCache cache, int perKind, int chars) {
    for (Kind kind : Kind.values()) {
      for (int i = 0; i < perKind; i++) {
        AnswerCache.Key k = key(kind, i, chars);
        Evaluation e = kind == Kind.ANSWER ? largeAnswer(i, 20, chars / 2) : SMALL;
        for (int twice = 0; twice < 2; twice++) {
          AnswerCache.Entry a = cache.find(k);
          if (a == null) {
            a = cache.keep(k, e);
          }
          if (kind == Kind.ANSWER) {
            Evaluation ev = a.evaluation();
            cache.remedies(k, a, () -> fixes(ev, chars / 40));
          }
        }
      }
    }
    return cache.weightedSize();
  }

  /** {@code AnswerCacheFill <max cache bytes> <requests per kind> <characters per side input>}. */
  public static void main(String[] args) {
    long max = Long.parseLong(args[0]);
    AnswerCache cache = new AnswerCache(config(max), new SimpleMeterRegistry());
    long weighted = fill(cache, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.println(
        "weighted="
            + weighted
            + " max="
            + max
            + " heapUsed="
            + (rt.totalMemory() - rt.freeMemory())
            + " heapMax="
            + rt.maxMemory());
  }
}
