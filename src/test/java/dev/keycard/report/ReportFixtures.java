package dev.keycard.report;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.EvaluationService;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.pipeline.PolicyService;
import dev.keycard.pipeline.RemediationService;
import dev.keycard.pipeline.TestPolicyConfig;
import dev.keycard.policy.Waiver;
import dev.keycard.remediation.Apply;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.util.List;
import java.util.Map;

/**
 * The three inputs every view is tested on (a compose file with a waiver and an in-file
 * suppression, a docker run command, an engine-api body), evaluated by the whole pipeline without
 * Quarkus over the shipped {@code policies/}, with the decision id fixed so outputs are stable.
 */
final class ReportFixtures {
  static final String DECISION_ID = "00000000-0000-4000-8000-000000000000";
  static final ReportContext CONTEXT =
      new ReportContext(null, null, ReportContext.DEFAULT_DOCS, "0.0.0-test");

  /** One input: its name, text, and the waivers sent with it. */
  record Case(String name, String text, List<Waiver> waivers) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "compose",
              """
              services:
                web:
                  image: nginx:1.27
                  privileged: true
                  ports:
                    - "80:80"
                  volumes:
                    - /var/run/docker.sock:/var/run/docker.sock # keycard:ignore KC-030 the proxy reads events
                backup:
                  image: alpine:3.20
                  user: "1000"
                  read_only: true
                  cap_drop: [ALL]
              """,
              List.of(new Waiver("KC-041", "backup", "backups may use every CPU", null))),
          new Case(
              "docker-run",
              "docker run -d --name app --cap-add SYS_ADMIN -v /:/host -p 8080:80 myapp:1.0\n",
              List.of()),
          new Case(
              "engine-api",
              """
              {
                "Image": "redis:7",
                "HostConfig": {
                  "Privileged": true,
                  "NetworkMode": "host",
                  "Binds": ["/etc:/host-etc:ro"]
                }
              }
              """,
              List.of()));

  private static final ParseService PARSER = new ParseService(Formats.reader());
  private static PolicyService policies;

  private ReportFixtures() {}

  static synchronized PolicyService policies() {
    if (policies == null) {
      policies = new PolicyService(TestPolicyConfig.of("policies"), PARSER);
      if (!policies.problems().isEmpty()) {
        throw new IllegalStateException("policies not ready: " + policies.problems());
      }
    }
    return policies;
  }

  static EvaluationService evaluations() {
    return new EvaluationService(PARSER, policies());
  }

  static RemediationService remediation() {
    return new RemediationService(PARSER, evaluations());
  }

  static InputRequest request(Case c) {
    return new InputRequest(c.text(), false, null, Map.of(), Map.of());
  }

  static EvaluationOptions options(Case c) {
    return new EvaluationOptions("restricted", List.of(), c.waivers(), null);
  }

  /** The evaluation of a case with the fixed decision id. */
  static Evaluation evaluate(Case c) {
    InputRequest r = request(c);
    Evaluation e = evaluations().evaluate(PARSER.parse(r), r, options(c));
    return stable(e);
  }

  /** The safe fixes applied to a case, as the chat view and {@code /v1/fix} do by default. */
  static FixResult fix(Case c) {
    InputRequest r = request(c);
    Evaluation e = evaluations().evaluate(PARSER.parse(r), r, options(c));
    return remediation().fixAll(stable(e), r, options(c), Apply.SAFE);
  }

  static Evaluation stable(Evaluation e) {
    return new Evaluation(
        DECISION_ID,
        e.allow(),
        e.ruleSet(),
        e.input(),
        e.findings(),
        e.suppressed(),
        e.warnings(),
        0,
        e.undecided(),
        e.unknownDenies(),
        e.failOn());
  }
}
