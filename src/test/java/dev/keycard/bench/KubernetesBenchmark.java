package dev.keycard.bench;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.RuleEngine;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.pipeline.Keycard;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 20's speed target: a rendered stream of 100 Deployments (300 containers: two containers and
 * one init container each, hardened as the restricted level asks, with a Service between every two
 * workloads as {@code helm template} writes them) parsed and judged by {@code pss-restricted} on one
 * thread. {@code parseAndEvaluate} is the two stages alone; {@code decide} is what the service does
 * for a request without HTTP (through {@link Keycard#decide}, without the answer cache). Run from the
 * repository root: {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args="KubernetesBenchmark
 * -f 1"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KubernetesBenchmark {
  @Param({"stream-100"})
  public String input;

  private final InputReader reader = Formats.reader();
  private String text;
  private List<CompiledRule> rules;
  private Keycard keycard;
  private Keycard.Request request;

  @Setup
  public void setup() throws Exception {
    rules = Shipped.rules("pss-restricted");
    text = stream(100);
    ParsedInput parsed = reader.read(text, false, null, ParseOptions.defaults());
    if (parsed.hasErrors() || parsed.containers().size() != 300) {
      throw new IllegalStateException(parsed.containers().size() + " containers, " + parsed.errors());
    }
    keycard = Shipped.keycard(reader);
    request = Shipped.request(text, "pss-restricted");
  }

  /** {@code n} hardened Deployments of three containers each, a Service after every other one. */
  static String stream(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("---\n# Source: app/templates/deployment-").append(i).append(".yaml\n")
          .append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app").append(i)
          .append("\n  labels: {app: app").append(i).append("}\nspec:\n  replicas: 2\n")
          .append("  selector:\n    matchLabels: {app: app").append(i).append("}\n")
          .append("  template:\n    metadata:\n      labels: {app: app").append(i).append("}\n")
          .append("    spec:\n      securityContext:\n        runAsNonRoot: true\n")
          .append("        runAsUser: 1000\n        seccompProfile: {type: RuntimeDefault}\n")
          .append("      initContainers:\n").append(container("migrate", i, 0))
          .append("      containers:\n").append(container("app", i, 8080))
          .append(container("sidecar", i, 9090))
          .append("      volumes:\n        - name: cache\n          emptyDir: {}\n");
      if (i % 2 == 1) {
        b.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app").append(i)
            .append("\nspec:\n  selector: {app: app").append(i).append("}\n")
            .append("  ports:\n    - port: 80\n      targetPort: 8080\n");
      }
    }
    return b.toString();
  }

  private static String container(String name, int i, int port) {
    StringBuilder b = new StringBuilder();
    b.append("        - name: ").append(name).append("\n")
        .append("          image: registry.example.com/team/").append(name).append(i).append(":1.4.2\n");
    if (port > 0) {
      b.append("          ports:\n            - containerPort: ").append(port).append("\n");
    }
    b.append("          env:\n            - {name: TZ, value: UTC}\n")
        .append("            - name: DB_PASSWORD\n              valueFrom:\n")
        .append("                secretKeyRef: {name: db, key: password}\n")
        .append("          resources:\n            limits: {memory: 512Mi, cpu: 500m}\n")
        .append("            requests: {memory: 256Mi, cpu: 250m}\n")
        .append("          securityContext:\n            allowPrivilegeEscalation: false\n")
        .append("            readOnlyRootFilesystem: true\n")
        .append("            capabilities: {drop: [ALL]}\n")
        .append("          volumeMounts:\n            - {name: cache, mountPath: /cache}\n");
    return b.toString();
  }

  @Benchmark
  public Object parseAndEvaluate() {
    ParsedInput parsed = reader.read(text, false, null, ParseOptions.defaults());
    return RuleEngine.evaluateNow(rules, parsed.containers());
  }

  @Benchmark
  public Object decide() {
    return keycard.decide(request).evaluation();
  }
}
