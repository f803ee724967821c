package dev.keycard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.engine.Finding;
import dev.keycard.report.Evaluation;
import dev.keycard.policy.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decision-log view: one JSON line per evaluation with the decision id, the rule set (name,
 * version, digest), the input format, a SHA-256 of the input text, counts by severity, the verdict
 * and the latency. The input text itself only when asked, since it may hold secrets.
 */
public final class DecisionLogLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionLogLine() {}

  /**
   * The log line of one evaluation.
   *
   * @param inputText the text as the caller sent it (hashed; included only with {@code
   *     includeInput})
   */
  public static String of(Evaluation e, String inputText, boolean includeInput) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision_id", e.decisionId());
    m.put(
        "ruleset",
        Views.map(
            "name",
            e.ruleSet().name(),
            "version",
            e.ruleSet().version().toString(),
            "digest",
            e.ruleSet().digest()));
    m.put("format", e.input().format().apiName());
    m.put("input_sha256", sha256(inputText));
    m.put("containers", e.input().containers().size());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s.apiName(), 0);
    }
    for (Finding f : e.findings()) {
      counts.merge(f.severity().apiName(), 1, (a, b) -> (Integer) a + (Integer) b);
    }
    counts.put("suppressed", e.suppressed().size());
    m.put("counts", counts);
    m.put("allow", e.allow());
    m.put("latency_ms", Math.round(e.nanos() / 1_000.0) / 1_000.0);
    if (includeInput) {
      m.put("input", inputText);
    }
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a decision line is plain data", ex);
    }
  }

  /** {@code sha256:<hex>} of the UTF-8 bytes of a text. */
  static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every JVM has SHA-256", ex);
    }
  }
}
