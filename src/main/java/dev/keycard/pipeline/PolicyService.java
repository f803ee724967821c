package dev.keycard.pipeline;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.CompiledRuleSet;
import dev.keycard.engine.Evaluator;
import dev.keycard.engine.RuleCompiler;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.engine.Limits;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyException;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleSet;
import dev.keycard.policy.RuleSetSelector;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Loads and compiles every rule set once at start-up, runs each rule's own examples, and serves
 * the compiled, immutable result to every request. Ready only when all of that succeeded.
 */
@Startup
@ApplicationScoped
public class PolicyService {
  private static final Logger LOG = Logger.getLogger(PolicyService.class);

  private final PolicyConfig config;
  private final RuleCompiler shippedGate = new RuleCompiler(Limits.SHIPPED);
  private final RuleCompiler adHocGate = new RuleCompiler(Limits.DEFAULT);
  private final Evaluator evaluator;
  private final PolicyCatalog catalog;
  private final Map<String, CompiledRuleSet> compiled;
  private final List<PolicyProblem> problems;

  public PolicyService(PolicyConfig config, ParseService parser) {
    this.config = config;
    this.evaluator = new Evaluator(config.threads(), config.deadline());
    List<PolicyProblem> found = new ArrayList<>();
    PolicyCatalog loaded = null;
    Map<String, CompiledRuleSet> sets = new LinkedHashMap<>();
    try {
      loaded = PolicyLoader.load(dirs(config));
      sets = compileAll(loaded, found);
      found.addAll(new ExampleRunner(parser).run(sets.values()));
    } catch (PolicyException e) {
      found.addAll(e.problems());
    }
    this.catalog = loaded;
    this.compiled = Map.copyOf(sets);
    this.problems = List.copyOf(found);
    if (problems.isEmpty()) {
      LOG.infof("loaded %d rule set versions, %d rules", compiled.size(), catalog.ruleIds().size());
    } else {
      LOG.errorf("rule sets are not ready:\n%s", String.join("\n", problems.stream().map(PolicyProblem::format).toList()));
    }
  }

  static List<Path> dirs(PolicyConfig config) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(Path.of(config.bundled()));
    config.dirs().ifPresent(ds -> ds.stream().filter(d -> !d.isBlank()).map(Path::of).forEach(dirs::add));
    return dirs;
  }

  private Map<String, CompiledRuleSet> compileAll(PolicyCatalog c, List<PolicyProblem> found) {
    RuleSetCompiler compiler = new RuleSetCompiler(shippedGate);
    Map<String, CompiledRule> byKey = new HashMap<>();
    Map<String, CompiledRuleSet> out = new LinkedHashMap<>();
    for (RuleSet rs : c.all()) {
      List<CompiledRule> rules = new ArrayList<>();
      for (RuleDefinition d : rs.rules()) {
        CompiledRule base =
            byKey.computeIfAbsent(d.key(), k -> compiler.compile(d, found));
        if (base != null) {
          rules.add(base.definition().severity() == d.severity() ? base : base.withDefinition(d));
        }
      }
      out.put(rs.key(), new CompiledRuleSet(rs, rules));
    }
    return out;
  }

  /** Whether every rule set compiled and passed its examples. */
  public boolean ready() {
    return problems.isEmpty() && catalog != null;
  }

  /** What keeps the service from being ready. */
  public List<PolicyProblem> problems() {
    return problems;
  }

  public Optional<PolicyCatalog> catalog() {
    return Optional.ofNullable(catalog);
  }

  /** The compiled rule set a selector names (the configured default when null). */
  public Optional<CompiledRuleSet> select(String selector) {
    if (catalog == null) {
      return Optional.empty();
    }
    String s = selectorOrDefault(selector);
    return RuleSetSelector.parse(s).flatMap(catalog::select).map(rs -> compiled.get(rs.key()));
  }

  /** The selector, or the configured default rule set when none is given. */
  public String selectorOrDefault(String selector) {
    return selector == null || selector.isBlank() ? config.defaultRuleset() : selector;
  }

  /** The gate for rules sent by callers (tighter limits than shipped rules). */
  public RuleCompiler adHocGate() {
    return adHocGate;
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  @PreDestroy
  void close() {
    evaluator.close();
  }
}
