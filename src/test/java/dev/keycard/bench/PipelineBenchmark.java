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
 * Parse + evaluate the shipped {@code restricted} rule set, single thread, per input: a docker run
 * line and compose documents of 1, 5 and 200 services; the stages alone ({@code parseAndEvaluate})
 * and as the service decides a request, through its entry point ({@code decide}: {@link
 * Keycard#decide} without the answer cache and without fixes, which a view asks for). Run from the repository root: {@code
 * ./mvnw -Pbench test-compile exec:exec -Djmh.args="PipelineBenchmark -f 1"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
  @Param({"docker-run", "compose-1", "compose-5", "compose-200"})
  public String input;

  private final InputReader reader = Formats.reader();
  private String text;
  private List<CompiledRule> rules;

  @Setup
  public void setup() throws Exception {
    rules = Shipped.rules("restricted");
    text =
        switch (input) {
          case "docker-run" -> "docker run -d --name web -p 8080:80 -v /srv/html:/usr/share/nginx/html:ro"
              + " --cap-add NET_ADMIN --security-opt no-new-privileges -e TZ=UTC --memory 512m nginx:1.27";
          case "compose-1" -> compose(1);
          case "compose-5" -> compose(5);
          default -> compose(200);
        };
  }

  /**
   * The facade for {@link #decide}, built only for that benchmark: building it runs every rule's
   * examples through every format, which would leave the JIT's type profiles of the shared parse and
   * evaluate code different from what {@link #parseAndEvaluate} measured before the facade existed.
   */
  @State(Scope.Benchmark)
  public static class Facade {
    Keycard keycard;
    Keycard.Request request;

    @Setup
    public void setup(PipelineBenchmark b) throws Exception {
      keycard = Shipped.keycard(b.reader);
      request = Shipped.request(b.text, "restricted");
    }
  }

  /** A realistic service, repeated: image, ports, volumes, environment, caps, a healthcheck. */
  static String compose(int services) {
    StringBuilder b = new StringBuilder("services:\n");
    for (int i = 0; i < services; i++) {
      b.append("  app").append(i).append(":\n")
          .append("    image: registry.example.com/team/app").append(i).append(":1.4.2\n")
          .append("    user: \"1000:1000\"\n")
          .append("    read_only: true\n")
          .append("    cap_drop: [ALL]\n")
          .append("    cap_add: [NET_BIND_SERVICE]\n")
          .append("    security_opt:\n      - no-new-privileges:true\n")
          .append("    ports:\n      - \"127.0.0.1:").append(8000 + i).append(":8080\"\n")
          .append("    volumes:\n      - ./data/app").append(i).append(":/data\n      - /etc/localtime:/etc/localtime:ro\n")
          .append("    environment:\n      TZ: UTC\n      LOG_LEVEL: info\n")
          .append("    mem_limit: 512m\n    cpus: 1\n    pids_limit: 100\n")
          .append("    healthcheck:\n      test: [\"CMD\", \"wget\", \"-q\", \"-O-\", \"http://localhost:8080/health\"]\n")
          .append("    restart: on-failure:5\n");
    }
    return b.toString();
  }

  @Benchmark
  public Object parseAndEvaluate() {
    ParsedInput parsed = reader.read(text, false, null, ParseOptions.defaults());
    return RuleEngine.evaluateNow(rules, parsed.containers());
  }

  @Benchmark
  public Object decide(Facade f) {
    return f.keycard.decide(f.request).evaluation();
  }

  /** The input stage alone: detection and parsing (for telling a parse cost from a rule cost). */
  @Benchmark
  public Object parseOnly() {
    return reader.read(text, false, null, ParseOptions.defaults());
  }
}
