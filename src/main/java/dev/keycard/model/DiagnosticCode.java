package dev.keycard.model;

import java.util.List;

/**
 * Every diagnostic code Keycard answers with, each defined here once with its severity, its
 * meaning, who emits it and an example message: the one vocabulary of the {@code warnings} of an
 * evaluation and the {@code diagnostics} of a parse, the same for every input format. {@code
 * docs/diagnostics.md} is generated from this table ({@link #markdown(int)}), and a {@link
 * Diagnostic} can only be made from one of these constants, so a code cannot be answered without
 * being documented.
 *
 * <p>A code is part of the API: clients match on it. Rename one only with a CHANGELOG entry.
 */
public enum DiagnosticCode {
  // input: errors, after which nothing of the input is judged
  INPUT_PARSE_ERROR(
      "input_parse_error",
      Diagnostic.Severity.ERROR,
      "The text cannot be read in its format (YAML, JSON or shell syntax, a compose file without"
          + " services); nothing is judged.",
      "invalid YAML: mapping values are not allowed here",
      By.EVERY_FORMAT),
  INPUT_LIMIT_EXCEEDED(
      "input_limit_exceeded",
      Diagnostic.Severity.ERROR,
      "The input is over a parse limit (nesting depth, values, words, aliases or containers);"
          + " nothing is judged.",
      "more than 1000 containers in one input",
      By.COMPOSE, By.DOCKER_RUN, By.ENGINE_API, By.KUBERNETES),
  INPUT_NOT_A_CONTAINER_SPEC(
      "input_not_a_container_spec",
      Diagnostic.Severity.ERROR,
      "The text is no container spec at all (a kubectl line, a Kubernetes manifest, a CI file,"
          + " prose); the message says what it looks like.",
      "not a container spec: this looks like a Kubernetes manifest (kind: Deployment). Keycard"
          + " reads docker run commands, ...",
      By.EVERY_FORMAT),

  // input: warnings, the input is judged without what they name
  INPUT_PARSE_WARNING(
      "input_parse_warning",
      Diagnostic.Severity.WARNING,
      "The text was read, but a shell may read it differently (a space after a line-continuation"
          + " backslash, a '<' starting a redirection inside a word).",
      "whitespace after a line-continuation backslash; read as a continuation",
      By.DOCKER_RUN),
  INPUT_PLACEHOLDER(
      "input_placeholder",
      Diagnostic.Severity.WARNING,
      "A documentation placeholder such as <image> or <data-dir> stands where a value belongs;"
          + " the setting is unknown.",
      "'<data-dir>' is read as a placeholder for a value only you know (sh would read '<' as a"
          + " redirection); the settings that depend on it are not decided",
      By.DOCKER_RUN),
  INPUT_UNKNOWN_FLAG(
      "input_unknown_flag",
      Diagnostic.Severity.WARNING,
      "A command-line flag the docker or podman CLI does not have; it is skipped.",
      "unknown flag: --nope (ignored; assumed to take no value)",
      By.DOCKER_RUN),
  INPUT_INVALID_VALUE(
      "input_invalid_value",
      Diagnostic.Severity.WARNING,
      "A setting's value is of the wrong type or syntax, or one the engine refuses (such as a"
          + " sysctl Docker does not allow); the setting is ignored or the container never starts.",
      "/HostConfig/Privileged must be a boolean, not a string; the setting is ignored",
      By.EVERY_FORMAT),
  INPUT_UNREAD_FILE(
      "input_unread_file",
      Diagnostic.Severity.WARNING,
      "The input names a file Keycard does not read (env_file, --env-file, include, extends from"
          + " another file); what it holds is not judged.",
      "env file ./app.env was not read; its variables are unknown",
      By.COMPOSE, By.DOCKER_RUN),
  INPUT_UNRESOLVED_VALUE(
      "input_unresolved_value",
      Diagnostic.Severity.WARNING,
      "A value only the client knows (an unset ${VAR}, a shell substitution, -e NAME from the"
          + " client's environment); rules that read it are undecided.",
      "variable PRIV is not set; privileged is unknown",
      By.COMPOSE, By.DOCKER_RUN),
  INPUT_DUPLICATE_KEY(
      "input_duplicate_key",
      Diagnostic.Severity.WARNING,
      "A JSON object repeats a key; as in Docker's decoder the later value wins and objects are"
          + " merged, and no fix is rendered for the body.",
      "duplicate key \"Privileged\": as in Docker's decoder, the later value wins and objects are"
          + " merged",
      By.ENGINE_API),
  INPUT_FIELD_NAME_CASE(
      "input_field_name_case",
      Diagnostic.Severity.WARNING,
      "A member differs from an API field only in letter case: Keycard does not read it, but the"
          + " daemon would apply it.",
      "\"privileged\" is not read by Keycard (the API field is \"Privileged\"), but the Docker"
          + " daemon matches field names case-insensitively and would apply it",
      By.ENGINE_API),
  INPUT_OBJECTS_SKIPPED(
      "input_objects_skipped",
      Diagnostic.Severity.WARNING,
      "Objects of a Kubernetes stream that hold no container (Service, ConfigMap, ...) were not"
          + " checked; one warning counts them by kind.",
      "3 objects without containers not checked (Service, ConfigMap ×2)",
      By.KUBERNETES),
  INPUT_DIAGNOSTICS_TRUNCATED(
      "input_diagnostics_truncated",
      Diagnostic.Severity.WARNING,
      "The input had more diagnostics than are listed; says how many were left out, and comes"
          + " last.",
      "41 more diagnostics were left out (at most 100 warnings and 100 errors are listed)",
      By.EVERY_FORMAT),

