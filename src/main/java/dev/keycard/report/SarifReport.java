package dev.keycard.report;

import com.google.re2j.Pattern;
import dev.keycard.engine.Finding;
import dev.keycard.engine.Undecided;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.StreamDocument;
import dev.keycard.model.Origin;
import dev.keycard.model.Span;
import dev.keycard.policy.Severity;
import dev.keycard.policy.Waiver;
import dev.keycard.remediation.Remedies;
import dev.keycard.remediation.Remedy;
import dev.keycard.remediation.TextEdit;
import dev.keycard.report.Evaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SARIF 2.1.0 view for code-scanning UIs (GitHub): every rule of the rule set in {@code
 * tool.driver.rules}, one result per finding with its region, fingerprint and verified fix, and
 * waived findings as suppressed results; a result's {@code level} follows {@code fail_on}. Built as ordered maps so the JSON is deterministic.
 */
public final class SarifReport {
  /** The media type of a SARIF log. */
  public static final String MEDIA_TYPE = "application/sarif+json";

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/keycard-dev/keycard";

  private SarifReport() {}

  /** The SARIF log of one evaluation with the verified fixes of its findings. */
  public static Map<String, Object> of(Evaluation e, Remedies remedies, ReportContext ctx) {
    List<Views.RuleInfo> rules = Views.rules(e);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      index.put(rules.get(i).id(), i);
    }
    String artifact = ctx.artifact(e.input().format());
    List<Object> results = new ArrayList<>();
    for (Finding f : e.findings()) {
      results.add(result(f, index.get(f.ruleId()), artifact, remedies.of(f), null, e.failOn()));
    }
    for (Evaluation.Suppressed s : e.suppressed()) {
      results.add(
          result(
              s.finding(), index.get(s.finding().ruleId()), artifact, null, s.waiver(), e.failOn()));
    }
    for (Undecided u : e.undecided()) {
      Integer i = index.get(u.ruleId());
      if (i != null) {
        results.add(undecided(u, i, artifact, e.unknownDenies()));
      }
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "keycard");
    driver.put("version", ctx.toolVersion());
    driver.put("semanticVersion", ctx.toolVersion());
    driver.put("informationUri", INFORMATION_URI);
    driver.put("rules", rules.stream().map(r -> rule(e, r, ctx)).toList());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("columnKind", "utf16CodeUnits");
    run.put("artifacts", artifacts(e.input(), artifact));
    run.put("results", results);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("decisionId", e.decisionId());
    props.put("allow", e.allow());
    props.put("ruleset", e.ruleSet().name());
    props.put("rulesetVersion", e.ruleSet().version().toString());
    props.put("rulesetDigest", e.ruleSet().digest());
    props.put("format", e.input().format().apiName());
    run.put("properties", props);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  /** GitHub's {@code security-severity} score of a severity (its bands: 9+ critical, 7+ high). */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  /**
   * The SARIF level of a result: {@code error} at or above {@code fail_on} (it denies), below it
   * {@code warning} for medium and above and {@code note} for low and info. Every result is kept:
   * the threshold changes how loud a result is, never whether it is reported.
   */
  static String level(Severity s, Severity failOn) {
    if (s.atLeast(failOn)) {
      return "error";
    }
    return s.atLeast(Severity.MEDIUM) ? "warning" : "note";
  }

