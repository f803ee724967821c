package dev.keycard.api;

import dev.keycard.pipeline.LimitsConfig;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleExample;
import dev.keycard.policy.RuleSet;
import dev.keycard.policy.RuleSetSelector;
import dev.keycard.pipeline.Keycard;
import dev.keycard.pipeline.RuleCheckService;
import dev.keycard.report.JsonReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rule sets and rules: what is loaded, and a checker for rules of your own. */
@Budgeted
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetsResource {
  private final Keycard keycard;
  private final LimitsConfig limits;
  private final AdhocRules adhoc;

  public RuleSetsResource(Keycard keycard, LimitsConfig limits, AdhocRules adhoc) {
    this.adhoc = adhoc;
    this.keycard = keycard;
    this.limits = limits;
  }

  /** A version of a rule set in listings. */
  public record VersionView(String version, String digest, boolean released, int rules) {}

  /** A rule set with its versions, newest first. */
  public record RuleSetSummary(String name, String latest, List<VersionView> versions) {}

  /** The list response. */
  public record RuleSetList(List<RuleSetSummary> rulesets) {}

  /** A rule in a rule set's listing. */
  public record RuleRef(String id, int revision, String title, String severity) {}

  /** One rule-set version in full. */
  public record RuleSetView(
      String name, String version, String description, String digest, boolean released,
      List<String> versions, List<RuleRef> rules) {}

  /** One rule in full. */
  public record RuleView(
      String id, int revision, String title, String severity, String rationale,
      List<String> references, String forEach, String when, String message, String remediation,
      List<Map<String, Object>> fix, Map<String, List<String>> examples, List<String> rulesets) {}

  /** A check's answer: overall ok, per rule, and problems not tied to a rule. */
  public record CheckView(boolean ok, List<RuleCheck> rules, List<Problem.ErrorItem> errors) {}

  /** One rule's check. */
  public record RuleCheck(String id, boolean ok, int examples, List<Problem.ErrorItem> errors) {}

  @GET
  @Path("/rulesets")
  @Operation(summary = "Every rule set with its versions, newest first")
  public RuleSetList list() {
    PolicyCatalog c = catalog();
    return new RuleSetList(
        c.names().stream()
            .map(n -> new RuleSetSummary(
                n, c.versions(n).get(0).version().toString(),
                c.versions(n).stream()
                    .map(v -> new VersionView(v.version().toString(), v.digest(), v.released(), v.rules().size()))
                    .toList()))
            .toList());
  }

  @GET
  @Path("/rulesets/{name}")
  @Operation(summary = "The newest version of a rule set, with its rules")
  public RuleSetView latest(@PathParam("name") String name) {
    return view(select(name));
  }

  @GET
  @Path("/rulesets/{name}/{version}")
  @Operation(summary = "A version of a rule set (1, 1.0 or 1.0.0: the newest match)")
  public RuleSetView version(@PathParam("name") String name, @PathParam("version") String version) {
    return view(select(name + "@" + version));
  }

  @GET
  @Path("/rules/{id}")
  @Operation(summary = "One rule: metadata, expression, fix and examples")
  public RuleView rule(@PathParam("id") String id) {
    PolicyCatalog c = catalog();
    RuleDefinition d =
        c.rule(id).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND, "no rule '" + id + "'"));
    List<String> sets =
        c.all().stream()
            .filter(rs -> rs.rules().stream().anyMatch(r -> r.key().equals(d.key())))
            .map(RuleSet::key)
            .toList();
    Map<String, List<String>> examples = new LinkedHashMap<>();
    examples.put("fail", d.failExamples().stream().map(RuleExample::input).toList());
    examples.put("pass", d.passExamples().stream().map(RuleExample::input).toList());
    return new RuleView(
        d.id(), d.revision(), d.title(), d.severity().apiName(), d.rationale(), d.references(),
        d.forEach(), d.when().text(), d.message().text(), d.remediation(),
        d.fix().stream().map(JsonReport::fix).toList(),
        examples, sets);
  }

  @POST
  @Path("/rulesets/check")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Check rules of your own",
      description =
          "Body: a rule, a list of rules or a rule set with inline rules (YAML or JSON). Every rule"
              + " is compiled in the sandbox and its examples are run; errors carry line and"
              + " column in the submitted text.")
  public CheckView check(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
    adhoc.require();
    if (body != null && body.length > limits.maxBodySize().asLongValue()) {
      throw new ProblemException(ErrorCode.BODY_TOO_LARGE, BodyLimitFilter.tooLarge(limits).detail());
    }
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (!type.isEmpty() && !type.startsWith("application/json") && !type.contains("yaml") && !type.startsWith("text/plain")) {
      throw new ProblemException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the rules as application/yaml, text/yaml, text/plain or application/json.");
    }
    String text = BodyText.decode(body);
    if (text.isBlank()) {
      throw new ProblemException(ErrorCode.BAD_REQUEST, "The body is empty: send a rule, a list of rules or a rule set.");
    }
    RuleCheckService.CheckResult r = keycard.check(text);
    return new CheckView(
        r.ok(),
        r.rules().stream()
            .map(o -> new RuleCheck(o.id(), o.ok(), o.examples(), o.problems().stream().map(RuleSetsResource::item).toList()))
            .toList(),
        r.problems().stream().map(RuleSetsResource::item).toList());
  }

  private static Problem.ErrorItem item(PolicyProblem p) {
    return new Problem.ErrorItem(
        p.message() + (p.excerpt() == null ? "" : "\n" + p.excerpt()),
        p.at() == null ? null : p.at().line(),
        p.at() == null ? null : p.at().column(),
        null, null, p.code());
  }

  private PolicyCatalog catalog() {
    return keycard.catalog()
        .orElseThrow(() -> new ProblemException(ErrorCode.NOT_READY, "Rule sets failed to load; see /q/health/ready."));
  }

  private RuleSet select(String selector) {
    PolicyCatalog c = catalog();
    return RuleSetSelector.parse(selector)
        .flatMap(c::select)
        .orElseThrow(
            () -> {
              var refusal = RuleSetSelector.refusal(selector, c).orElseThrow();
              return new ProblemException(
                  refusal.malformed() ? ErrorCode.BAD_REQUEST : ErrorCode.NOT_FOUND,
                  refusal.message());
            });
  }

  private RuleSetView view(RuleSet rs) {
    return new RuleSetView(
        rs.name(), rs.version().toString(), rs.description(), rs.digest(), rs.released(),
        catalog().versions(rs.name()).stream().map(v -> v.version().toString()).toList(), rs.rules().stream()
            .map(r -> new RuleRef(r.id(), r.revision(), r.title(), r.severity().apiName()))
            .toList());
  }
}
