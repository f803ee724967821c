package dev.keycard.engine;

import dev.keycard.model.Container;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mvel2.MVEL;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ns per rule evaluation: the same rules through the gate (locked compile, restricted loader as
 * TCCL, read-only variables) and as plain compiled MVEL of the same canonical text with the same
 * helper imports. Not run by verify: {@code ./mvnw -Pbench test-compile exec:exec
 * -Djmh.args="GateBenchmark -f 1"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GateBenchmark {
  /** Rules of the kind the catalogue holds: flags, namespaces, projections, helpers, regex. */
  static final List<String> RULES =
      List.of(
          "c.privileged",
          "c.network_mode == 'host'",
          "c.pid == 'host' || c.ipc == 'host'",
          "c.user != null && is_root_user(c.user)",
          "c.user == null && (c.image_user == null || is_root_user(c.image_user))",
          "!(c.cap_drop contains 'ALL')",
          "c.cap_add contains 'ALL'",
          "($ in c.cap_add if !is_default_cap($)).size() > 0",
          "($ in c.mounts if $.type == 'bind' && is_sensitive_path($.source)).size() > 0",
          "($ in c.mounts if $.source != null && is_runtime_socket($.source)).size() > 0",
          "c.memory == null || c.memory <= 0",
          "c.pids_limit == null || c.pids_limit <= 0",
          "c.no_new_privileges != true && !c.privileged",
          "($ in c.sysctls if !is_safe_sysctl($.name)).size() > 0",
          "($ in c.ports if $.host_ip == null || $.host_ip == '0.0.0.0').size() > 0",
          "c.image ~= '.*:latest'");

  Map<String, Object> container;
  List<Program> gated;
  List<Serializable> plain;
  List<Map<String, Object>> plainVars;

  @Setup
  public void setup() throws Exception {
    container = FrozenModel.freeze(sample());
    RuleCompiler gate = new RuleCompiler(Limits.SHIPPED);
    gated = new ArrayList<>();
    plain = new ArrayList<>();
    plainVars = new ArrayList<>();
    for (String r : RULES) {
      Program p = gate.compileExpression(r);
      gated.add(p);
      plain.add(MVEL.compileExpression(p.canonical(), plainContext()));
      Map<String, Object> vars = new HashMap<>(p.constantValues());
      vars.put("c", container);
      plainVars.add(vars);
    }
  }

  /** A default MVEL context with only the imports the canonical text needs. */
  static ParserContext plainContext() throws NoSuchMethodException {
    ParserConfiguration conf = new ParserConfiguration();
    LockedMvel.FUNCTIONS.forEach(conf::addImport);
    return new ParserContext(conf);
  }

  @Benchmark
  public void gate(Blackhole bh) {
    for (Program p : gated) {
      bh.consume(p.test(container));
    }
  }

  @Benchmark
  public void plainMvel(Blackhole bh) {
    for (int i = 0; i < plain.size(); i++) {
      bh.consume(MVEL.executeExpression(plain.get(i), plainVars.get(i)));
    }
  }

  static Container sample() {
    Container.Builder b = Container.builder();
    b.name = "web";
    b.image = "nginx:latest";
    b.user = "1000:1000";
    b.capAdd.add("NET_ADMIN");
    b.capDrop.add("ALL");
    b.mounts.add(new Mount("bind", "/srv/app", "/app", true, null));
    b.mounts.add(new Mount("volume", "data", "/data", false, null));
    b.ports.add(new Port("127.0.0.1", 8080, 8080, 80, 80, "tcp"));
    b.sysctls.add(new Sysctl("net.ipv4.ip_unprivileged_port_start", "0"));
    b.environment.add(new EnvVar("TZ", "UTC"));
    b.memory = 536870912L;
    b.pidsLimit = 100L;
    return b.build();
  }
}
