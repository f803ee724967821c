package dev.keycard.policy;

import com.google.re2j.Pattern;
import dev.keycard.budget.LimitExceeded;
import dev.keycard.policy.YamlTree.YList;
import dev.keycard.policy.YamlTree.YMap;
import dev.keycard.policy.YamlTree.YNode;
import dev.keycard.policy.YamlTree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule files and rule-set files (YAML; JSON is YAML too) into definitions, collecting every
 * problem with its position instead of stopping at the first.
 *
 * <p>A rules text is one rule (a mapping with {@code id}), a list of rules, or a mapping with a
 * {@code rules} list whose items are rule mappings (an inline rule set, as {@code
 * /v1/rulesets/check} and ad-hoc rules accept).
 */
public final class RuleFileReader {
  static final Set<String> RULE_KEYS =
      Set.of(
          "id", "revision", "title", "severity", "escalate", "rationale", "references", "for_each",
          "when", "message", "remediation", "fix", "examples", "changes");
  static final Set<String> COMPANION_KEYS = Set.of("rule", "fail", "pass", "not_expressible");
  static final Set<String> RULESET_KEYS =
      Set.of("name", "version", "description", "include", "rules", "overrides");
  /** The list fields a {@code for_each} rule may range over. */
  public static final Set<String> LIST_FIELDS =
      Set.of(
          "cap_add", "cap_drop", "cap_add_as_written", "cap_drop_as_written", "tmpfs",
          "security_opt", "selinux", "pod_selinux", "networks", "mounts", "devices",
          "device_cgroup_rules", "ports", "sysctls", "environment", "volumes", "probe_hosts");
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final Pattern RULE_REF = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}(@[1-9][0-9]{0,5})?");
  private static final Pattern FORMAT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final List<PolicyProblem> problems = new ArrayList<>();

  /** Problems found so far, in reading order. */
  public List<PolicyProblem> problems() {
    return List.copyOf(problems);
  }

  /** Reads the rules in {@code text}; problems are collected, not thrown. */
  public List<RuleDefinition> readRules(String text, String file) {
    return readRules(text, file, Integer.MAX_VALUE, "rules");
  }

  /**
   * Reads at most {@code max} rules sent by a caller: more is refused before any of them is read
   * (each read rule, and each problem, costs work and answer size; 50,000 empty rules held a
   * request thread for minutes).
   *
   * @throws LimitExceeded ({@code max-adhoc-rules}) when the text holds more
   */
  public List<RuleDefinition> readRules(String text, String file, int max, String holder) {
    YNode root = parse(text, file);
    List<RuleDefinition> rules = new ArrayList<>();
    if (root == null) {
      if (problems.isEmpty()) {
        problem(null, new SourceRef(file, 1, 1), "rule_file_error", "no rules in the file");
      }
      return rules;
    }
    List<YNode> items = new ArrayList<>();
    if (root instanceof YList l) {
      items.addAll(l.items());
    } else if (root instanceof YMap m && !m.entries().containsKey("id") && m.entries().get("rules") instanceof YList l) {
      items.addAll(l.items());
    } else {
      items.add(root);
    }
    if (items.size() > max) {
      throw LimitExceeded.of(
          "max-adhoc-rules",
          max,
          holder + " hold at most " + max + " rules; these hold " + items.size());
    }
    for (YNode item : items) {
      if (item instanceof YMap m) {
        RuleDefinition r = rule(m);
        if (r != null) {
          rules.add(r);
        }
      } else {
        problem(null, item.at(), "rule_file_error", "a rule must be a mapping with id, title, ...");
      }
    }
    return rules;
  }

  /** Reads one rule-set file; null when it has problems. */
  public RuleSetDefinition readRuleSet(String text, String file) {
    YNode root = parse(text, file);
    if (!(root instanceof YMap m)) {
      if (root != null || problems.isEmpty()) {
        problem(null, new SourceRef(file, 1, 1), "rule_file_error", "a rule set must be a mapping");
      }
      return null;
    }
    int before = problems.size();
    unknownKeys(m, RULESET_KEYS, null);
    String name = requiredString(m, "name", null);
    String versionText = requiredString(m, "version", null);
    SemVer version = null;
    if (versionText != null) {
      version = SemVer.parse(versionText).orElse(null);
      if (version == null) {
        problem(null, m.entries().get("version").at(), "rule_file_error",
            "version must be MAJOR.MINOR.PATCH, not '" + versionText + "'");
      }
    }
    if (name != null && !RuleSetSelector.parse(name).map(s -> s.major() == null).orElse(false)) {
      problem(null, m.entries().get("name").at(), "rule_file_error",
          "rule set name must be lower case letters, digits, '.', '_' or '-'");
    }
    List<String> includes = stringList(m, "include", null);
    List<String> rules = stringList(m, "rules", null);
    Map<String, Severity> overrides = new LinkedHashMap<>();
    if (m.entries().get("overrides") instanceof YMap o) {
      o.entries().forEach((id, v) -> {
        String sev = v instanceof YScalar s ? s.value()
            : v instanceof YMap vm && vm.entries().get("severity") instanceof YScalar s2 ? s2.value() : null;
        Severity.byName(sev).ifPresentOrElse(
            x -> overrides.put(id, x),
            () -> problem(null, v.at(), "rule_file_error", "override for " + id + " needs a severity"));
      });
    } else if (m.entries().containsKey("overrides")) {
      problem(null, m.entries().get("overrides").at(), "rule_file_error", "overrides must be a mapping");
    }
    if (problems.size() > before) {
      return null;
    }
    return new RuleSetDefinition(name, version, string(m, "description"), includes, rules, overrides, m.at());
  }

  /**
   * A rule's companion example file: the examples and not-expressible formats of one rule
   * revision, kept out of its rule file so that adding them does not change a released rule.
   * {@code rule} is the rule's key ({@code KC-042} is revision 1, {@code KC-001@2} revision 2).
   */
  public record Companion(
      String rule,
      SourceRef ruleAt,
      List<RuleExample> fail,
      List<RuleExample> pass,
      List<NotExpressible> notExpressible) {}

  /**
   * Reads a companion example file: a mapping with {@code rule} (the rule and revision it belongs
   * to), {@code fail} and {@code pass} lists in the syntax of a rule's {@code examples}, and {@code
   * not_expressible}, a mapping from an input format's name to why the rule's concept cannot be
   * written in it. Null when it has problems.
   */
  public Companion readCompanion(String text, String file) {
    YNode root = parse(text, file);
    if (!(root instanceof YMap m)) {
      if (root != null || problems.isEmpty()) {
        problem(null, new SourceRef(file, 1, 1), "rule_file_error",
            "a companion example file must be a mapping with rule, fail, pass and not_expressible");
      }
      return null;
    }
    int before = problems.size();
    unknownKeys(m, COMPANION_KEYS, null);
    String ref = requiredString(m, "rule", null);
    String key = null;
    if (ref != null) {
      if (RULE_REF.matcher(ref).matches()) {
        key = ref.contains("@") ? ref : ref + "@1";
      } else {
        problem(null, m.entries().get("rule").at(), "rule_file_error",
            "rule must be a rule id with an optional revision (KC-001 or KC-001@2), not '" + ref + "'");
      }
    }
    String id = key == null ? null : key.substring(0, key.indexOf('@'));
    List<RuleExample> fail = examples(m, "fail", id);
    List<RuleExample> pass = examples(m, "pass", id);
    List<NotExpressible> notIn = new ArrayList<>();
    YNode ne = m.entries().get("not_expressible");
    if (ne instanceof YMap nm) {
      nm.entries().forEach((format, v) -> {
        SourceRef at = nm.keys().get(format);
        if (!FORMAT_NAME.matcher(format).matches()) {
          problem(id, at, "rule_file_error",
              "not_expressible: '" + format + "' is not an input format name (such as kubernetes)");
        } else if (v instanceof YScalar s && !s.isNull() && !s.value().isBlank()) {
          notIn.add(new NotExpressible(format, s.value().strip(), at));
        } else {
          problem(id, v.at(), "rule_file_error",
              "not_expressible." + format + " must say why the rule cannot be written in that format");
        }
      });
    } else if (ne != null) {
      problem(id, ne.at(), "rule_file_error",
          "not_expressible must be a mapping from an input format to why the rule cannot be written in it");
    }
    if (problems.size() == before && fail.isEmpty() && pass.isEmpty() && notIn.isEmpty()) {
      problem(id, m.at(), "rule_file_error",
          "a companion example file needs fail or pass examples, or not_expressible formats");
    }
    if (problems.size() > before) {
      return null;
    }
    return new Companion(key, m.entries().get("rule").at(), fail, pass, notIn);
  }

  private YNode parse(String text, String file) {
    try {
      return YamlTree.read(text, file);
    } catch (YamlTree.YamlError e) {
      problem(null, e.at(), "rule_file_error", "not valid YAML: " + e.getMessage());
      return null;
    }
  }

  private RuleDefinition rule(YMap m) {
    int before = problems.size();
    String id = requiredString(m, "id", null);
    if (id != null && !RULE_ID.matcher(id).matches()) {
      problem(id, m.entries().get("id").at(), "rule_file_error",
          "rule id must start with a letter and use letters, digits, '.', '_' or '-'");
    }
    unknownKeys(m, RULE_KEYS, id);
    int revision = 1;
    if (m.entries().get("revision") instanceof YScalar s) {
      try {
        revision = Integer.parseInt(s.value());
        if (revision < 1) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problem(id, s.at(), "rule_file_error", "revision must be a positive whole number");
      }
    }
    String title = requiredString(m, "title", id);
    Severity severity = severity(m, id, "severity");
    String forEach = string(m, "for_each");
    if (forEach != null && !LIST_FIELDS.contains(forEach)) {
      problem(id, m.entries().get("for_each").at(), "rule_file_error",
          "for_each must name a list field of the container: " + String.join(", ", new java.util.TreeSet<>(LIST_FIELDS)));
    }
    Located when = located(m, "when", id);
    List<Escalation> escalations = escalations(m, id);
    Located message = located(m, "message", id);
    List<FixOperation> fix = fix(m, id, forEach);
    List<RuleExample> fail = new ArrayList<>();
    List<RuleExample> pass = new ArrayList<>();
    if (m.entries().get("examples") instanceof YMap ex) {
      unknownKeys(ex, Set.of("fail", "pass"), id);
      fail = examples(ex, "fail", id);
      pass = examples(ex, "pass", id);
    } else if (m.entries().containsKey("examples")) {
      problem(id, m.entries().get("examples").at(), "rule_file_error", "examples must be a mapping with fail and pass lists");
    }
    if (problems.size() > before) {
      return null;
    }
    return new RuleDefinition(
        id, revision, title, severity, escalations, string(m, "rationale"),
        stringList(m, "references", id),
        forEach, when, message, string(m, "remediation"), fix, fail, pass, List.of(), string(m, "changes"),
        m.at(),
        Digests.of(m.plain()));
  }

  /** {@code escalate: [{severity: critical, when: "..."}]}, in order (the first match wins). */
  private List<Escalation> escalations(YMap m, String id) {
    List<Escalation> out = new ArrayList<>();
    for (YNode item : items(m, "escalate", id, "escalate must be a list of {severity, when}")) {
      if (!(item instanceof YMap e)) {
        problem(id, item.at(), "rule_file_error",
            "an escalation is a mapping {severity: high, when: ...}");
        continue;
      }
      unknownKeys(e, Set.of("severity", "when"), id);
      Severity severity = severity(e, id, "escalate severity");
      Located when = located(e, "when", id);
      if (severity != null && when != null) {
        out.add(new Escalation(severity, when));
      }
    }
    return out;
  }

  private List<FixOperation> fix(YMap m, String id, String forEach) {
    List<FixOperation> ops = new ArrayList<>();
    for (YNode item : items(m, "fix", id, "fix must be a list of operations")) {
      if (!(item instanceof YMap op)) {
        problem(id, item.at(), "rule_file_error", "a fix operation is a mapping such as {remove: privileged}");
        continue;
      }
      FixOperation.Op kind = null;
      String field = null;
      for (FixOperation.Op k : FixOperation.Op.values()) {
        if (op.entries().get(k.key()) instanceof YScalar s) {
          kind = k;
          field = s.value();
        }
      }
      if (kind == null) {
        problem(id, op.at(), "rule_file_error", "a fix operation needs one of set, remove, add, remove_item");
        continue;
      }
      unknownKeys(op, Set.of(kind.key(), "value"), id);
      if (!FIELD.matcher(field).matches()) {
        problem(id, op.at(), "rule_file_error", "'" + field + "' is not a field name");
      }
      Object value = op.entries().containsKey("value") ? op.entries().get("value").plain() : null;
      if ((kind == FixOperation.Op.SET || kind == FixOperation.Op.ADD) && value == null) {
        problem(id, op.at(), "rule_file_error", kind.key() + " needs a value");
      }
      if (kind == FixOperation.Op.REMOVE_ITEM && !field.equals(forEach)) {
        problem(id, op.at(), "rule_file_error", "remove_item works on the rule's for_each list ('" + forEach + "')");
      }
      ops.add(new FixOperation(kind, field, value, op.at()));
    }
    return ops;
  }

  private List<RuleExample> examples(YMap ex, String key, String id) {
    List<RuleExample> out = new ArrayList<>();
    for (YNode item : items(ex, key, id, "examples." + key + " must be a list")) {
      if (item instanceof YScalar s) {
        out.add(new RuleExample(s.value(), null, null, null, s.at()));
      } else if (item instanceof YMap em) {
        unknownKeys(em, Set.of("input", "format", "files", "variables"), id);
        String input = requiredString(em, "input", id);
        out.add(new RuleExample(input, string(em, "format"), stringMap(em, "files", id), stringMap(em, "variables", id), em.at()));
      } else {
        problem(id, item.at(), "rule_file_error", "an example is an input text or {input, format, files, variables}");
      }
    }
    return out;
  }

  /** The items of the list at {@code key}: none when it is absent, none and a problem if no list. */
  private List<YNode> items(YMap m, String key, String id, String notAList) {
    YNode node = m.entries().get(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof YList l)) {
      problem(id, node.at(), "rule_file_error", notAList);
      return List.of();
    }
    return l.items();
  }

  /** The required {@code severity} of {@code m}; null, with a problem, when absent or unknown. */
  private Severity severity(YMap m, String id, String what) {
    String text = requiredString(m, "severity", id);
    Severity severity = text == null ? null : Severity.byName(text).orElse(null);
    if (text != null && severity == null) {
      problem(id, m.entries().get("severity").at(), "rule_file_error",
          what + " must be critical, high, medium, low or info, not '" + text + "'");
    }
    return severity;
  }

  private void unknownKeys(YMap m, Set<String> allowed, String id) {
    m.keys().forEach((k, at) -> {
      if (!allowed.contains(k)) {
        problem(id, at, "rule_file_error", "unknown key '" + k + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    });
  }

  private Located located(YMap m, String key, String id) {
    YScalar s = required(m, key, id);
    return s == null ? null : s.located();
  }

  private String requiredString(YMap m, String key, String id) {
    YScalar s = required(m, key, id);
    return s == null ? null : s.value();
  }

  /** The non-blank text scalar at {@code key}; null, with a problem, when there is none. */
  private YScalar required(YMap m, String key, String id) {
    YNode n = m.entries().get(key);
    if (n instanceof YScalar s && !s.isNull() && !s.value().isBlank()) {
      return s;
    }
    problem(id, n == null ? m.at() : n.at(), "rule_file_error", "'" + key + "' is required and must be text");
    return null;
  }

  private static String string(YMap m, String key) {
    return m.entries().get(key) instanceof YScalar s && !s.isNull() ? s.value() : null;
  }

  private List<String> stringList(YMap m, String key, String id) {
    List<String> out = new ArrayList<>();
    for (YNode i : items(m, key, id, key + " must be a list")) {
      if (i instanceof YScalar s && !s.isNull()) {
        out.add(s.value());
      } else {
        problem(id, i.at(), "rule_file_error", key + " entries must be text");
      }
    }
    return out;
  }

  private Map<String, String> stringMap(YMap m, String key, String id) {
    Map<String, String> out = new LinkedHashMap<>();
    YNode n = m.entries().get(key);
    if (n == null) {
      return out;
    }
    if (!(n instanceof YMap mm)) {
      problem(id, n.at(), "rule_file_error", key + " must be a mapping of names to text");
      return out;
    }
    mm.entries().forEach((k, v) -> {
      if (v instanceof YScalar s && !s.isNull()) {
        out.put(k, s.value());
      } else {
        problem(id, v.at(), "rule_file_error", key + "." + k + " must be text");
      }
    });
    return out;
  }

  private void problem(String id, SourceRef at, String code, String message) {
    problems.add(new PolicyProblem(id, at, code, message, null));
  }
}
