package dev.keycard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.Keycard;
import dev.keycard.policy.Waiver;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleFileReader;
import dev.keycard.policy.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the evaluation options of a request ({@code rules}, {@code exclude}, {@code fail_on}). */
final class Options {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Options() {}

  /** The request for the pipeline: the input, its options as read and as sent. */
  static Keycard.Request request(ApiRequest r) {
    return new Keycard.Request(r.input(), of(r.sent()), r.sent());
  }

  static EvaluationOptions of(Keycard.Sent s) {
    return new EvaluationOptions(
        s.ruleset(), rules(s.rules()), waivers(s.exclude()), failOn(s.failOn()),
        unknownDenies(s.onUnknown()));
  }

  /** {@code on_unknown}: {@code allow} (default) or {@code deny}. */
  static boolean unknownDenies(String s) {
    if (s == null || s.isBlank() || s.equals("allow")) {
      return false;
    }
    if (s.equals("deny")) {
      return true;
    }
    throw new ProblemException(
        ErrorCode.BAD_REQUEST, "on_unknown must be allow or deny, not '" + s + "'");
  }

  static Severity failOn(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return Severity.byName(s)
        .orElseThrow(
            () -> new ProblemException(
                ErrorCode.BAD_REQUEST,
                "fail_on must be critical, high, medium, low or info, not '" + s + "'"));
  }

  static List<Waiver> waivers(JsonNode exclude) {
    List<Waiver> out = new ArrayList<>();
    if (exclude == null || exclude.isNull()) {
      return out;
    }
    if (!exclude.isArray()) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "exclude must be a list of rule ids or waiver objects");
    }
    for (JsonNode e : exclude) {
      if (e.isTextual()) {
        out.add(new Waiver(e.textValue().trim(), null, null, null));
      } else if (e.isObject() && e.path("rule_id").isTextual()) {
        LocalDate expires = null;
        if (e.hasNonNull("expires")) {
          try {
            expires = LocalDate.parse(e.path("expires").asText());
          } catch (DateTimeParseException ex) {
            throw new ProblemException(
                ErrorCode.BAD_REQUEST, "waiver expires must be a date YYYY-MM-DD, not '" + e.path("expires").asText() + "'");
          }
        }
        out.add(new Waiver(
            e.path("rule_id").asText(),
            e.hasNonNull("container") ? e.path("container").asText() : null,
            e.hasNonNull("reason") ? e.path("reason").asText() : null,
            expires));
      } else {
        throw new ProblemException(
            ErrorCode.BAD_REQUEST,
            "each exclude entry is a rule id or {rule_id, container, reason, expires}");
      }
    }
    return out;
  }

  /** Ad-hoc rules: a YAML/JSON text, one rule object, or a list of rule objects. */
  static List<RuleDefinition> rules(JsonNode rules) {
    if (rules == null || rules.isNull() || (rules.isArray() && rules.isEmpty())) {
      return List.of();
    }
    String text;
    try {
      text = rules.isTextual() ? rules.textValue() : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rules);
    } catch (JsonProcessingException e) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "rules cannot be read");
    }
    RuleFileReader reader = new RuleFileReader();
    int max = dev.keycard.budget.Budget.current().caps().maxAdhocRules();
    if (rules.isArray() && rules.size() > max) {
      // counted before the rules are serialised and read
      throw LimitExceeded.of(
          "max-adhoc-rules",
          max,
          "a request holds at most " + max + " rules of its own; this one holds " + rules.size());
    }
    List<RuleDefinition> defs = reader.readRules(text, "rules", max, "a request's rules");
    if (!reader.problems().isEmpty()) {
      throw rejected(reader.problems(), rules);
    }
    return defs;
  }

  /**
   * The 422 for refused rules. Rules sent as a YAML text get positions in that text; rules sent as
   * JSON objects get a JSON Pointer to the field ({@code /rules/0/when}) and the position within
   * that field's text, since the caller never saw our serialisation of their objects.
   */
  static ProblemException rejected(List<PolicyProblem> problems, JsonNode rules) {
    boolean asText = rules == null || rules.isTextual();
    Map<String, Integer> index = asText ? Map.of() : indexById(rules);
    List<Problem.ErrorItem> items =
        problems.stream().map(p -> asText ? textItem(p) : jsonItem(p, rules, index)).toList();
    boolean sandbox = problems.stream().anyMatch(p -> !p.code().startsWith("rule_"));
    return new ProblemException(
        sandbox ? ErrorCode.SANDBOX_VIOLATION : ErrorCode.RULE_COMPILE_ERROR,
        "The rules were refused: " + problems.get(0).message(),
        items);
  }

  private static Problem.ErrorItem textItem(PolicyProblem p) {
    return new Problem.ErrorItem(
        message(p), p.at() == null ? null : p.at().line(), p.at() == null ? null : p.at().column(),
        null, null, null);
  }

  /** The position of each rule id in the rules sent (the first, for a repeated id), read once. */
  private static Map<String, Integer> indexById(JsonNode rules) {
    Map<String, Integer> out = new java.util.HashMap<>();
    if (rules.isArray()) {
      for (int i = 0; i < rules.size(); i++) {
        String id = rules.get(i).path("id").asText(null);
        if (id != null) {
          out.putIfAbsent(id, i);
        }
      }
    } else {
      String id = rules.path("id").asText(null);
      if (id != null) {
        out.put(id, 0);
      }
    }
    return out;
  }

  private static Problem.ErrorItem jsonItem(
      PolicyProblem p, JsonNode rules, Map<String, Integer> byId) {
    int index = p.ruleId() == null ? -1 : byId.getOrDefault(p.ruleId(), -1);
    String base = rules.isArray() ? "/rules/" + Math.max(index, 0) : "/rules";
    String path = index < 0 && rules.isArray() ? "/rules" : base + (p.field() == null ? "" : "/" + p.field());
    return new Problem.ErrorItem(
        message(p), p.field() == null ? null : p.fieldLine(), p.field() == null ? null : p.fieldColumn(),
        null, null, path);
  }

  private static String message(PolicyProblem p) {
    return (p.ruleId() == null ? "" : p.ruleId() + ": ") + p.message()
        + (p.excerpt() == null ? "" : "\n" + p.excerpt());
  }


}