  /** The SARIF level of a rule's severity, for its {@code defaultConfiguration}. */
  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * A rule's descriptor: the one built at load for the rule set ({@link SarifRules}, given by the
   * context), else built for this answer (an ad-hoc rule, or a context without the table).
   */
  private static Map<String, Object> rule(Evaluation e, Views.RuleInfo r, ReportContext ctx) {
    SarifRules built = ctx.sarifRules();
    Map<String, Object> m =
        built == null ? null : built.descriptor(e.ruleSet(), ctx.docsBaseUrl(), r.id());
    return m != null ? m : describe(r, ctx);
  }

  static Map<String, Object> describe(Views.RuleInfo r, ReportContext ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", pascal(r.title()));
    m.put("shortDescription", text(r.title()));
    m.put("fullDescription", text(oneLine(r.rationale() != null ? r.rationale() : r.title())));
    String help = r.remediation() == null ? r.title() : oneLine(r.remediation());
    m.put(
        "help",
        Collections.unmodifiableMap(
            Views.map(
                "text", help, "markdown", help + " [" + r.id() + "](" + ctx.helpUri(r.id()) + ")")));
    m.put("helpUri", ctx.helpUri(r.id()));
    m.put("defaultConfiguration", Map.of("level", level(r.severity())));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("security-severity", securitySeverity(r.severity()));
    List<String> tags = new ArrayList<>(List.of("security", "containers", r.severity().apiName()));
    Views.cisControls(r.references()).forEach(c -> tags.add("CIS-" + c));
    props.put("tags", List.copyOf(tags));
    props.put("precision", "very-high");
    m.put("properties", Collections.unmodifiableMap(props));
    return m;
  }

  /**
   * The input's file, then, for an input of several documents (a Kubernetes stream), each document
   * as an artifact inside it: {@code parentIndex} 0, its {@code offset} and {@code length} in UTF-8
   * bytes of the file, and the URI {@code document-<index>} within its parent (the index its JSON
   * Pointers start with; RFC 3986 as the Multitool checks it takes no fragment there). Results
   * keep pointing at the file (code scanning places them by its lines) and name their document in
   * their logical location.
   */
  static List<Object> artifacts(ParsedInput input, String artifact) {
    List<Object> out = new ArrayList<>();
    out.add(Map.of("location", Map.of("uri", artifact)));
    List<StreamDocument> documents = input.format().documents(input);
    if (documents.isEmpty() || !input.source().hasSpans()) {
      return out;
    }
    String text = input.source().original();
    int at = 0;
    long bytes = 0;
    for (StreamDocument d : documents) {
      int start = Math.min(d.span().start().offset(), text.length());
      int end = Math.min(Math.max(start, d.span().end().offset()), text.length());
      bytes += utf8Length(text, at, start);
      long length = utf8Length(text, start, end);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("location", Map.of("uri", "document-" + d.index()));
      a.put("parentIndex", 0);
      a.put("offset", bytes);
      a.put("length", length);
      a.put("description", text("document " + d.index() + " of " + artifact));
      out.add(a);
      bytes += length;
      at = end;
    }
    return out;
  }

  /** The UTF-8 length of {@code text[from, to)}. */
  private static long utf8Length(String text, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static Map<String, Object> result(
      Finding f, int ruleIndex, String artifact, Remedy remedy, Waiver waiver, Severity failOn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", f.ruleId());
    m.put("ruleIndex", ruleIndex);
    m.put("level", level(f.severity(), failOn));
    m.put("message", text(f.message()));
    Map<String, Object> location = location(artifact, f.location());
    if (f.location() != null && f.location().path() != null) {
      location.put(
          "logicalLocations",
          List.of(Views.map("fullyQualifiedName", f.location().path(), "kind", "member")));
    }
    m.put("locations", List.of(location));
    m.put("partialFingerprints", Map.of("keycard/v1", f.fingerprint()));
    if (remedy != null && !remedy.edits().isEmpty()) {
      m.put("fixes", List.of(fix(remedy, artifact)));
    }
    if (waiver != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("kind", waiver.inSource() ? "inSource" : "external");
      s.put("status", "accepted");
      s.put("justification", waiver.reason() == null ? "waived by request" : waiver.reason());
      m.put("suppressions", List.of(s));
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("severity", f.severity().apiName());
    if (f.container() != null) {
      props.put("container", f.container());
    }
    m.put("properties", props);
    return m;
  }

  /**
   * A rule that could not be decided: a {@code note} result saying why (an {@code error} with
   * {@code on_unknown=deny}, where it denies), so that a code-scanning UI shows that the check did
   * not run rather than nothing.
   */
  private static Map<String, Object> undecided(
      Undecided u, int ruleIndex, String artifact, boolean denies) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", u.ruleId());
    m.put("ruleIndex", ruleIndex);
    m.put("level", denies ? "error" : "note");
    m.put("message", text("Could not check: " + u.reason()));
    m.put("locations", List.of(location(artifact, u.location())));
    m.put(
        "partialFingerprints",
        Map.of(
            "keycard/v1",
            dev.keycard.policy.Digests.ofStrings(
                "undecided", u.ruleId(), u.container() == null ? "" : u.container(),
                u.unknownPath())));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("undecided", true);
    if (u.container() != null) {
      props.put("container", u.container());
    }
    m.put("properties", props);
    return m;
  }

  /** A result's location: the artifact and the region {@code at} spans. */
  private static Map<String, Object> location(String artifact, Origin at) {
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", Map.of("uri", artifact));
    Span span = at == null ? null : at.span();
    // GitHub needs a start line; an input sent as a JSON object has no text, so the file's top.
    physical.put("region", span == null ? Map.of("startLine", 1) : region(span));
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("physicalLocation", physical);
    return location;
  }

  private static Map<String, Object> fix(Remedy r, String artifact) {
    List<Object> replacements = new ArrayList<>();
    for (TextEdit t : r.edits()) {
      Map<String, Object> rep = new LinkedHashMap<>();
      rep.put("deletedRegion", region(new Span(t.start(), t.end())));
      rep.put("insertedContent", Map.of("text", t.text()));
      replacements.add(rep);
    }
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("artifactLocation", Map.of("uri", artifact));
    change.put("replacements", replacements);
    Map<String, Object> fix = new LinkedHashMap<>();
    boolean review = r.review() && r.impact() != null && r.impact().breaks() != null;
    fix.put(
        "description",
        text(
            oneLine(
                review
                    ? r.description() + " Review before applying: " + r.impact().breaks()
                    : r.description())));
    fix.put("artifactChanges", List.of(change));
    if (r.impact() != null) {
      fix.put(
          "properties",
          review
              ? Views.map("impact", r.impact().impact().apiName(), "breaks", r.impact().breaks())
              : Views.map("impact", r.impact().impact().apiName()));
    }
    return fix;
  }

  private static Map<String, Object> region(Span s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("startLine", s.start().line());
    m.put("startColumn", s.start().column());
    m.put("endLine", s.end().line());
    m.put("endColumn", s.end().column());
    return m;
  }

  private static Map<String, Object> text(String s) {
    return Map.of("text", s == null ? "" : s);
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean white = Character.isWhitespace(c);
      if (white && (c != ' ' || space)) {
        return WHITESPACE.matcher(t).replaceAll(" "); // a line break, a tab or a run of blanks
      }
      space = white;
    }
    return t;
  }

  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");

  /** {@code Container runs privileged} → {@code ContainerRunsPrivileged}. */
  static String pascal(String title) {
    StringBuilder out = new StringBuilder();
    for (String w : WORD_BREAK.split(title)) {
      if (!w.isEmpty()) {
        out.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
      }
    }
    return out.toString();
  }
}