  // evaluation: warnings about rules and waivers
  RULE_EVALUATION_ERROR(
      "rule_evaluation_error",
      Diagnostic.Severity.WARNING,
      "A rule (or its severity escalation) could not be evaluated for a container.",
      "KC-900 could not be evaluated for container 'app': ...",
      By.EVALUATION),
  WAIVER_EXPIRED(
      "waiver_expired",
      Diagnostic.Severity.WARNING,
      "A waiver's expires date has passed; it no longer applies.",
      "the waiver for KC-031 on 'backup' expired on 2025-01-31 and no longer applies",
      By.EVALUATION),
  WAIVER_UNKNOWN_RULE(
      "waiver_unknown_rule",
      Diagnostic.Severity.WARNING,
      "An exclude entry or a # keycard:ignore comment names no rule of the rule set; it waives"
          + " nothing.",
      "exclude names KC-31, which is no rule of baseline@1.0.0; it waives nothing (did you mean"
          + " KC-031?)",
      By.EVALUATION),
  WAIVER_WITHOUT_REASON(
      "waiver_without_reason",
      Diagnostic.Severity.WARNING,
      "A # keycard:ignore comment gives no reason after the rule ids.",
      "# keycard:ignore KC-030 gives no reason; write why the risk is accepted after the rule id",
      By.EVALUATION),
  WAIVER_UNATTACHED(
      "waiver_unattached",
      Diagnostic.Severity.WARNING,
      "A # keycard:ignore comment sits on no setting or service key of a service; it waives"
          + " nothing.",
      "# keycard:ignore KC-030 sits on no setting or service key of a service, so it waives"
          + " nothing; ...",
      By.EVALUATION);

  private final String code;
  private final Diagnostic.Severity severity;
  private final String meaning;
  private final String example;
  private final List<String> emittedBy;

  DiagnosticCode(
      String code,
      Diagnostic.Severity severity,
      String meaning,
      String example,
      String... emittedBy) {
    this.code = code;
    this.severity = severity;
    this.meaning = meaning;
    this.example = example;
    this.emittedBy = List.of(emittedBy);
  }

  /** The code on the wire: {@code input_unresolved_value}. */
  public String code() {
    return code;
  }

  /** The severity every diagnostic of this code has. */
  public Diagnostic.Severity severity() {
    return severity;
  }

  /** What it means, in one sentence. */
  public String meaning() {
    return meaning;
  }

  /**
   * Who emits it: format names ({@code compose}, {@code docker-run}, {@code engine-api}), {@value
   * By#EVERY_FORMAT} or {@value By#EVALUATION}.
   */
  public List<String> emittedBy() {
    return emittedBy;
  }

  /** An example message. */
  public String example() {
    return example;
  }

  @Override
  public String toString() {
    return code;
  }

  /**
   * docs/diagnostics.md: the whole page, one table row per code.
   *
   * @param maxDiagnostics how many warnings, and how many errors, an input lists
   */
  public static String markdown(int maxDiagnostics) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Diagnostic codes\n\n")
        .append("<!-- generated by DiagnosticCode.markdown(); regenerate with")
        .append(" ./mvnw test -Dtest=DiagnosticCodeTest -Ddocs.update=true -->\n\n")
        .append("Every `code` in an evaluation's `warnings` and a parse's `warnings`, and in the")
        .append(" LSP view's\ndiagnostics, is one of these, whatever the input format. An error")
        .append(" means nothing of the input\nwas judged (`/v1/parse` and `/v1/evaluate` answer")
        .append(" 400 `input_parse_error` with the errors'\npositions); a warning names something")
        .append(" Keycard did not or could not take into account.\n\n")
        .append("An input's diagnostics are bounded: at most ")
        .append(maxDiagnostics)
        .append(" warnings and ")
        .append(maxDiagnostics)
        .append(" errors are")
        .append(" listed (the first\nerror always is), an exact repeat (same code, message and")
        .append(" place) is listed once, and when\nsome were left out a final")
        .append(" `input_diagnostics_truncated` warning, in place of the last warning,\nsays how")
        .append(" many. Match on `code`, never on `message`: messages may be reworded.\n\n")
        .append("| code | severity | meaning | emitted by | example message |\n")
        .append("| --- | --- | --- | --- | --- |\n");
    for (DiagnosticCode c : values()) {
      sb.append("| `")
          .append(c.code)
          .append("` | ")
          .append(c.severity.name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(cell(c.meaning))
          .append(" | ")
          .append(String.join(", ", c.emittedBy))
          .append(" | `")
          .append(c.example.replace("|", "\\|").replace("`", "'"))
          .append("` |\n");
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Who emits a code: an input format's name, every format alike, or the evaluation. */
  public static final class By {
    public static final String COMPOSE = "compose";
    public static final String DOCKER_RUN = "docker-run";
    public static final String ENGINE_API = "engine-api";
    public static final String KUBERNETES = "kubernetes";

    /** The input stage every format shares (detection, the collector, refused sysctls). */
    public static final String EVERY_FORMAT = "every format";

    /** The evaluation of rules and waivers, whatever the format. */
    public static final String EVALUATION = "evaluation";

    private By() {}
  }
}
